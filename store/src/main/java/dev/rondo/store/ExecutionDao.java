package dev.rondo.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Signals, cancellation and results of executions (SQL in {@code ExecutionDao/*.sql}) over plain JDBC on
 * the caller's connection. These are the client's one-shot paths ({@code rondo status}, {@code signal},
 * {@code result}): jdbi's SqlObject set-up loaded about 870 classes for them, a quarter of a command's
 * start. The start itself is {@link WorkflowStart}.
 */
public final class ExecutionDao {

    private static final Sql LOCK_UNFINISHED = Sql.load("ExecutionDao/lock_unfinished_workflow.sql");
    private static final Sql INSERT_SIGNAL = Sql.load("ExecutionDao/insert_signal.sql");
    private static final Sql REQUEST_CANCEL = Sql.load("ExecutionDao/request_cancel.sql");
    private static final Sql RESULT_OF = Sql.load("ExecutionDao/result_of.sql");
    private static final Sql ENQUEUE = Sql.load("ExecutionDao/enqueue.sql");
    private static final Sql STATUS_OF = Sql.load("ExecutionDao/status_of.sql");

    /** How an execution ended ({@code status} the column's text, its result or error as JSON text). */
    public record Ended(String executionId, String status, String resultJson, String errorJson) {}

    /** The queue and priority of an execution's queue items. */
    public record Placement(String queue, int priority) {}

    private final Connection connection;

    public ExecutionDao(Connection connection) {
        this.connection = connection;
    }

    /** Where and how urgently an unfinished workflow runs, its row locked FOR SHARE; empty when it is unknown or finished. */
    public Optional<Placement> lockUnfinishedWorkflow(String id) throws SQLException {
        try (Sql.Bound s = LOCK_UNFINISHED.prepare(connection).text("id", id); ResultSet rs = s.query()) {
            return rs.next() ? Optional.of(new Placement(rs.getString("queue"), rs.getInt("priority"))) : Optional.empty();
        }
    }

    /** Buffers a signal for the execution; returns its sequence number. */
    public long insertSignal(String id, String name, String payload) throws SQLException {
        try (Sql.Bound s = INSERT_SIGNAL.prepare(connection).text("id", id).text("name", name).text("payload", payload);
             ResultSet rs = s.query()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Records a cancellation request for the execution and every unfinished descendant in one statement,
     * with a cancel in each workflow's inbox and a wake-up; returns how many queues were woken, 0 when the
     * execution's cancellation was requested before (a second request does nothing, request_cancel.sql).
     */
    public int requestCancel(String id) throws SQLException {
        try (Sql.Bound s = REQUEST_CANCEL.prepare(connection).text("id", id).set("handling", false);
             ResultSet rs = s.query()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The execution's status with its result or error (null while it runs); empty when unknown. */
    public Optional<Ended> resultOf(String id) throws SQLException {
        try (Sql.Bound s = RESULT_OF.prepare(connection).text("id", id); ResultSet rs = s.query()) {
            return rs.next()
                    ? Optional.of(new Ended(rs.getString("execution_id"), rs.getString("status"), rs.getString("result_json"),
                            rs.getString("error_json")))
                    : Optional.empty();
        }
    }

    /** Makes the execution claimable on its queue at {@code now() + delayMillis} and wakes that queue's workers. */
    public int enqueue(String id, String queue, int priority, long delayMillis) throws SQLException {
        try (Sql.Bound s = ENQUEUE.prepare(connection).text("id", id).text("queue", queue).set("priority", priority)
                .set("delayMillis", delayMillis); ResultSet rs = s.query()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The status of an execution (the column's text), if it exists. */
    public Optional<String> statusOf(String id) throws SQLException {
        try (Sql.Bound s = STATUS_OF.prepare(connection).text("id", id); ResultSet rs = s.query()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }
}
