package dev.rondo.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A workflow start in one statement ({@code ExecutionDao/start_workflow.sql}) over plain JDBC: starts are
 * an application's hot path, often inside its own transactions, where building jdbi's per-call machinery
 * cost more than the insert itself.
 */
public final class WorkflowStart {

    private static final Sql START = Sql.load("ExecutionDao/start_workflow.sql");
    private static final Sql KIND_AND_NAME = Sql.load("ExecutionDao/kind_and_name_of.sql");
    private static final Sql START_GATED = Sql.load("ConcurrencyStatements/start_gated.sql");

    /**
     * What a start did: nothing when {@code name} is not deployed or the id exists already; then
     * {@code existingKind} and {@code existingName} say whose the id is (null when it was not found).
     */
    public record Outcome(boolean deployed, boolean started, ExecutionKind existingKind, String existingName) {}

    private WorkflowStart() {}

    /**
     * Inserts the execution, pinned to the version of {@code name} deployed now, with its first queue item
     * and the wake-up, on {@code connection} as it is (in auto-commit mode the statement commits itself).
     */
    public static Outcome insert(Connection connection, String id, String name, String queue, int priority,
                                 String input, long delayMillis) throws SQLException {
        return insert(connection, id, name, queue, priority, input, delayMillis, "{}", null, null, 0);
    }

    /**
     * {@link #insert(Connection, String, String, String, int, String, long)} with the execution's attributes
     * (a JSON object of strings, already checked), the W3C trace context it runs under (or null), and a
     * concurrency key ({@code concurrencyKey} null: none): the execution then waits for a slot of that key
     * ({@code limit} at once) instead of being queued; admit it after the commit
     * ({@link ConcurrencyStatements#admit}). A keyed start takes no delay.
     */
    public static Outcome insert(Connection connection, String id, String name, String queue, int priority,
                                 String input, long delayMillis, String attributesJson, String traceContext,
                                 String concurrencyKey, int limit) throws SQLException {
        return insert(connection, id, name, queue, priority, input, delayMillis, attributesJson, traceContext,
                concurrencyKey, limit, null, null, 1);
    }

    /**
     * {@link #insert(Connection, String, String, String, int, String, long, String, String, String, int)} whose
     * limit is the named limit {@code limitName} (null: none), {@code limit} being its value now (each
     * admission reads the limit's current value), with a fairness key ({@code fairKey} null: none) and its
     * weight (1 to 100, checked by the caller): every queue item of the execution, and of the tasks and
     * children it starts without a key of their own, takes turns with the other keys of its queue
     * (docs/scheduling.md, "Fairness").
     */
    public static Outcome insert(Connection connection, String id, String name, String queue, int priority,
                                 String input, long delayMillis, String attributesJson, String traceContext,
                                 String concurrencyKey, int limit, String limitName, String fairKey, int fairWeight)
            throws SQLException {
        Outcome outcome;
        try (Sql.Bound start = (concurrencyKey == null ? START : START_GATED).prepare(connection)) {
            start.set("id", id).set("name", name).set("queue", queue).set("priority", priority).set("input", input)
                    .text("attributes", attributesJson).text("traceContext", traceContext)
                    // the weight as text, so that null and a number share one prepared statement (Sql.Bound.text)
                    .text("fairKey", fairKey).text("fairWeight", fairKey == null ? null : Integer.toString(fairWeight));
            if (concurrencyKey == null) {
                start.set("delayMillis", delayMillis);
            } else {
                start.set("key", concurrencyKey).set("limit", limit).text("limitName", limitName);
            }
            try (ResultSet row = start.query()) {
                row.next();
                outcome = new Outcome(row.getBoolean("deployed"), row.getBoolean("started"),
                        ExecutionKind.of(row.getString("existing_kind")), row.getString("existing_name"));
            }
        }
        if (outcome.deployed() && !outcome.started() && outcome.existingKind() == null) {
            // Taken by a start that committed while this one waited: a new statement sees it.
            try (Sql.Bound read = KIND_AND_NAME.prepare(connection)) {
                read.text("id", id);
                try (ResultSet row = read.query()) {
                    if (row.next()) {
                        return new Outcome(true, false, ExecutionKind.of(row.getString("kind")), row.getString("name"));
                    }
                }
            }
        }
        return outcome;
    }
}
