package dev.rondo.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pausing and resuming whole queues (SQL in {@code QueueControl/*.sql}): a paused queue is a row of
 * {@code paused_queues}, which the claim reads (V13__pause_and_terminate.sql).
 */
public final class QueueControl {

    private static final Sql PAUSE = Sql.load("QueueControl/pause.sql");
    private static final Sql RESUME = Sql.load("QueueControl/resume.sql");
    private static final Sql PAUSED = Sql.load("QueueControl/paused.sql");

    /** A paused queue: who paused it, when, and how many unclaimed items wait in it. */
    public record Paused(String queue, String pausedBy, Instant pausedAt, long waiting) {}

    private final Connection connection;

    public QueueControl(Connection connection) {
        this.connection = connection;
    }

    /** Pauses {@code queue}; false when it was paused already (nothing changes then). */
    public boolean pause(String queue, String by) throws SQLException {
        try (Sql.Bound s = PAUSE.prepare(connection).text("queue", queue).text("by", by); ResultSet rs = s.query()) {
            return rs.next();
        }
    }

    /** Resumes {@code queue} and wakes its workers; false when it was not paused. */
    public boolean resume(String queue) throws SQLException {
        try (Sql.Bound s = RESUME.prepare(connection).text("queue", queue); ResultSet rs = s.query()) {
            return rs.next();
        }
    }

    /** The paused queues, by name. */
    public List<Paused> paused() throws SQLException {
        List<Paused> paused = new ArrayList<>();
        try (Sql.Bound s = PAUSED.prepare(connection); ResultSet rs = s.query()) {
            while (rs.next()) {
                paused.add(new Paused(rs.getString("queue"), rs.getString("paused_by"),
                        rs.getTimestamp("paused_at").toInstant(), rs.getLong("waiting")));
            }
        }
        return paused;
    }
}
