package dev.rondo.worker.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads task handlers run on, apart from the engine's own: platform daemon threads (the operating
 * system shares the cores between them and the engine, so a handler that spins cannot stop claims,
 * slices, lease renewal or timeouts; a daemon thread never keeps the process alive), at most one per
 * handler slot. A slot stays taken until the handler really returns, even after its attempt was failed
 * for a timeout: the dispatcher claims no more task attempts than there are free slots, so a worker whose
 * handlers are all stuck keeps running workflow slices and leaves its tasks to other workers.
 */
final class HandlerPool {

    private static final Logger LOG = LoggerFactory.getLogger(HandlerPool.class);

    /** A handler's work: JSON text out. */
    @FunctionalInterface
    interface Call {
        String run() throws Exception;
    }

    private final int size;
    private final Semaphore slots;
    private final Runnable onSlotFreed;
    private final ExecutorService threads = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("rondo-handler-", 0).factory());
    private final Set<Running> abandoned = ConcurrentHashMap.newKeySet();

    /** {@code onSlotFreed} runs when a handler whose attempt was already failed finally returns. */
    HandlerPool(int size, Runnable onSlotFreed) {
        this.size = size;
        this.slots = new Semaphore(size);
        this.onSlotFreed = onSlotFreed;
    }

    /** Handler slots not taken. */
    int free() {
        return slots.availablePermits();
    }

    int size() {
        return size;
    }

    /** The handlers still running after their attempt was failed (a timeout they ignored), as "task (id)". */
    List<String> abandoned() {
        return abandoned.stream().map(r -> "'" + r.taskName + "' (" + r.executionId + ")").sorted().toList();
    }

    /** Lets idle handler threads end; a handler still running (one that ignored its timeout) is left alone. */
    void shutdown() {
        threads.shutdown();
    }

    /** Takes a free slot for a task attempt about to be leased, or returns null when none is free. */
    Slot tryReserve() {
        return slots.tryAcquire() ? new Slot() : null;
    }

    /** A taken slot: either a handler runs in it (and frees it when it returns) or {@link #close()} frees it. */
    final class Slot implements AutoCloseable {
        private final AtomicBoolean owned = new AtomicBoolean(true);

        /** Runs {@code call} on a handler thread; the slot is the thread's until the call returns. */
        Running start(String taskName, String executionId, Call call) {
            if (!owned.compareAndSet(true, false)) {
                throw new IllegalStateException("a handler slot runs one handler");
            }
            Running running = new Running(taskName, executionId);
            threads.execute(() -> running.run(call));
            return running;
        }

        /** Frees the slot when no handler was started in it. */
        @Override
        public void close() {
            if (owned.compareAndSet(true, false)) {
                slots.release();
            }
        }
    }

    /** One handler call: its result, and a way to interrupt it that never reaches the thread's next call. */
    final class Running {
        final CompletableFuture<String> result = new CompletableFuture<>();
        private final String taskName;
        private final String executionId;
        private Thread thread;
        private boolean ended;
        private volatile long abandonedAt;

        private Running(String taskName, String executionId) {
            this.taskName = taskName;
            this.executionId = executionId;
        }

        private void run(Call call) {
            synchronized (this) {
                thread = Thread.currentThread();
            }
            try {
                result.complete(call.run());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            } finally {
                synchronized (this) {
                    ended = true;
                    thread = null;
                }
                Thread.interrupted(); // an interrupt meant for this call is not the next call's
                slots.release();
                if (abandoned.remove(this)) {
                    LOG.info("The handler of task '{}' ({}) returned {} ms after its attempt was failed; its result was discarded",
                            taskName, executionId, (System.nanoTime() - abandonedAt) / 1_000_000);
                    onSlotFreed.run();
                }
            }
        }

        void interrupt() {
            synchronized (this) {
                if (thread != null) {
                    thread.interrupt();
                }
            }
        }

        /**
         * The attempt was failed (its timeout) while the handler runs on: its result will be discarded, and
         * its slot stays taken until it returns.
         */
        void abandon() {
            interrupt();
            synchronized (this) {
                if (ended) {
                    return;
                }
                abandonedAt = System.nanoTime();
                abandoned.add(this);
            }
        }
    }
}
