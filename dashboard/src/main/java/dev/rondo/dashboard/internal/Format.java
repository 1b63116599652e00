package dev.rondo.dashboard.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How times, durations and counts read on the pages (UTC, as the database keeps them). */
final class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Format() {}

    static String time(Instant at) {
        if (at == null) {
            return "";
        }
        if (at.equals(Instant.MAX) || at.getEpochSecond() > 253_402_300_799L) {
            return "never";
        }
        return TIME.format(at);
    }

    /** {@code 850 ms}, {@code 12.3 s}, {@code 4 min 5 s}, {@code 3 h 2 min}, {@code 2 d 4 h}. */
    static String duration(Duration d) {
        long ms = Math.abs(d.toMillis());
        String sign = d.isNegative() ? "-" : "";
        if (ms < 1_000) {
            return sign + ms + " ms";
        }
        if (ms < 60_000) {
            return sign + String.format("%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return sign + (s / 60) + " min " + (s % 60) + " s";
        }
        if (s < 86_400) {
            return sign + (s / 3600) + " h " + (s % 3600 / 60) + " min";
        }
        return sign + (s / 86_400) + " d " + (s % 86_400 / 3600) + " h";
    }

    static String between(Instant from, Instant to) {
        return from == null || to == null ? "" : duration(Duration.between(from, to));
    }

    /** A capped count: {@code 10000+} when the count stopped at its cap. */
    static String count(long count, int cap) {
        return count >= cap ? (cap - 1) + "+" : Long.toString(count);
    }
}
