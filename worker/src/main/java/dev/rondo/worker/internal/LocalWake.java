package dev.rondo.worker.internal;

import java.util.Collection;
import java.util.Set;

/**
 * Wakes this worker's dispatcher when a commit of its own gave items to one of its queues (a slice that
 * started tasks or woke itself, a task end that woke its workflow): at once, in process, rather than by
 * the notification the same commit sends to every worker, which reaches the dispatcher only after two
 * more processes (the listening backend, the listener thread) have run.
 */
final class LocalWake {

    private final Set<String> queues;
    private final Runnable wake;

    LocalWake(Set<String> queues, Runnable wake) {
        this.queues = queues;
        this.wake = wake;
    }

    /** {@code woken} got items that are committed now. */
    void woke(Collection<String> woken) {
        for (String queue : woken) {
            if (queues.contains(queue)) {
                wake.run();
                return;
            }
        }
    }
}
