package dev.rondo.worker.internal;

import dev.rondo.store.Transactions;
import dev.rondo.store.WorkerStatements;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This worker's row in the {@code workers} table (SQL in {@code WorkerRegistry/*.sql}): inserted at start,
 * its last_seen and in-flight count written on every heartbeat from a platform thread of its own (so busy
 * handlers cannot delay it), deleted at a clean shutdown. While the worker holds nothing (and said so in its
 * last beat) it beats only every {@link #idleInterval} (at most a minute, well within the two minutes the
 * dashboard and the five minutes describe() allow), so an idle worker costs next to nothing. Every tenth
 * beat also prunes the rows of workers that died long ago (and, in the same statement, the dashboard's finished
 * counters older than two hours). The client's describe() reads the table to say
 * when nobody serves a queue.
 */
final class WorkerRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerRegistry.class);
    /** Rows not seen for this long belong to dead workers; well beyond describe()'s five minutes. */
    private static final Duration PRUNE_AFTER = Duration.ofHours(1);
    /** The longest wait between two beats of an idle worker. */
    static final long MAX_IDLE_MILLIS = 60_000;
    /** Prune on one beat in this many (and on the first). */
    private static final int PRUNE_EVERY = 10;

    /** Who this worker is, as its row says. */
    record Identity(String id, String host, long pid, List<String> queues, int concurrency) {}

    private final DataSource dataSource;
    private final Identity identity;
    private final IntSupplier inFlight;
    private final Duration interval;
    private final Thread thread;
    private volatile boolean stopped;
    private boolean failing;
    private int beats;
    /** What the last beat wrote as in flight (-1: no beat yet). */
    private int lastInFlight = -1;
    private long lastBeatNanos;

    WorkerRegistry(DataSource dataSource, Identity identity, IntSupplier inFlight, Duration interval) {
        this.dataSource = dataSource;
        this.identity = identity;
        this.inFlight = inFlight;
        this.interval = interval;
        this.thread = Thread.ofPlatform().daemon().name("rondo-registry-" + identity.id()).unstarted(this::loop);
    }

    /** Writes the row now, then every interval. */
    void start() {
        beat();
        thread.start();
    }

    /** Stops the heartbeats and deletes the row: this worker serves nothing any more. */
    void stop() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join();
        try {
            Transactions.autocommit(dataSource, connection -> WorkerStatements.remove(connection, identity.id()));
        } catch (RuntimeException e) {
            LOG.warn("Could not remove worker {} from the registry (its row will be pruned): {}", identity.id(), e.toString());
        }
    }

    /** Twelve intervals (a minute for the default five seconds), at most a minute, at least one interval. */
    long idleInterval() {
        return Math.max(interval.toMillis(), Math.min(12 * interval.toMillis(), MAX_IDLE_MILLIS));
    }

    private void loop() {
        long idleWait = Jitter.around(idleInterval());
        while (!stopped) {
            try {
                Thread.sleep(Jitter.around(interval.toMillis()));
            } catch (InterruptedException e) {
                return;
            }
            int held = inFlight.getAsInt();
            boolean idle = held == 0 && lastInFlight == 0;
            if (!idle || System.nanoTime() - lastBeatNanos >= idleWait * 1_000_000) {
                beat();
                idleWait = Jitter.around(idleInterval());
            }
        }
    }

    private void beat() {
        lastBeatNanos = System.nanoTime(); // a failed beat is tried again one interval later, not in a loop
        int held = inFlight.getAsInt();
        boolean prune = beats++ % PRUNE_EVERY == 0;
        try {
            Transactions.autocommit(dataSource, connection -> {
                WorkerStatements.heartbeat(connection, identity.id(), identity.host(), identity.pid(), identity.queues(),
                        identity.concurrency(), held);
                return prune ? WorkerStatements.prune(connection, (double) PRUNE_AFTER.toSeconds()) : 0;
            });
            lastInFlight = held;
            if (failing) {
                LOG.info("Worker {} is in the registry again", identity.id());
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) { // once per outage: the lease keeper and the claimer say the rest
                LOG.warn("Cannot update worker {} in the registry (will try again): {}", identity.id(), e.toString());
                failing = true;
            }
        }
    }
}
