package dev.rondo.bench;

/** Sleeps for the benchmark's polling loops, which wait on the database, not on a latch of their own. */
final class Sleep {

    private Sleep() {}

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
