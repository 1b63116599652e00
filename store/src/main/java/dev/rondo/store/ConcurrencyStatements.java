package dev.rondo.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Concurrency keys (docs/scheduling.md, "Flow control"), over plain JDBC (SQL in
 * {@code ConcurrencyStatements/*.sql}): the admission of waiting work of a key, the sweep's list of keys
 * with waiting work, and what describe shows. Work without a key never comes here: its claim, start and
 * end are the engine's usual statements, at their usual cost.
 */
public final class ConcurrencyStatements {

    private static final Sql LOCK_KEY = Sql.load("ConcurrencyStatements/lock_key.sql");
    private static final Sql LOCK_KEYS = Sql.load("ConcurrencyStatements/lock_keys.sql");
    private static final Sql ADMIT = Sql.load("ConcurrencyStatements/admit.sql");
    private static final Sql WAITING_KEYS = Sql.load("ConcurrencyStatements/waiting_keys.sql");
    private static final Sql WAITING_FOR = Sql.load("ConcurrencyStatements/waiting_for.sql");

    /** A concurrency slot an execution waits for: its key, how many of its holders run, and the limit. */
    public record Waiting(String executionId, String key, int inUse, int limit) {}

    private ConcurrencyStatements() {}

    /**
     * Admits waiting work of {@code key} as far as its limit allows; returns how many were admitted. Run it
     * in a transaction of its own (it takes the key's lock, then counts in a fresh snapshot) and commit.
     */
    public static int admit(Connection connection, String key) throws SQLException {
        try (Sql.Bound lock = LOCK_KEY.prepare(connection).set("key", key); ResultSet rs = lock.query()) {
            rs.next();
        }
        try (Sql.Bound admit = ADMIT.prepare(connection).set("key", key); ResultSet rs = admit.query()) {
            rs.next();
            return rs.getInt("admitted");
        }
    }

    /**
     * {@link #admit(Connection, String)} for several keys in one transaction (their locks taken in key order,
     * one commit for all); returns how many were admitted in all.
     */
    public static int admit(Connection connection, java.util.Collection<String> keys) throws SQLException {
        List<String> sorted = keys.stream().distinct().sorted().toList();
        if (sorted.isEmpty()) {
            return 0;
        }
        try (Sql.Bound lock = LOCK_KEYS.prepare(connection).array("keys", "text", sorted); ResultSet rs = lock.query()) {
            while (rs.next()) {
                // every key locked
            }
        }
        int admitted = 0;
        for (String key : sorted) {
            try (Sql.Bound admit = ADMIT.prepare(connection).set("key", key); ResultSet rs = admit.query()) {
                rs.next();
                admitted += rs.getInt("admitted");
            }
        }
        return admitted;
    }

    /** Up to {@code limit} keys that have waiting work. */
    public static List<String> waitingKeys(Connection connection, int limit) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Sql.Bound s = WAITING_KEYS.prepare(connection).set("limit", limit); ResultSet rs = s.query()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        return keys;
    }

    /** The slots execution {@code id}, or its unfinished tasks and children, wait for. */
    public static List<Waiting> waitingFor(Connection connection, String id) throws SQLException {
        List<Waiting> waiting = new ArrayList<>();
        try (Sql.Bound s = WAITING_FOR.prepare(connection).set("id", id); ResultSet rs = s.query()) {
            while (rs.next()) {
                waiting.add(new Waiting(rs.getString("execution_id"), rs.getString("key"), rs.getInt("in_use"),
                        rs.getInt("max_running")));
            }
        }
        return waiting;
    }
}
