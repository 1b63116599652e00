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
    private static final Sql ADMIT_RATE = Sql.load("ConcurrencyStatements/admit_rate.sql");
    private static final Sql WAITING_KEYS = Sql.load("ConcurrencyStatements/waiting_keys.sql");
    private static final Sql WAITING_FOR = Sql.load("ConcurrencyStatements/waiting_for.sql");

    /** A concurrency slot an execution waits for: its key, how many of its holders run, and the limit. */
    public record Waiting(String executionId, String key, int inUse, int limit) {

        /** What it waits for, as describe says it: {@code concurrency slot acct-42 (1/1 in use)} or {@code rate limit stripe (20 per second)}. */
        public String what() {
            return isRateKey(key) ? "rate limit " + userKey(key) + " (" + limit + " per second)"
                    : "concurrency slot " + key + " (" + inUse + "/" + limit + " in use)";
        }
    }

    /**
     * What one admission transaction did: how many it admitted, and the rate-limited keys that still have
     * waiting work, each with the milliseconds until the next of it may be admitted.
     */
    public record Admission(int admitted, java.util.Map<String, Long> retryInMillis) {}

    /**
     * The prefix of a rate limit's key where waiting work and admissions are stored: it holds a control
     * character, which no user key may hold, so a rate limit and a concurrency key of the same name never mix.
     */
    public static final String RATE_PREFIX = "\u001Frate:";

    private ConcurrencyStatements() {}

    /** The stored key of the rate limit {@code key} (see {@link #RATE_PREFIX}). */
    public static String rateKey(String key) {
        return RATE_PREFIX + key;
    }

    /** True when a stored key is a rate limit's. */
    public static boolean isRateKey(String storedKey) {
        return storedKey.startsWith(RATE_PREFIX);
    }

    /** The key as the user gave it, without the prefix of a rate limit. */
    public static String userKey(String storedKey) {
        return isRateKey(storedKey) ? storedKey.substring(RATE_PREFIX.length()) : storedKey;
    }

    /**
     * Admits waiting work of {@code key} as far as its limit allows; returns how many were admitted. Run it
     * in a transaction of its own (it takes the key's lock, then counts in a fresh snapshot) and commit.
     */
    public static int admit(Connection connection, String key) throws SQLException {
        try (Sql.Bound lock = LOCK_KEY.prepare(connection).set("key", key); ResultSet rs = lock.query()) {
            rs.next();
        }
        return admitLocked(connection, key, new java.util.HashMap<>());
    }

    /** Admits waiting work of a key whose lock is held: by its concurrency limit, or by its rate limit. */
    private static int admitLocked(Connection connection, String key, java.util.Map<String, Long> retries) throws SQLException {
        boolean rate = isRateKey(key);
        try (Sql.Bound admit = (rate ? ADMIT_RATE : ADMIT).prepare(connection).set("key", key); ResultSet rs = admit.query()) {
            rs.next();
            if (rate) {
                long retry = rs.getLong("retry_ms");
                if (!rs.wasNull()) {
                    retries.put(key, retry);
                }
            }
            return rs.getInt("admitted");
        }
    }

    /**
     * {@link #admit(Connection, String)} for several keys in one transaction (their locks taken in key order,
     * one commit for all); returns how many were admitted in all.
     */
    public static int admit(Connection connection, java.util.Collection<String> keys) throws SQLException {
        return admitAll(connection, keys).admitted();
    }

    /**
     * {@link #admit(Connection, java.util.Collection)}, which also says when the rate-limited keys that
     * still have waiting work may admit again (the admitter sleeps until then rather than polling).
     */
    public static Admission admitAll(Connection connection, java.util.Collection<String> keys) throws SQLException {
        List<String> sorted = keys.stream().distinct().sorted().toList();
        java.util.Map<String, Long> retries = new java.util.HashMap<>();
        if (sorted.isEmpty()) {
            return new Admission(0, retries);
        }
        try (Sql.Bound lock = LOCK_KEYS.prepare(connection).array("keys", "text", sorted); ResultSet rs = lock.query()) {
            while (rs.next()) {
                // every key locked
            }
        }
        int admitted = 0;
        for (String key : sorted) {
            admitted += admitLocked(connection, key, retries);
        }
        return new Admission(admitted, retries);
    }

    /** Up to {@code limit} keys that have waiting work. */
    public static List<String> waitingKeys(Connection connection, int limit) throws SQLException {
        try (Sql.Bound s = WAITING_KEYS.prepare(connection).set("limit", limit)) {
            return s.strings();
        }
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
