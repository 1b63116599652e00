package dev.rondo.worker.internal;

import dev.rondo.store.QueueStatements;
import dev.rondo.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's claims, on a connection it keeps, whose commits do not wait for the WAL flush
 * ({@code synchronous_commit = off} for this session only). A claim lost in a database crash only makes
 * its items claimable again, and every later commit that depends on it (the slice, the task's end) waits
 * for the flush, which writes the claim too: so a step costs two waits for the disk, not four.
 */
final class Claimer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Claimer.class);
    private final DataSource dataSource;
    private final String owner;
    private final double leaseSeconds;
    private Connection connection;

    Claimer(DataSource dataSource, String owner, double leaseSeconds) {
        this.dataSource = dataSource;
        this.owner = owner;
        this.leaseSeconds = leaseSeconds;
    }

    /** Up to {@code limit} due items of {@code queue}, now leased by this worker. */
    List<QueueStatements.Claimed> claim(String queue, int limit) {
        return onConnection(c -> QueueStatements.claim(c, queue, owner, limit, leaseSeconds));
    }

    /** Like {@link #claim}, but only workflow slices: for a worker whose handler slots are all taken. */
    List<QueueStatements.Claimed> claimWorkflows(String queue, int limit) {
        return onConnection(c -> QueueStatements.claimWorkflows(c, queue, owner, limit, leaseSeconds));
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
