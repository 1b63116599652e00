package dev.rondo.worker.internal;

import dev.rondo.store.ConcurrencyStatements;
import dev.rondo.store.Transactions;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits work that waits for a concurrency slot (docs/scheduling.md, "Flow control"), on a thread of its
 * own: at once for the keys it is told of (a slice that started keyed tasks, a keyed task that ended), and
 * on a sweep for every key with waiting work (every 2 s while there is some, else every poll interval), so an admission lost with a worker that died
 * between the commit and the admission only waits for the next sweep. Each admission is a transaction
 * under the key's row lock ({@link ConcurrencyStatements#admit}), which makes the limit exact across workers.
 * A rate-limited key that still has waiting work after its admission is admitted again when its next
 * admission is allowed (the time the admission returns), so rate-limited work neither spins nor waits for
 * the sweep.
 */
final class Admitter {

    private static final Logger LOG = LoggerFactory.getLogger(Admitter.class);
    /** Keys admitted in one transaction (their locks held until its commit). */
    private static final int BATCH = 50;
    /** Keys one sweep looks at. */
    private static final int SWEEP_KEYS = 1_000;
    /** The sweep's interval while some work waits for a slot. */
    static final long WAITING_SWEEP_MILLIS = 2_000;

    private final DataSource dataSource;
    private final Duration poll;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private final Set<String> pending = new LinkedHashSet<>();
    /** Rate-limited keys to admit again, by when (System.nanoTime); guarded by {@link #lock}. */
    private final java.util.Map<String, Long> retries = new java.util.HashMap<>();
    private volatile boolean stopped;

    Admitter(DataSource dataSource, Duration poll, String owner) {
        this.dataSource = dataSource;
        this.poll = poll;
        this.thread = Thread.ofPlatform().daemon().name("rondo-admit-" + owner).unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopped = true;
        lock.lock();
        try {
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void join(Duration timeout) throws InterruptedException {
        thread.join(timeout);
    }

    /** Admit waiting work of these keys soon (after the caller's commit). */
    void admit(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            pending.addAll(keys);
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        long nextSweep = System.nanoTime();
        long backoff = 100;
        while (!stopped) {
            try {
                List<String> keys = take(nextSweep);
                if (System.nanoTime() - nextSweep >= 0) {
                    keys = Transactions.autocommit(dataSource, c -> ConcurrencyStatements.waitingKeys(c, SWEEP_KEYS));
                    // while work waits for a slot, a slot freed by a rescue (which admits nothing) is seen soon;
                    // with none waiting (an idle worker) the sweep is only a safety net
                    long every = keys.isEmpty() ? poll.toMillis() : Math.min(poll.toMillis(), WAITING_SWEEP_MILLIS);
                    nextSweep = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Jitter.around(every));
                }
                for (int from = 0; from < keys.size(); from += BATCH) {
                    List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH));
                    ConcurrencyStatements.Admission admission =
                            Transactions.retrying(dataSource, c -> ConcurrencyStatements.admitAll(c, batch));
                    retryLater(admission.retryInMillis());
                }
                backoff = 100;
            } catch (RuntimeException e) {
                LOG.warn("Admitting work to its concurrency slots failed (trying again in {} ms, and on the next sweep): {}",
                        backoff, e.toString());
                sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /** The keys asked for, waiting for some until the next sweep is due. */
    private List<String> take(long nextSweep) {
        lock.lock();
        try {
            long until = retries.values().stream().reduce(nextSweep, (a, b) -> b - a < 0 ? b : a);
            long nanos = until - System.nanoTime();
            while (pending.isEmpty() && !stopped && nanos > 0) {
                nanos = woken.awaitNanos(nanos);
            }
            long now = System.nanoTime();
            retries.entrySet().removeIf(due -> {
                if (due.getValue() - now <= 0) {
                    pending.add(due.getKey());
                    return true;
                }
                return false;
            });
            List<String> keys = List.copyOf(pending);
            pending.clear();
            return keys;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    /** Admits these rate-limited keys again after their delays (a later admission of a key may come sooner). */
    private void retryLater(java.util.Map<String, Long> delays) {
        if (delays.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        lock.lock();
        try {
            delays.forEach((key, millis) -> retries.merge(key, now + TimeUnit.MILLISECONDS.toNanos(millis),
                    (a, b) -> b - a < 0 ? b : a));
        } finally {
            lock.unlock();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
