package dev.rondo.client.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A workflow start in one statement ({@code ExecutionDao/start_workflow.sql}) over plain JDBC: starts are
 * an application's hot path, often inside its own transactions, where building jdbi's per-call machinery
 * cost more than the insert itself. Not API.
 */
public final class WorkflowStart {

    private static final Sql START = Sql.load(WorkflowStart.class, "ExecutionDao/start_workflow.sql");

    /** What a start did: nothing when {@code name} is not deployed or the id exists already. */
    public record Outcome(boolean deployed, boolean started) {}

    private WorkflowStart() {}

    /**
     * Inserts the execution, pinned to the version of {@code name} deployed now, with its first queue item
     * and the wake-up, on {@code connection} as it is (in auto-commit mode the statement commits itself).
     */
    public static Outcome insert(Connection connection, String id, String name, String queue, int priority,
                                 String input, long delayMillis) throws SQLException {
        try (Sql.Bound start = START.prepare(connection)) {
            start.set("id", id).set("name", name).set("queue", queue).set("priority", priority)
                    .set("input", input).set("delayMillis", delayMillis);
            try (ResultSet row = start.query()) {
                row.next();
                return new Outcome(row.getBoolean("deployed"), row.getBoolean("started"));
            }
        }
    }
}
