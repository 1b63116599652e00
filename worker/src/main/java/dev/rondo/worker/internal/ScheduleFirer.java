package dev.rondo.worker.internal;

import dev.rondo.store.ScheduleFiring;
import dev.rondo.store.ScheduleStatements;
import dev.rondo.store.Transactions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's schedule firer (docs/scheduling.md): sleeps until the earliest fire time of any schedule, as
 * the dispatcher sleeps until its next timer, then fires the due schedules in one transaction each batch
 * ({@link ScheduleFiring#fireDue}). Every worker runs one; SKIP LOCKED shares the schedules among them and
 * the fire time's key makes a second start of it impossible. Woken early by a NOTIFY on
 * {@code rondo_schedules} (a schedule created, changed or resumed), and looks again on the poll anyway
 * (every 2 s at most while a buffered fire time waits for its running run to end).
 */
final class ScheduleFirer {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleFirer.class);
    /** Schedules fired per transaction. */
    private static final int BATCH = 20;
    /** When a due schedule is held by another firer, look again this soon rather than spin. */
    private static final long LOCKED_RETRY_MILLIS = 20;
    /** How often to look while some schedule's fire time waits for its running run to end (overlap buffer). */
    static final long BUFFERED_POLL_MILLIS = 2_000;

    private final DataSource dataSource;
    private final Duration poll;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean wakeRequested;
    private volatile boolean stopped;

    /** Wakes this worker's own dispatcher after a commit that started runs, sooner than the NOTIFY would. */
    private final Runnable claimNow;

    ScheduleFirer(DataSource dataSource, Duration poll, String owner, Runnable claimNow) {
        this.claimNow = claimNow;
        this.dataSource = dataSource;
        this.poll = poll;
        this.thread = Thread.ofPlatform().daemon().name("rondo-schedules-" + owner).unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopped = true;
        wake();
    }

    void join(Duration timeout) throws InterruptedException {
        thread.join(timeout);
    }

    void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        long backoff = 100;
        while (!stopped) {
            try {
                int fired = Transactions.retrying(dataSource, c -> ScheduleFiring.fireDue(c, BATCH));
                backoff = 100;
                if (fired > 0) {
                    claimNow.run(); // the runs may be on its queues; a claim that finds nothing costs one query
                }
                if (fired == BATCH) {
                    continue;
                }
                ScheduleStatements.NextDue next = Transactions.autocommit(dataSource, ScheduleStatements::nextDue);
                // a fire time buffered behind a running one starts when that run ends, which sends no
                // NOTIFY here: look for it often while there is one (an idle worker has none)
                long pollMillis = next.buffered() ? Math.min(poll.toMillis(), BUFFERED_POLL_MILLIS) : poll.toMillis();
                long pollNanos = TimeUnit.MILLISECONDS.toNanos(Jitter.around(pollMillis));
                long sleep = pollNanos;
                if (next.millis() != null) {
                    long dueNanos = (long) (next.millis() * 1_000_000);
                    // due now yet nothing fired: another firer holds it (its commit moves the time on)
                    sleep = Math.min(pollNanos, dueNanos <= 0
                            ? (fired == 0 ? TimeUnit.MILLISECONDS.toNanos(LOCKED_RETRY_MILLIS) : 0) : dueNanos);
                }
                if (sleep > 0) {
                    sleepNanos(sleep);
                }
            } catch (RuntimeException e) {
                LOG.warn("Firing schedules failed (trying again in {} ms): {}", backoff, e.toString());
                sleepNanos(TimeUnit.MILLISECONDS.toNanos(backoff));
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void sleepNanos(long nanos) {
        lock.lock();
        try {
            while (!wakeRequested && !stopped && nanos > 0) {
                nanos = woken.awaitNanos(nanos);
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        } finally {
            lock.unlock();
        }
    }
}
