package dev.rondo.worker.internal;

import dev.rondo.store.ExecutionKind;
import dev.rondo.store.QueueStatements;
import dev.rondo.store.SliceDao;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Eager dispatch (docs/engine.md, "How a task gets to a worker"): a slice that starts tasks this worker can
 * run reserves free slots of its own worker for them (as many as are free), its statement inserts their queue
 * items already leased to this worker (write_slice.sql), and once its transaction commits the worker runs
 * them as if it had claimed them: no claim, no notification, no index entry of the claim. What the worker
 * has not free, and tasks that must wait their turn (a concurrency key or rate limit, a fairness key, a
 * paused queue), go the ordinary way, to whichever worker claims them. A try of the slice that does not
 * commit gives its slots back and runs nothing.
 *
 * <p>While the worker stops, no slice reserves anything; {@link #awaitNoReservations} lets the slices that
 * reserved before hand their tasks over before the dispatcher's threads stop taking work.
 */
final class EagerTasks {

    /** How the dispatcher takes slots and runs an item it did not claim. */
    interface Slots {
        /** Up to {@code wanted} free slots, each with a handler slot, none waited for. */
        Reservation reserve(int wanted);

        /**
         * Runs {@code item}, a task of {@code queue} leased since {@code leasedFrom} (System.nanoTime), in one of
         * {@code reserved}'s slots.
         */
        void run(QueueStatements.Claimed item, String queue, long leasedFrom, Reservation reserved);

        /** Slots were given back unused: the dispatcher may claim with them. */
        void freed();
    }

    /** No eager dispatch: every task goes through the claim. */
    static final EagerTasks OFF = new EagerTasks(false, Set.of(), Set.of(), null, 0, null);

    private final boolean on;
    private final Set<String> queues;
    private final Set<String> handled;
    private final SliceDao.Lease lease;
    private final Slots slots;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}: whether reservations are still made, and how many are open. */
    private boolean stopped;
    private int open;

    /**
     * For a worker that serves {@code queues} and has handlers for {@code handled}, whose items it leases as
     * {@code owner} for {@code leaseSeconds}.
     */
    EagerTasks(Set<String> queues, Set<String> handled, String owner, double leaseSeconds, Slots slots) {
        this(true, queues, handled, owner, leaseSeconds, slots);
    }

    private EagerTasks(boolean on, Set<String> queues, Set<String> handled, String owner, double leaseSeconds, Slots slots) {
        this.on = on;
        this.queues = queues;
        this.handled = handled;
        this.lease = on ? new SliceDao.Lease(owner, leaseSeconds) : SliceDao.Lease.NONE;
        this.slots = slots;
    }

    /** What one slice reserves and runs, across its tries. */
    Slice slice() {
        return new Slice();
    }

    /** No more reservations from now on (the worker stops claiming). */
    void stop() {
        synchronized (lock) {
            stopped = true;
        }
    }

    /**
     * Waits until no slice holds a reservation (each hands its tasks to the dispatcher or gives its slots back
     * at its commit); false when {@code deadlineNanos} (System.nanoTime) came first. Call after {@link #stop}.
     */
    boolean awaitNoReservations(long deadlineNanos) throws InterruptedException {
        synchronized (lock) {
            while (open > 0) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    private boolean opened() {
        synchronized (lock) {
            if (stopped) {
                return false;
            }
            open++;
            return true;
        }
    }

    private void closed() {
        synchronized (lock) {
            open--;
            lock.notifyAll();
        }
    }

    /** Whether the worker may run this task at once: ordinary ones only, of its own queues and handlers. */
    private boolean eligible(SliceDao.Tasks tasks, int i) {
        return tasks.concurrencyKeys().get(i) == null && tasks.fairKeys().get(i) == null
                && queues.contains(tasks.queues().get(i)) && handled.contains(tasks.names().get(i));
    }

    /** A task attempt a slice leased to this worker, as a claim would have returned it, and its queue. */
    private record Leased(QueueStatements.Claimed item, String queue) {}

    /** One slice's eager tasks. Used by the slice's thread only. */
    final class Slice {
        private Reservation reserved;
        private long leasedFrom;
        private final List<Leased> leased = new ArrayList<>();

        /**
         * Reserves free slots for the slice's tasks that this worker may run at once, before its statement;
         * returns the tasks with {@link SliceDao.Tasks#eager()} marking those it reserved a slot for, and
         * the lease its statement gives them.
         */
        SliceDao.Tasks choose(SliceDao.Tasks tasks) {
            release(); // what an earlier try of the slice reserved
            if (!on || tasks.ids().isEmpty()) {
                return tasks;
            }
            int eligible = 0;
            for (int i = 0; i < tasks.ids().size(); i++) {
                if (eligible(tasks, i)) {
                    eligible++;
                }
            }
            if (eligible == 0 || !opened()) {
                return tasks;
            }
            reserved = slots.reserve(eligible);
            int left = reserved.size();
            List<Boolean> eager = new ArrayList<>(tasks.ids().size());
            for (int i = 0; i < tasks.ids().size(); i++) {
                boolean chosen = left > 0 && eligible(tasks, i);
                eager.add(chosen);
                if (chosen) {
                    left--;
                }
            }
            leasedFrom = System.nanoTime(); // before the statement that sets the lease
            return new SliceDao.Tasks(tasks.ids(), tasks.names(), tasks.queues(), tasks.priorities(), tasks.inputs(),
                    tasks.options(), tasks.promises(), tasks.concurrencyKeys(), tasks.concurrencyLimits(),
                    tasks.limitNames(), tasks.fairKeys(), tasks.fairWeights(), eager);
        }

        /** The lease the slice's statement gives the tasks it marked. */
        SliceDao.Lease lease() {
            return lease;
        }

        /**
         * After the statement: the attempts it leased to this worker, to run once the slice commits (built
         * from what the slice wrote, as the claim would have returned them); slots it did not use go back.
         */
        void leased(SliceDao.Tasks tasks, SliceDao.Written written, String parentId, String traceContext) {
            if (reserved == null) {
                return;
            }
            Map<String, Integer> rows = new HashMap<>();
            for (int i = 0; i < tasks.ids().size(); i++) {
                rows.put(tasks.ids().get(i), i);
            }
            for (int k = 0; k < written.leasedTasks().size(); k++) {
                int i = rows.get(written.leasedTasks().get(k));
                leased.add(new Leased(new QueueStatements.Claimed(written.leasedItems().get(k), tasks.ids().get(i),
                        ExecutionKind.TASK, tasks.names().get(i), tasks.inputs().get(i), 0, tasks.options().get(i), parentId,
                        false, false, traceContext), tasks.queues().get(i)));
            }
            if (reserved.keep(leased.size())) {
                slots.freed();
            }
        }

        /** After the commit: runs the leased attempts in their reserved slots. */
        void run() {
            if (reserved == null) {
                return;
            }
            try {
                for (Leased task : leased) {
                    slots.run(task.item(), task.queue(), leasedFrom, reserved);
                }
                leased.clear();
            } finally {
                release();
            }
        }

        /** Gives back whatever is still reserved and forgets the leased attempts (their try did not commit). */
        void release() {
            if (reserved == null) {
                return;
            }
            leased.clear();
            boolean gave = reserved.size() > 0;
            reserved.close();
            reserved = null;
            closed();
            if (gave) {
                slots.freed();
            }
        }
    }
}
