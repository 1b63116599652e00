package dev.rondo.worker.internal;

import dev.rondo.core.TaskOptions;
import dev.rondo.store.ExecutionKind;
import dev.rondo.store.QueueStatements;
import dev.rondo.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this worker's leases alive and rescues everyone's expired ones (ARCHITECTURE.md, "Leases"). Every
 * third of the lease duration it renews all held items in one statement, learning on the way which tasks
 * were cancelled (statements only while it holds items). It takes items whose lease ran out (a dead or
 * cut-off worker) and makes them claimable again: a workflow slice is simply redone, a task attempt counts
 * as failed and is retried or, with no attempts left, fails its task. It does not poll for them: one cheap
 * query reads when the earliest lease of any worker runs out, and the keeper looks again then (no sooner
 * than the rescue interval, so a busy cluster costs one look per interval at most, and no later than
 * {@link #maxRescueWait}); with no lease at all it looks again after its own lease duration (at most that
 * long), since a lease taken meanwhile by a worker like it cannot run out sooner.
 */
final class LeaseKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);
    private static final int RESCUE_BATCH = 100;
    /** How soon a running task's {@code TaskContext.cancelled()} turns true after its workflow is cancelled. */
    private static final long CANCEL_CHECK_MILLIS = 1_000;
    /** The longest wait between two looks for expired leases. */
    static final long MAX_RESCUE_WAIT_MILLIS = 60_000;

    private final DataSource dataSource;
    private final String owner;
    private final InFlight inFlight;
    private final Duration lease;
    private final Duration rescueInterval;
    private final Runnable onRescue;
    private final Thread thread;
    private volatile boolean stopped;

    LeaseKeeper(DataSource dataSource, String owner, InFlight inFlight, Duration lease, Duration rescueInterval,
                Runnable onRescue) {
        this.dataSource = dataSource;
        this.owner = owner;
        this.inFlight = inFlight;
        this.lease = lease;
        this.rescueInterval = rescueInterval;
        this.onRescue = onRescue;
        this.thread = Thread.ofPlatform().daemon().name("rondo-leases-" + owner).unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopped = true;
        thread.interrupt();
    }

    private void loop() {
        long renewEvery = Math.max(lease.toMillis() / 3, 10);
        long nextRenew = System.currentTimeMillis() + renewEvery;
        long nextRescue = System.currentTimeMillis() + Jitter.around(rescueInterval.toMillis());
        long nextCancelCheck = System.currentTimeMillis() + CANCEL_CHECK_MILLIS;
        while (!stopped) {
            long now = System.currentTimeMillis();
            try {
                // Each deadline moves on before its work runs, so a database that is away costs one
                // failed attempt per interval instead of a busy loop of them.
                if (now >= nextCancelCheck) {
                    nextCancelCheck = now + CANCEL_CHECK_MILLIS;
                    checkCancellations();
                }
                if (now >= nextRenew) {
                    nextRenew = now + renewEvery;
                    renew();
                }
                if (now >= nextRescue) {
                    nextRescue = now + Jitter.around(rescueInterval.toMillis()); // when the look below fails
                    nextRescue = now + rescueIfDue();
                }
            } catch (RuntimeException e) {
                LOG.warn("Lease upkeep failed (will try again): {}", e.toString());
            }
            try {
                Thread.sleep(Math.max(1, Math.min(Math.min(nextRenew, nextRescue), nextCancelCheck) - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    void renew() {
        List<InFlight.Item> held = List.copyOf(inFlight.all());
        if (held.isEmpty()) {
            return;
        }
        List<Long> ids = held.stream().map(i -> i.id).toList();
        long sent = System.nanoTime();
        List<QueueStatements.Renewed> renewed = Transactions.autocommit(dataSource,
                connection -> QueueStatements.renewLeases(connection, owner, ids, lease.toMillis() / 1000.0));
        Map<Long, Boolean> cancelled = new HashMap<>();
        renewed.forEach(r -> cancelled.put(r.itemId(), r.cancelRequested()));
        for (InFlight.Item item : held) {
            Boolean flag = cancelled.get(item.id);
            if (flag == null) {
                // finished meanwhile (fine) or rescued by another worker: only the latter is still held
                // (an item being ended may be gone because its end committed: not lost, see Item.ending)
                if (inFlight.get(item.id) == item && !item.lost && !item.ending) {
                    item.lost = true;
                    LOG.warn("Lost the lease of queue item {} (this worker was cut off for longer than the lease);"
                            + " another worker redoes its work, and this worker's result for it will not be kept", item.id);
                }
            } else {
                item.cancelled = flag;
                item.leasedFrom = sent;
            }
        }
    }

    private void checkCancellations() {
        List<InFlight.Item> held = List.copyOf(inFlight.all());
        if (held.isEmpty()) {
            return;
        }
        List<Long> ids = held.stream().map(i -> i.id).toList();
        Set<Long> cancelled = new HashSet<>(Transactions.autocommit(dataSource,
                connection -> QueueStatements.cancelledItems(connection, ids)));
        for (InFlight.Item item : held) {
            if (cancelled.contains(item.id)) {
                item.cancelled = true;
            }
        }
    }

    /**
     * Rescues expired leases when there are any (one query when there are none); returns how long to wait
     * before looking again.
     */
    long rescueIfDue() {
        long minimum = Jitter.around(rescueInterval.toMillis());
        long maximum = maxRescueWait();
        Long expiry = Transactions.autocommit(dataSource, QueueStatements::nextLeaseExpiry);
        if (expiry == null) {
            return Math.max(minimum, Jitter.around(Math.min(lease.toMillis(), maximum)));
        }
        if (expiry > 0) {
            // a small margin, so that the look finds the lease expired by the database's clock
            return Math.max(minimum, Math.min(expiry + 50, maximum));
        }
        if (rescue() > 0) {
            onRescue.run();
        }
        return minimum; // there may be more (a batch is bounded), or more run out soon after
    }

    /**
     * The longest wait between two looks: twelve rescue intervals (a minute for the default 5 s), at most a
     * minute, at least one interval. It bounds the rescue of a lease that another kind of worker (a shorter
     * lease) took after the last look, or one cut short by hand.
     */
    long maxRescueWait() {
        return Math.max(rescueInterval.toMillis(), Math.min(12 * rescueInterval.toMillis(), MAX_RESCUE_WAIT_MILLIS));
    }

    /** Rescues one batch of expired leases; returns how many items it made claimable again. */
    int rescue() {
        // one transaction: the expired items stay locked (others skip them) until each is dealt with
        return Transactions.retrying(dataSource, connection -> {
            List<QueueStatements.Expired> expired = QueueStatements.expiredLeases(connection, RESCUE_BATCH);
            int rescued = 0;
            for (QueueStatements.Expired item : expired) {
                if (item.kind() == null || item.finished()) {
                    QueueStatements.deleteItem(connection, item.itemId());
                } else if (item.kind() == ExecutionKind.WORKFLOW) {
                    LOG.info("Rescuing workflow {} ({}): its worker's lease ran out; the slice is redone", item.executionId(), item.name());
                    QueueStatements.requeueWorkflow(connection, item.itemId(), item.executionId(), item.queue(), item.priority());
                    rescued++;
                } else {
                    rescueTask(connection, item);
                    rescued++;
                }
            }
            return rescued;
        });
    }

    private void rescueTask(Connection connection, QueueStatements.Expired item) throws SQLException {
        TaskOptions options = TaskOptionsJson.read(item.options());
        int attempt = item.attempt() + 1;
        String message = "Task '" + item.name() + "' lost its worker during attempt " + attempt
                + " (the worker stopped renewing its lease).";
        String error = Outcomes.taskFailure(message, attempt, null);
        LOG.info("Rescuing task {} ({}): {}", item.executionId(), item.name(), message);
        if (attempt < options.maxAttempts()) {
            QueueStatements.retryTask(connection, null, item.itemId(), item.attempt(), attempt, error,
                    options.backoffBefore(attempt + 1));
        } else {
            // owner null: the rescue ends the task whoever held it
            QueueStatements.finishTasks(connection, null, List.of(item.itemId()), List.of(Outcomes.TASK_FAILED),
                    List.of(error), List.of(attempt));
        }
    }
}
