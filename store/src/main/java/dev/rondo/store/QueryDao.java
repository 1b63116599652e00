package dev.rondo.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read-only views of executions for describe, list, logs and source (SQL in {@code QueryDao/*.sql}), over
 * plain JDBC on the caller's connection: the command line's one-shot reads, where jdbi's set-up cost more
 * than the query ({@link ExecutionDao} says how much).
 */
public final class QueryDao {

    private static final Sql DESCRIBE = Sql.load("QueryDao/describe.sql");
    private static final Sql UNSERVED_QUEUES = Sql.load("QueryDao/unserved_queues.sql");
    private static final Sql SOURCE_OF = Sql.load("QueryDao/source_of.sql");
    private static final Sql LOG_LINES = Sql.load("QueryDao/log_lines.sql");
    private static final Sql LIST = Sql.load("QueryDao/list_executions.sql");
    private static final Sql CHECKPOINT_OF = Sql.load("QueryDao/checkpoint_of.sql");
    private static final Sql ENDS = Sql.load("QueryDao/ends.sql");

    /** An execution with its checkpoint's waiting position and its source, for describe. */
    public record Row(String executionId, String workflow, String status, Instant createdAt, String waitingAt,
                      String waitingFor, String source, String queue, String attributes) {}

    /** One execution of a list. */
    public record Summary(String executionId, String workflow, String status, String queue, Instant createdAt,
                          Instant finishedAt, String attributes) {}

    private final Connection connection;

    public QueryDao(Connection connection) {
        this.connection = connection;
    }

    public Optional<Row> describe(String id) throws SQLException {
        try (Sql.Bound s = DESCRIBE.prepare(connection).text("id", id); ResultSet rs = s.query()) {
            return rs.next()
                    ? Optional.of(new Row(rs.getString("execution_id"), rs.getString("workflow"), rs.getString("status"),
                            instant(rs, "created_at"), rs.getString("waiting_at"), rs.getString("waiting_for"),
                            rs.getString("source"), rs.getString("queue"), rs.getString("attributes")))
                    : Optional.empty();
        }
    }

    /** A workflow that ended, for an end line. */
    public record End(String executionId, String workflow, String status, String queue) {}

    /** The workflows among {@code ids}, in no particular order; ids that are gone or not workflows are left out. */
    public List<End> ends(List<String> ids) throws SQLException {
        try (Sql.Bound s = ENDS.prepare(connection).array("ids", "text", ids); ResultSet rs = s.query()) {
            List<End> ends = new ArrayList<>();
            while (rs.next()) {
                ends.add(new End(rs.getString("execution_id"), rs.getString("workflow"), rs.getString("status"),
                        rs.getString("queue")));
            }
            return ends;
        }
    }

    /** A workflow execution's status and its checkpoint's text ({@code null} when it has none). */
    public record Checkpoint(String status, String state) {}

    public Optional<Checkpoint> checkpointOf(String id) throws SQLException {
        try (Sql.Bound s = CHECKPOINT_OF.prepare(connection).text("id", id); ResultSet rs = s.query()) {
            return rs.next() ? Optional.of(new Checkpoint(rs.getString("status"), rs.getString("state"))) : Optional.empty();
        }
    }

    /** The queues {@code id} waits on that no worker has served in the last {@code minutes} minutes. */
    public List<String> unservedQueues(String id, int minutes) throws SQLException {
        try (Sql.Bound s = UNSERVED_QUEUES.prepare(connection).text("id", id).set("minutes", minutes)) {
            return s.strings();
        }
    }

    public Optional<String> sourceOf(String id) throws SQLException {
        try (Sql.Bound s = SOURCE_OF.prepare(connection).text("id", id); ResultSet rs = s.query()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    public List<String> logLines(String id, int after) throws SQLException {
        try (Sql.Bound s = LOG_LINES.prepare(connection).text("id", id).set("after", after)) {
            return s.strings();
        }
    }

    /** Workflow executions newest first; a null filter does not filter ({@code attributes}: a JSON object they must contain). */
    public List<Summary> list(String status, String workflow, String attributes, String after, int limit) throws SQLException {
        try (Sql.Bound s = LIST.prepare(connection).text("status", status).text("workflow", workflow)
                .text("attributes", attributes).text("after", after)
                .set("limit", limit); ResultSet rs = s.query()) {
            List<Summary> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new Summary(rs.getString("execution_id"), rs.getString("workflow"), rs.getString("status"),
                        rs.getString("queue"), instant(rs, "created_at"), instant(rs, "finished_at"),
                        rs.getString("attributes")));
            }
            return rows;
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
