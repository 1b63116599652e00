package dev.rondo.worker.internal;

import dev.rondo.store.QueueStatements;
import java.util.List;

/**
 * Eager dispatch: free slots of this worker taken for the tasks a slice is about to start, so that the
 * slice inserts that many of them already leased to this worker (write_slice.sql) and the worker runs them
 * without a claim, as Temporal's eager activities. The tasks beyond the free slots are left to any worker.
 */
interface EagerSlots {

    /** Takes up to {@code wanted} free slots (each with a handler slot) now, without waiting. */
    Held take(int wanted);

    /** None taken: for a worker that dispatches nothing eagerly. */
    EagerSlots NONE = wanted -> new Held() {
        @Override
        public int count() {
            return 0;
        }

        @Override
        public void run(List<QueueStatements.Claimed> items) {
            if (!items.isEmpty()) {
                throw new IllegalStateException("no slot was taken for " + items.size() + " eager tasks");
            }
        }

        @Override
        public void release() {}
    };

    /** Slots taken for a slice's tasks: either run in ({@link #run}) or given back ({@link #release}), once. */
    interface Held {
        int count();

        /** Runs the tasks leased to this worker, at most {@link #count()}, each in a taken slot; frees the rest. */
        void run(List<QueueStatements.Claimed> items);

        /** Gives every slot back (the slice was not committed). */
        void release();
    }
}
