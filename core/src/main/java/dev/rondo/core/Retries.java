package dev.rondo.core;

import java.util.function.DoubleSupplier;

/**
 * When a failed task attempt is tried again, after how long, and the messages of attempts that ran out of
 * time: the rules the worker and the in-process driver (the test kit) share. The random number is injected: the worker draws it, the test kit gives a
 * fixed one so that its virtual times are the same on every run.
 */
public final class Retries {

    /** Backoff delays are spread by ±25% so that tasks that failed together do not retry together. */
    public static final double JITTER = 0.25;

    /** For a test kit: a draw in the middle of the range, which leaves the backoff as the options say. */
    public static final DoubleSupplier NO_JITTER = () -> 0.5;

    private Retries() {}

    /** Whether attempt {@code attempt} (1 for the first), which failed, is followed by another. */
    public static boolean retry(TaskOptions options, int attempt, boolean retryable) {
        return retryable && attempt < options.maxAttempts();
    }

    /**
     * Seconds to wait after failed attempt {@code attempt} before the next: the options' exponential backoff,
     * spread by {@link #JITTER} with {@code random} (a draw in [0, 1), 0.5 for none).
     */
    public static double delayAfter(TaskOptions options, int attempt, DoubleSupplier random) {
        return options.backoffBefore(attempt + 1) * (1 + JITTER * (2 * random.getAsDouble() - 1));
    }

    /** The error of an attempt that ran past its timeout. */
    public static String timedOut(String taskName, double timeoutSeconds) {
        return "Task '" + taskName + "' timed out after " + seconds(timeoutSeconds) + " seconds.";
    }

    /** The error of an attempt that sent no heartbeat within its heartbeat timeout. */
    public static String noHeartbeat(String taskName, double heartbeatTimeoutSeconds) {
        return "Task '" + taskName + "' sent no heartbeat for " + seconds(heartbeatTimeoutSeconds) + " seconds.";
    }

    private static String seconds(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
