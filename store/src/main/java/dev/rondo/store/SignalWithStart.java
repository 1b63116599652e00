package dev.rondo.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Signal-with-start over plain JDBC on the caller's connection, in the caller's transaction: the start is
 * {@link WorkflowStart#insert} (which waits for a start of the same id that has not committed yet), then the
 * execution is locked as a signal locks it and the signal goes in ({@code SignalWithStart/*.sql}).
 */
public final class SignalWithStart {

    private static final Sql INSERT_SIGNAL = Sql.load("SignalWithStart/insert_signal.sql");

    private SignalWithStart() {}

    /**
     * Locks the unfinished workflow {@code id} FOR SHARE (so the slice that would end it waits) and buffers
     * signal {@code name} for it; empty, with nothing written, when it has ended (or does not exist).
     */
    public static Optional<ExecutionDao.Placement> signalUnfinished(Connection connection, String id, String name,
                                                                   String payload) throws SQLException {
        Optional<ExecutionDao.Placement> placement = new ExecutionDao(connection).lockUnfinishedWorkflow(id);
        if (placement.isEmpty()) {
            return placement;
        }
        try (Sql.Bound s = INSERT_SIGNAL.prepare(connection).text("id", id).text("name", name).text("payload", payload);
             ResultSet rs = s.query()) {
            rs.next();
        }
        return placement;
    }
}
