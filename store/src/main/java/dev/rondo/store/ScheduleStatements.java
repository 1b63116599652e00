package dev.rondo.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements on schedules (SQL in {@code ScheduleStatements/*.sql} beside this class), over plain JDBC:
 * creating, changing, listing, pausing and deleting them, and the firer's reads. Firing itself, which
 * needs the fire-time calculation between its statements, is {@link ScheduleFiring}.
 */
public final class ScheduleStatements {

    private static final Sql INSERT = load("insert.sql");
    private static final Sql UPSERT = load("upsert.sql");
    private static final Sql LIST = load("list.sql");
    private static final Sql RECENT_FIRES = load("recent_fires.sql");
    private static final Sql SET_PAUSED = load("set_paused.sql");
    private static final Sql DELETE = load("delete.sql");
    private static final Sql DELETE_UNDECLARED = load("delete_undeclared.sql");
    private static final Sql NEXT_DUE = load("next_due.sql");
    private static final Sql NOW = load("now.sql");

    /** A schedule as written: when it fires ({@code cron} or {@code everySeconds}), what it starts, and how. */
    public record Definition(String name, String workflow, String queue, String cron, Long everySeconds, String timeZone,
                             String input, String overlap, int catchup) {}

    /** A schedule as stored, with its state. */
    public record Row(Definition definition, boolean paused, boolean declared, Instant anchor, Instant nextFireAt,
                      Instant bufferedFireAt, String lastExecutionId, String lastStatus, Instant createdAt) {}

    /** One fire time a schedule reached. */
    public record Fire(Instant fireAt, String reason, String outcome, String executionId, String status, Instant recordedAt) {}

    /** When the firer should look again: milliseconds until the earliest fire time (null: none), and whether a fire time is buffered. */
    public record NextDue(Double millis, boolean buffered) {}

    private ScheduleStatements() {}

    static Sql load(String file) {
        return Sql.load("ScheduleStatements/" + file);
    }

    /** The database's clock. */
    public static Instant now(Connection connection) throws SQLException {
        try (Sql.Bound s = NOW.prepare(connection); ResultSet rs = s.query()) {
            rs.next();
            return instant(rs, 1);
        }
    }

    /** Creates the schedule unless the name is taken; true when created. */
    public static boolean insert(Connection connection, Definition d, boolean paused, Instant anchor, Instant nextFireAt)
            throws SQLException {
        try (Sql.Bound s = bindDefinition(INSERT.prepare(connection), d).set("paused", paused)
                .set("anchor", time(anchor)).set("nextFireAt", time(nextFireAt));
             ResultSet rs = s.query()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * Creates or changes a schedule ({@code declared}: by a deploy); true when it was created, false when it
     * was changed, null when {@code declared} and a schedule of that name was made by hand (left alone).
     */
    public static Boolean upsert(Connection connection, Definition d, boolean declared, Instant anchor, Instant nextFireAt)
            throws SQLException {
        try (Sql.Bound s = bindDefinition(UPSERT.prepare(connection), d).set("declared", declared)
                .set("anchor", time(anchor)).set("nextFireAt", time(nextFireAt));
             ResultSet rs = s.query()) {
            return rs.next() ? rs.getBoolean("inserted") : null;
        }
    }

    private static Sql.Bound bindDefinition(Sql.Bound s, Definition d) throws SQLException {
        return s.set("name", d.name()).set("workflow", d.workflow()).set("queue", d.queue()).text("cron", d.cron())
                .set("everySeconds", d.everySeconds()).set("timeZone", d.timeZone()).set("input", d.input())
                .set("overlap", d.overlap()).set("catchup", d.catchup());
    }

    /** Every schedule by name, or the one named {@code name} (null: all). */
    public static List<Row> list(Connection connection, String name) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Sql.Bound s = LIST.prepare(connection).text("name", name); ResultSet rs = s.query()) {
            while (rs.next()) {
                long every = rs.getLong("every_seconds");
                Long everySeconds = rs.wasNull() ? null : every;
                Definition d = new Definition(rs.getString("name"), rs.getString("workflow"), rs.getString("queue"),
                        rs.getString("cron"), everySeconds, rs.getString("time_zone"),
                        rs.getString("input"), rs.getString("overlap"), rs.getInt("catchup"));
                rows.add(new Row(d, rs.getBoolean("paused"), rs.getBoolean("declared"), instant(rs, "anchor"),
                        instant(rs, "next_fire_at"), instant(rs, "buffered_fire_at"), rs.getString("last_execution_id"),
                        rs.getString("last_status"), instant(rs, "created_at")));
            }
        }
        return rows;
    }

    /** The newest {@code limit} fire times of a schedule, newest first. */
    public static List<Fire> recentFires(Connection connection, String name, int limit) throws SQLException {
        List<Fire> fires = new ArrayList<>();
        try (Sql.Bound s = RECENT_FIRES.prepare(connection).set("name", name).set("limit", limit); ResultSet rs = s.query()) {
            while (rs.next()) {
                fires.add(new Fire(instant(rs, "fire_at"), rs.getString("reason"), rs.getString("outcome"),
                        rs.getString("execution_id"), rs.getString("status"), instant(rs, "recorded_at")));
            }
        }
        return fires;
    }

    /** Pauses, or resumes with {@code nextFireAt}; false when there is no such schedule. */
    public static boolean setPaused(Connection connection, String name, boolean paused, Instant nextFireAt) throws SQLException {
        try (Sql.Bound s = SET_PAUSED.prepare(connection).set("name", name).set("paused", paused)
                .set("nextFireAt", time(nextFireAt));
             ResultSet rs = s.query()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Deletes a schedule and its fire times; false when there was none. */
    public static boolean delete(Connection connection, String name) throws SQLException {
        try (Sql.Bound s = DELETE.prepare(connection).set("name", name)) {
            return s.update() > 0;
        }
    }

    /** Deletes the declared schedules of {@code workflows} not named in {@code keep}; returns their names. */
    public static List<String> deleteUndeclared(Connection connection, List<String> workflows, List<String> keep)
            throws SQLException {
        try (Sql.Bound s = DELETE_UNDECLARED.prepare(connection).array("workflows", "text", workflows)
                .array("keep", "text", keep)) {
            return s.strings();
        }
    }

    /** When the firer should look again. */
    public static NextDue nextDue(Connection connection) throws SQLException {
        try (Sql.Bound s = NEXT_DUE.prepare(connection); ResultSet rs = s.query()) {
            rs.next();
            double millis = rs.getDouble("millis");
            return new NextDue(rs.wasNull() ? null : millis, rs.getBoolean("buffered"));
        }
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
