package dev.rondo.bench;

import java.util.Arrays;

/** Medians of repeated measurements: machines here are shared and noisy, so no single run is trusted. */
final class Stats {

    private Stats() {}

    static double median(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The nearest-rank percentile: the smallest sample with at least {@code p} of the samples at or below it. */
    static double percentile(double[] samples, double p) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static String format(double value) {
        if (value >= 1e6) {
            return String.format("%.2fM", value / 1e6);
        }
        if (value >= 1e3) {
            return String.format("%.1fk", value / 1e3);
        }
        return String.format("%.2f", value);
    }
}
