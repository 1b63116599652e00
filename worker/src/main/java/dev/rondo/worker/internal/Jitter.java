package dev.rondo.worker.internal;

import java.util.concurrent.ThreadLocalRandom;

/** Spreads periodic work of many workers apart, so their polls and rescues do not fall on the same instant. */
public final class Jitter {

    private Jitter() {}

    /** {@code millis} give or take 20%. */
    public static long around(long millis) {
        return (long) (millis * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
    }
}
