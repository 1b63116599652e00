package dev.rondo.worker.internal;

import dev.rondo.store.QueueStatements;
import dev.rondo.store.Transactions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends task attempts in batches: every attempt that finished while the previous batch was being committed
 * goes into the next one, so under load one transaction ends many tasks and wakes their workflows, and an
 * idle worker still commits each at once. While the database is unreachable, batches wait and are tried
 * again (results are kept in memory; if the lease runs out meanwhile, the task runs again elsewhere).
 * A task's slot is free again once its end is queued here, so the ends not committed yet are bounded
 * instead: {@link #finish} waits while {@code maxPending} are.
 */
final class TaskFinisher {

    private static final Logger LOG = LoggerFactory.getLogger(TaskFinisher.class);
    private static final int MAX_BATCH = 500;

    /** One attempt's end: {@code outcome} is {@code resolved} (payload = result) or {@code task_failed}. */
    record Finish(long itemId, String outcome, String payload, int attempt, CompletableFuture<Boolean> done) {}

    private final DataSource dataSource;
    private final LocalWake localWake;
    private final String owner;
    private final LinkedBlockingQueue<Finish> queue = new LinkedBlockingQueue<>();
    private final Semaphore room;
    private final Thread thread;
    private volatile boolean stopped;

    TaskFinisher(DataSource dataSource, LocalWake localWake, String owner, int maxPending) {
        this.dataSource = dataSource;
        this.localWake = localWake;
        this.owner = owner;
        this.room = new Semaphore(maxPending);
        this.thread = Thread.ofPlatform().daemon().name("rondo-finisher-" + owner).unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    /**
     * Queues the end of an attempt, first waiting (through interrupts: the end must be written) while
     * {@code maxPending} ends are not committed yet. The future says whether it was committed (false: the
     * lease was lost).
     */
    CompletableFuture<Boolean> finish(long itemId, String outcome, String payload, int attempt) {
        room.acquireUninterruptibly();
        Finish finish = new Finish(itemId, outcome, payload, attempt, new CompletableFuture<>());
        queue.add(finish);
        return finish.done();
    }

    /** Stops after the queued ends are committed (or, with the database gone, given up). */
    void stop() {
        stopped = true;
        thread.interrupt();
    }

    void join(Duration timeout) throws InterruptedException {
        thread.join(timeout);
    }

    private void loop() {
        List<Finish> batch = new ArrayList<>();
        long backoff = 100;
        while (true) {
            try {
                if (batch.isEmpty()) {
                    Finish first = stopped ? queue.poll() : queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        if (stopped) {
                            return;
                        }
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                commit(batch);
                batch.clear();
                backoff = 100;
            } catch (InterruptedException e) {
                // stop() wakes the loop: it finishes what is queued, then returns
            } catch (RuntimeException e) {
                if (stopped && !batch.isEmpty()) {
                    LOG.error("Giving up on ending {} task attempts: the database is unreachable and the worker is stopping;"
                            + " their leases will run out and the tasks will run again", batch.size(), e);
                    batch.forEach(f -> done(f, false));
                    batch.clear();
                    continue;
                }
                LOG.warn("Cannot end {} task attempts yet (retrying in {} ms): {}", batch.size(), backoff, e.toString());
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void commit(List<Finish> batch) {
        int n = batch.size();
        List<Long> items = new ArrayList<>(n);
        List<String> outcomes = new ArrayList<>(n);
        List<String> payloads = new ArrayList<>(n);
        List<Integer> attempts = new ArrayList<>(n);
        for (Finish f : batch) {
            items.add(f.itemId());
            outcomes.add(f.outcome());
            payloads.add(f.payload());
            attempts.add(f.attempt());
        }
        // one statement: atomic without a transaction around it, so one round trip
        QueueStatements.Ended ended = Transactions.autocommit(dataSource,
                connection -> QueueStatements.finishTasks(connection, owner, items, outcomes, payloads, attempts));
        localWake.woke(ended.wokenQueues());
        for (Finish f : batch) {
            // an item missing from the answer was rescued by another worker, which runs the task again
            done(f, ended.items().contains(f.itemId()));
        }
    }

    private void done(Finish finish, boolean ended) {
        room.release();
        finish.done().complete(ended);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
