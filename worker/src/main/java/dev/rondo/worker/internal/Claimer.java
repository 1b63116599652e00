package dev.rondo.worker.internal;

import dev.rondo.store.QueueStatements;
import dev.rondo.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's claims, on a connection it keeps, whose commits do not wait for the WAL flush
 * ({@code synchronous_commit = off} for this session only). A claim lost in a database crash only makes
 * its items claimable again, and every later commit that depends on it (the slice, the task's end) waits
 * for the flush, which writes the claim too: so a step costs two waits for the disk, not four.
 *
 * <p>Fairness (docs/scheduling.md): a queue is claimed with the plain claim, which never reads items with a
 * fairness key, until a probe finds due keyed items in it (once a second, and at once after a claim that
 * found nothing); then with the fair claim, which takes turns among the keys after this worker's cursor (the
 * key it served last, kept here: a restarted worker starts the circle again), until a fair claim takes no
 * keyed item. A queue without keyed items costs one probe a second.
 */
final class Claimer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Claimer.class);
    private final DataSource dataSource;
    private final String owner;
    private final double leaseSeconds;
    private Connection connection;
    private final Map<String, Fairness> fairness = new HashMap<>();

    /** One queue's fairness state: whether it is claimed fairly, when to probe next, and the cursor. */
    private static final class Fairness {
        boolean fair;
        long nextProbe = System.nanoTime();
        QueueStatements.FairCursor cursor = QueueStatements.FairCursor.START;
    }

    /** How often a queue claimed plainly is probed for keyed items. */
    static final long PROBE_NANOS = 1_000_000_000L;

    Claimer(DataSource dataSource, String owner, double leaseSeconds) {
        this.dataSource = dataSource;
        this.owner = owner;
        this.leaseSeconds = leaseSeconds;
    }

    /** Up to {@code limit} due items of {@code queue}, now leased by this worker. */
    List<QueueStatements.Claimed> claim(String queue, int limit) {
        return claim(queue, limit, false);
    }

    /** Like {@link #claim}, but only workflow slices: for a worker whose handler slots are all taken. */
    List<QueueStatements.Claimed> claimWorkflows(String queue, int limit) {
        return claim(queue, limit, true);
    }

    private List<QueueStatements.Claimed> claim(String queue, int limit, boolean workflowsOnly) {
        Fairness state = fairness.computeIfAbsent(queue, q -> new Fairness());
        return onConnection(c -> {
            boolean probed = !state.fair && System.nanoTime() - state.nextProbe >= 0;
            if (probed) {
                probe(c, queue, state);
            }
            if (!state.fair) {
                List<QueueStatements.Claimed> claimed = workflowsOnly
                        ? QueueStatements.claimWorkflows(c, queue, owner, limit, leaseSeconds)
                        : QueueStatements.claim(c, queue, owner, limit, leaseSeconds);
                if (!claimed.isEmpty() || probed || !probe(c, queue, state)) {
                    return claimed;
                }
            }
            QueueStatements.FairClaim claimed = QueueStatements.claimFair(c, queue, owner, limit, leaseSeconds,
                    workflowsOnly, state.cursor);
            state.cursor = claimed.next();
            if (!claimed.keyed()) {
                state.fair = false; // back to the plain claim; the probe brings it back when keyed items come
                state.nextProbe = System.nanoTime() + PROBE_NANOS;
            }
            return claimed.items();
        });
    }

    /** Looks for due keyed items in {@code queue}; returns whether it is claimed fairly now. */
    private boolean probe(Connection c, String queue, Fairness state) throws SQLException {
        state.fair = QueueStatements.hasDueKeyed(c, queue);
        state.nextProbe = System.nanoTime() + PROBE_NANOS;
        return state.fair;
    }

    /** Milliseconds until the earliest unclaimed item of {@code queues}; null when there is none. */
    Long nextDue(List<String> queues) {
        return onConnection(c -> QueueStatements.nextDue(c, queues));
    }

    /** Gives the connection back to the pool as it was taken. */
    @Override
    public void close() {
        if (connection == null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("RESET synchronous_commit");
        } catch (SQLException e) {
            LOG.debug("Could not reset the claim connection (it is closed anyway): {}", e.toString());
        }
        closeConnection();
    }

    private <T> T onConnection(Transactions.Work<T> work) {
        try {
            if (connection == null) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET synchronous_commit = off");
                }
            }
            return work.run(connection);
        } catch (SQLException e) {
            closeConnection(); // a fresh one next time: this one may be broken
            throw new Transactions.DatabaseException(e);
        }
    }

    private void closeConnection() {
        if (connection == null) {
            return; // getConnection() itself failed: there is nothing to close
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the claim connection failed: {}", e.toString());
        } finally {
            connection = null;
        }
    }
}
