package dev.rondo.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.migrations.Migrations;
import dev.rondo.store.QueueStatements;
import dev.rondo.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fair claim through the worker's Claimer (plain claim, probe, fair claim, cursor), on queue items written
 * directly: a tenant of 10 items behind one of 10,000 is served within the first 2 × 10 claimed items, with
 * one worker and with three; weights give their share of turns; priorities stay absolute; unkeyed work takes
 * a turn like a key; and under concurrent claimers every item is claimed exactly once. (With the keys
 * ignored, the claim order is priority then age, and the small tenant's items come after the 10,000.)
 */
class FairClaimTest {

    private HikariDataSource dataSource;

    @BeforeEach
    void setUp() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabase.freshSchemaUrl("fairclaim"));
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        Migrations.apply(dataSource);
    }

    @AfterEach
    void tearDown() {
        dataSource.close();
    }

    /** {@code count} due items of {@code key} (null: unkeyed), oldest first after everything inserted before. */
    private void items(String key, int weight, int priority, int count) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO queue_items (execution_id, queue, priority, run_at, fair_key, fair_weight)
                SELECT 'x' || g || '-' || coalesce(?, '') || '-' || ?, 'q', ?,
                       clock_timestamp() - interval '1 hour' + g * interval '1 microsecond', ?, ?
                FROM generate_series(1, ?) g""")) {
            s.setString(1, key);
            s.setInt(2, priority);
            s.setInt(3, priority);
            s.setString(4, key);
            s.setObject(5, key == null ? null : (short) weight);
            s.setInt(6, count);
            s.executeUpdate();
            try (Statement analyze = c.createStatement()) {
                analyze.execute("ANALYZE queue_items");
            }
        }
    }

    /** The fairness key of each claimed item ("" for unkeyed), in the order of the items' ids within a claim. */
    private List<String> keysOf(List<QueueStatements.Claimed> claimed) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT coalesce(fair_key, '') || ':' || priority FROM queue_items WHERE id = ANY(?) ORDER BY id")) {
            s.setArray(1, c.createArrayOf("int8", claimed.stream().map(QueueStatements.Claimed::itemId).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return keys;
    }

    /** How many items were claimed, in claims of {@code limit}, when the last of {@code small}'s {@code n} was. */
    private int claimedWhenServed(Claimer claimer, int limit, String small, int n) throws SQLException {
        int claimed = 0;
        int served = 0;
        while (served < n) {
            List<QueueStatements.Claimed> batch = claimer.claim("q", limit);
            assertTrue(!batch.isEmpty(), "a claim found nothing with " + (n - served) + " items of " + small + " left");
            claimed += batch.size();
            served += (int) keysOf(batch).stream().filter(k -> k.startsWith(small + ":")).count();
        }
        return claimed;
    }

    @Test
    void aSmallTenantBehindALargeOneIsServedAtOnceByOneWorker() throws SQLException {
        items("A", 1, 0, 10_000);
        items("B", 1, 0, 10);
        for (int limit : new int[] {1, 4}) {
            Claimer claimer = new Claimer(dataSource, "w" + limit, 60);
            int claimed = claimedWhenServed(claimer, limit, "B", 10);
            System.out.println("FairClaimTest: limit " + limit + ": B's 10 items were out after " + claimed + " claimed");
            assertTrue(claimed <= 20, "B's 10 items took " + claimed + " claimed items (limit " + limit + ")");
            claimer.close();
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("UPDATE queue_items SET lease_owner = NULL, lease_expires_at = NULL");
            }
        }
    }

    @Test
    void turnsAlternateOneByOneWithLimitOne() throws SQLException {
        items("A", 1, 0, 50);
        items("B", 1, 0, 50);
        items(null, 1, 0, 50);
        Claimer claimer = new Claimer(dataSource, "w", 60);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            order.addAll(keysOf(claimer.claim("q", 1)));
        }
        claimer.close();
        // unkeyed work is first in the circle, then the keys in order
        assertEquals(List.of(":0", "A:0", "B:0", ":0", "A:0", "B:0", ":0", "A:0", "B:0"), order);
    }

    @Test
    void aWeightOfThreeGetsThreeTurnsForOne() throws SQLException {
        items("A", 3, 0, 1_000);
        items("B", 1, 0, 1_000);
        for (int limit : new int[] {1, 8}) {
            Claimer claimer = new Claimer(dataSource, "w" + limit, 60);
            Map<String, Integer> counts = new HashMap<>();
            int claimed = 0;
            while (claimed < 400) {
                for (String key : keysOf(claimer.claim("q", limit))) {
                    counts.merge(key, 1, Integer::sum);
                    claimed++;
                }
            }
            claimer.close();
            System.out.println("FairClaimTest: weights 3 and 1, limit " + limit + ": " + counts);
            int a = counts.getOrDefault("A:0", 0);
            int b = counts.getOrDefault("B:0", 0);
            assertTrue(Math.abs(a - 3 * b) <= 2 * limit + 3, "A (weight 3) got " + a + ", B (weight 1) " + b + " (limit " + limit + ")");
        }
    }

    @Test
    void prioritiesOrderAKeysItemsAndTheItemsOfOneClaim() throws SQLException {
        items("A", 1, 0, 100);
        items("A", 1, 5, 3); // newer, but higher: first within A
        items("B", 1, 0, 100);
        items("C", 1, 9, 1); // one urgent item of another key: before every other
        Claimer claimer = new Claimer(dataSource, "w", 60);
        // a claim of 8 sees the three keys: each gives up to 3 items, its highest priority first; the claim
        // keeps them by priority, so C's urgent one and A's three 5s are in it, and no A:0
        List<String> first = keysOf(claimer.claim("q", 8));
        assertEquals(7, first.size(), "C has only one item: " + first);
        assertEquals(1, first.stream().filter("C:9"::equals).count(), first.toString());
        assertEquals(3, first.stream().filter("A:5"::equals).count(), first.toString());
        assertEquals(3, first.stream().filter("B:0"::equals).count(), first.toString());
        List<String> next = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            next.addAll(keysOf(claimer.claim("q", 1)));
        }
        claimer.close();
        assertEquals(List.of("A:0", "B:0", "A:0", "B:0"), next, "then turns again, one by one: " + next);
    }

    @Test
    void unkeyedWorkAndKeyedWorkDoNotStarveEachOther() throws SQLException {
        items(null, 1, 0, 10_000);
        items("B", 1, 0, 10);
        Claimer claimer = new Claimer(dataSource, "w", 60);
        int claimed = claimedWhenServed(claimer, 4, "B", 10);
        claimer.close();
        assertTrue(claimed <= 20, "B's 10 items behind 10,000 unkeyed took " + claimed + " claimed items");

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM queue_items");
        }
        items("A", 1, 0, 10_000);
        items(null, 1, 0, 10);
        Claimer other = new Claimer(dataSource, "w2", 60);
        claimed = claimedWhenServed(other, 4, "", 10);
        other.close();
        assertTrue(claimed <= 20, "10 unkeyed items behind 10,000 of key A took " + claimed + " claimed items");
    }

    @Test
    void threeWorkersServeTheSmallTenantAtOnceAndClaimEveryItemExactlyOnce() throws Exception {
        items("A", 1, 0, 10_000);
        items("B", 1, 0, 10);
        items(null, 1, 0, 500);
        int total = 10_510;
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger claimed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            String owner = "w" + w;
            done.add(pool.submit(() -> {
                Claimer claimer = new Claimer(dataSource, owner, 60);
                try {
                    int empty = 0;
                    while (empty < 3) {
                        List<QueueStatements.Claimed> batch = claimer.claim("q", 8);
                        empty = batch.isEmpty() ? empty + 1 : 0;
                        claimed.addAndGet(batch.size());
                        for (QueueStatements.Claimed item : batch) {
                            if (!seen.add(item.itemId())) {
                                duplicates.incrementAndGet();
                            }
                        }
                    }
                } finally {
                    claimer.close();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        // in the database's order of the claims (a claim's lease runs from its transaction's start), how many
        // items were claimed up to the claim that took B's last: the workers' own counts would race
        int claimedWhenBDone;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT count(*) FROM queue_items
                     WHERE lease_expires_at <= (SELECT max(lease_expires_at) FROM queue_items WHERE fair_key = 'B')""")) {
            rs.next();
            claimedWhenBDone = rs.getInt(1);
        }
        System.out.println("FairClaimTest: 3 workers, limit 8: B's 10 items were out after " + claimedWhenBDone
                + " of " + total + " claimed");
        assertEquals(0, duplicates.get(), "items claimed twice");
        assertEquals(total, seen.size(), "every item claimed once");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM queue_items WHERE lease_owner IS NULL")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "items left unclaimed");
        }
        // three keys ('', A, B) take turns: a claim of 8 gives B 2 or 3, so B's 10 are out after 4 or 5 of them,
        // plus what the other workers claimed meanwhile: 39-51 here; the bound leaves room for a loaded machine
        // (without fairness: after A's 10,000; the exact turns are checked with one claimer above)
        assertTrue(claimedWhenBDone >= 10 && claimedWhenBDone <= 100,
                "B's 10 items were out after " + claimedWhenBDone + " claimed");
    }

    @Test
    void aPausedQueueGivesNothingAndFutureItemsWait() throws SQLException {
        items("A", 1, 0, 5);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO queue_items (execution_id, queue, run_at, fair_key) VALUES ('later', 'q', now() + interval '1 hour', 'B')");
            s.execute("INSERT INTO paused_queues (queue, paused_by) VALUES ('q', 'test')");
        }
        Claimer claimer = new Claimer(dataSource, "w", 60);
        assertEquals(0, claimer.claim("q", 8).size(), "a paused queue gives nothing");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM paused_queues");
        }
        assertEquals(List.of("A:0", "A:0", "A:0", "A:0", "A:0"), keysOf(claimer.claim("q", 8)), "B's item is not due");
        Long due = claimer.nextDue(List.of("q"));
        claimer.close();
        assertTrue(due != null && due > 3_500_000, "next_due sees the keyed item due in an hour: " + due);
    }
}
