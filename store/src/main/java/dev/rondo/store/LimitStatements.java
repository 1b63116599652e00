package dev.rondo.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Named limits (docs/scheduling.md, "Named limits"), over plain JDBC (SQL in {@code LimitStatements/*.sql}):
 * a concurrency limit or a rate limit declared once by name, set by hand or by a deploy's
 * {@code limits.json}, which tasks and starts refer to by name. Waiting work keeps the name
 * ({@code concurrency_waiting.limit_name}) and each admission reads the limit's current value.
 */
public final class LimitStatements {

    private static final Sql SET = load("set.sql");
    private static final Sql DECLARE = load("declare.sql");
    private static final Sql DELETE = load("delete.sql");
    private static final Sql DELETE_UNDECLARED = load("delete_undeclared.sql");
    private static final Sql LIST = load("list.sql");
    private static final Sql RESOLVE = load("resolve.sql");

    /** The kind a limit is stored as: {@code concurrency} or {@code rate}. */
    public static final String CONCURRENCY = "concurrency";
    public static final String RATE = "rate";

    /** A limit's current kind and value. */
    public record Value(String kind, int value) {}

    /** A limit as stored: {@code declaredFor} null when set by hand; {@code waiting}: work waiting on it now. */
    public record Row(String name, String kind, int value, List<String> declaredFor, Instant updatedAt, long waiting) {}

    /** What a deletion found. */
    public enum Deleted { DELETED, NOT_FOUND, DECLARED }

    private LimitStatements() {}

    private static Sql load(String file) {
        return Sql.load("LimitStatements/" + file);
    }

    /** Sets a limit by hand; true when created, false when changed, null when a limits.json declares that name (left alone). */
    public static Boolean set(Connection connection, String name, String kind, int value) throws SQLException {
        try (Sql.Bound s = SET.prepare(connection).set("name", name).set("kind", kind).set("value", value);
             ResultSet rs = s.query()) {
            return rs.next() ? rs.getBoolean("inserted") : null;
        }
    }

    /**
     * Creates or changes a limit a deploy declares, owned by {@code workflows}; true when created, false when
     * changed, null when a limit of that name was set by hand (left alone).
     */
    public static Boolean declare(Connection connection, String name, String kind, int value, List<String> workflows)
            throws SQLException {
        try (Sql.Bound s = DECLARE.prepare(connection).set("name", name).set("kind", kind).set("value", value)
                .array("workflows", "text", workflows);
             ResultSet rs = s.query()) {
            return rs.next() ? rs.getBoolean("inserted") : null;
        }
    }

    /** Deletes the declared limits of {@code workflows} not in {@code keep}; returns their names. */
    public static List<String> deleteUndeclared(Connection connection, List<String> workflows, List<String> keep)
            throws SQLException {
        try (Sql.Bound s = DELETE_UNDECLARED.prepare(connection).array("workflows", "text", workflows)
                .array("keep", "text", keep)) {
            return s.strings();
        }
    }

    /** Deletes a limit set by hand. */
    public static Deleted delete(Connection connection, String name) throws SQLException {
        try (Sql.Bound s = DELETE.prepare(connection).set("name", name); ResultSet rs = s.query()) {
            rs.next();
            if (rs.getBoolean("deleted")) {
                return Deleted.DELETED;
            }
            return rs.getBoolean("declared") ? Deleted.DECLARED : Deleted.NOT_FOUND;
        }
    }

    /** Every limit by name, or the one named {@code name} (null: all). */
    public static List<Row> list(Connection connection, String name) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Sql.Bound s = LIST.prepare(connection).text("name", name); ResultSet rs = s.query()) {
            while (rs.next()) {
                Array declared = rs.getArray("declared_for");
                rows.add(new Row(rs.getString("name"), rs.getString("kind"), rs.getInt("value"),
                        declared == null ? null : List.of((String[]) declared.getArray()),
                        rs.getTimestamp("updated_at").toInstant(), rs.getLong("waiting")));
            }
        }
        return rows;
    }

    /** The current kind and value of each of {@code names} that exists. */
    public static Map<String, Value> resolve(Connection connection, Collection<String> names) throws SQLException {
        Map<String, Value> found = new HashMap<>();
        if (names.isEmpty()) {
            return found;
        }
        try (Sql.Bound s = RESOLVE.prepare(connection).array("names", "text", List.copyOf(names)); ResultSet rs = s.query()) {
            while (rs.next()) {
                found.put(rs.getString("name"), new Value(rs.getString("kind"), rs.getInt("value")));
            }
        }
        return found;
    }

    /**
     * The message of a reference to a limit that is not declared, or is of the other kind: names the limit
     * and says how to declare it. {@code found} null when there is none of that name.
     */
    public static String problem(String name, String wanted, Value found) {
        String option = RATE.equals(wanted) ? "--per-second N" : "--concurrency N";
        String json = RATE.equals(wanted) ? "{\"name\": \"" + name + "\", \"perSecond\": N}"
                : "{\"name\": \"" + name + "\", \"concurrency\": N}";
        if (found == null) {
            return "No limit named '" + name + "' is declared; declare it with `rondo limit set " + name + " " + option
                    + "`, or as " + json + " in the limits.json deployed beside the flows.";
        }
        return "The limit '" + name + "' is a " + describe(found) + ", not a " + (RATE.equals(wanted) ? "rate limit" : "concurrency limit")
                + "; give it where " + (RATE.equals(wanted) ? "a concurrency limit" : "a rate limit") + " is asked for, or declare a "
                + (RATE.equals(wanted) ? "rate" : "concurrency") + " limit of another name (`rondo limit set NAME " + option + "`).";
    }

    /** {@code concurrency limit (3 at once)} or {@code rate limit (20 per second)}. */
    public static String describe(Value v) {
        return RATE.equals(v.kind()) ? "rate limit (" + v.value() + " per second)" : "concurrency limit (" + v.value() + " at once)";
    }
}
