package dev.rondo.store;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a schedule fires: a cron expression read on the wall clock of a time zone, or a fixed interval
 * counted from an anchor. Parsing and the calculation of fire times are cron-utils'; what this class adds
 * is the daylight-saving rule users expect of a wall-clock schedule:
 * <ul>
 *   <li>a time the clocks skip (02:30 when they jump from 02:00 to 03:00) fires once, at the same distance
 *       after the jump (03:30): a daily job still runs that day;</li>
 *   <li>a time the clocks repeat (02:30 twice when they go back) fires once, at its first occurrence.</li>
 * </ul>
 * An interval ({@code every}) is plain elapsed time and ignores the zone.
 *
 * <pre>{@code
 * ScheduleSpec nightly = ScheduleSpec.cron("0 2 * * *", "Europe/Berlin");
 * Optional<Instant> next = nightly.nextAfter(Instant.now());
 * }</pre>
 */
public final class ScheduleSpec {

    /** An interval may be at most this long (about 100 years), so fire times stay inside timestamptz. */
    public static final long MAX_EVERY_SECONDS = 100L * 366 * 24 * 3600;

    private static final CronParser FIVE_FIELDS = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser SIX_FIELDS = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING));
    /** Candidate wall-clock times looked at for one fire time; far above what any real expression needs. */
    private static final int MAX_CANDIDATES = 10_000;

    private final String cron;
    private final Long everySeconds;
    private final ZoneId zone;
    private final ExecutionTime executionTime;

    private ScheduleSpec(String cron, Long everySeconds, ZoneId zone, ExecutionTime executionTime) {
        this.cron = cron;
        this.everySeconds = everySeconds;
        this.zone = zone;
        this.executionTime = executionTime;
    }

    /**
     * A cron expression of 5 fields ({@code minute hour day-of-month month day-of-week}) or 6 with seconds
     * first, read in {@code timeZone} (a region such as {@code Europe/Berlin}; null means UTC).
     *
     * @throws IllegalArgumentException when the expression or the zone is not valid, with what to change
     */
    public static ScheduleSpec cron(String expression, String timeZone) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("The cron expression is empty; give 5 fields (minute hour day month weekday)"
                    + " or 6 with seconds first, e.g. '0 2 * * *'.");
        }
        String trimmed = expression.trim().replaceAll("\\s+", " ");
        int fields = trimmed.split(" ").length;
        if (fields != 5 && fields != 6) {
            throw new IllegalArgumentException("The cron expression '" + expression + "' has " + fields + " fields; give 5"
                    + " (minute hour day month weekday) or 6 with seconds first (second minute hour day month weekday).");
        }
        Cron parsed;
        try {
            parsed = (fields == 5 ? FIVE_FIELDS : SIX_FIELDS).parse(trimmed);
            parsed.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The cron expression '" + expression + "' is not valid: " + e.getMessage()
                    + ". Fields: " + (fields == 5 ? "minute hour day month weekday" : "second minute hour day month weekday") + ".");
        }
        ScheduleSpec spec = new ScheduleSpec(trimmed, null, zone(timeZone), ExecutionTime.forCron(parsed));
        return spec;
    }

    /**
     * Every {@code seconds} seconds, counted from the anchor the schedule keeps (its creation).
     *
     * @throws IllegalArgumentException when {@code seconds} is not positive or over {@link #MAX_EVERY_SECONDS}
     */
    public static ScheduleSpec every(long seconds) {
        if (seconds <= 0 || seconds > MAX_EVERY_SECONDS) {
            throw new IllegalArgumentException("The interval must be between 1 and " + MAX_EVERY_SECONDS
                    + " seconds; it is " + seconds + ".");
        }
        return new ScheduleSpec(null, seconds, ZoneOffset.UTC, null);
    }

    /** The spec a stored schedule row describes. */
    public static ScheduleSpec of(String cron, Long everySeconds, String timeZone) {
        return cron != null ? cron(cron, timeZone) : every(everySeconds);
    }

    /**
     * A time zone by its id ({@code Europe/Berlin}, {@code UTC}, {@code +02:00}); null or blank means UTC.
     *
     * @throws IllegalArgumentException when the zone is not known
     */
    public static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Unknown time zone '" + timeZone + "'; use a region id such as"
                    + " 'Europe/Berlin' or 'America/New_York', or 'UTC'.");
        }
    }

    /** The cron expression (spaces normalised), or null for an interval. */
    public String cronExpression() {
        return cron;
    }

    /** The interval in seconds, or null for a cron expression. */
    public Long everySeconds() {
        return everySeconds;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * The first fire time strictly after {@code after}; for an interval, {@code anchor + k × every}. Empty
     * when the expression never matches again (a 30th of February).
     */
    public Optional<Instant> nextAfter(Instant after, Instant anchor) {
        if (everySeconds != null) {
            // Duration keeps its nanoseconds in [0, 1 s), so the floor of its seconds is the floor of the whole
            long periods = Math.floorDiv(java.time.Duration.between(anchor, after).getSeconds(), everySeconds) + 1;
            Instant next = anchor.plusSeconds(periods * everySeconds);
            while (!next.isAfter(after)) { // after on a fire time exactly
                next = next.plusSeconds(everySeconds);
            }
            return Optional.of(next);
        }
        // walk the wall clock (as if it had no gaps or repeats), then place each wall time in the zone
        LocalDateTime wall = LocalDateTime.ofInstant(after, zone);
        for (int i = 0; i < MAX_CANDIDATES; i++) {
            Optional<ZonedDateTime> candidate = executionTime.nextExecution(wall.atZone(ZoneOffset.UTC));
            if (candidate.isEmpty()) {
                return Optional.empty();
            }
            wall = candidate.get().toLocalDateTime();
            // a gap moves the time later by the gap's length; a repeat takes the earlier offset
            Instant placed = ZonedDateTime.ofLocal(wall, zone, null).toInstant();
            if (placed.isAfter(after)) {
                return Optional.of(placed);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return cron != null ? "cron '" + cron + "' in " + zone.getId() : "every " + everySeconds + " s";
    }
}
