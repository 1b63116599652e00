package dev.rondo.bench;

import dev.rondo.store.QueueStatements;
import dev.rondo.store.StatementText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Fairness between the keys of a queue (docs/scheduling.md, "Fairness"), on RONDO_FAIR_URL (default
 * {@value #DEFAULT_URL}; its public schema is dropped):
 * <ol>
 * <li>the claim's cost, claims of {@value #LIMIT} items rolled back so every call sees the same 100,000 items,
 * blocks of calls alternating between: the claim before fairness (V14's claim index and statement, in a
 * schema of its own), today's plain claim of unkeyed items, the fair claim of a queue without keys, of one
 * key, and of 100 keys; and the probe a worker sends once a second per queue it claims plainly;</li>
 * <li>how many claims of {@value #LIMIT} a tenant of 10 items waits behind one of 100,000, with one claimer and
 * with three (their own cursors, in turn), beside the claims it waits without fairness;</li>
 * <li>claim throughput (items per second, claims committed) draining 20,000 items: unkeyed, one key, 100 keys.</li>
 * </ol>
 */
public final class FairnessBench {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/rondo_fair_bench?user=postgres";
    private static final int LIMIT = 10;
    private static final int CALLS_PER_BLOCK = 300;
    private static final int BIG = 100_000;

    private FairnessBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        BenchDatabase db = BenchDatabase.fromEnvironment("RONDO_FAIR_URL", DEFAULT_URL);
        db.createIfMissing();
        db.reset();
        try (Connection c = db.connect(); Connection before = db.connect()) {
            claimCost(c, before, rounds);
            smallTenant(c);
            throughput(c, rounds);
        }
    }

    // --- 1. the claim's cost ---------------------------------------------------------------------------------

    private static void claimCost(Connection c, Connection before, int rounds) throws SQLException {
        exec(c, "DELETE FROM queue_items");
        seed(c, "u", BIG, 0);        // unkeyed
        seed(c, "k1", BIG, 1);       // one key
        seed(c, "k100", BIG, 100);   // 100 keys of 1,000
        // V14's claim: the same statement without "fair_key IS NULL", over V14's claim index, in a schema of its own
        exec(c, "DROP SCHEMA IF EXISTS v14 CASCADE");
        exec(c, "CREATE SCHEMA v14");
        exec(c, "CREATE TABLE v14.queue_items (LIKE public.queue_items INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING CONSTRAINTS)");
        exec(c, "ALTER TABLE v14.queue_items ADD PRIMARY KEY (id)");
        exec(c, "CREATE INDEX ON v14.queue_items (queue, priority DESC, run_at, id) WHERE lease_owner IS NULL");
        exec(c, "CREATE INDEX ON v14.queue_items (lease_expires_at) WHERE lease_owner IS NOT NULL");
        exec(c, "CREATE UNIQUE INDEX ON v14.queue_items (execution_id) WHERE lease_owner IS NULL");
        exec(c, "INSERT INTO v14.queue_items (execution_id, queue, run_at) SELECT execution_id, queue, run_at FROM queue_items WHERE queue = 'u'");
        exec(c, "ANALYZE");
        exec(before, "SET search_path = v14, public");
        String oldClaim = StatementText.of("QueueStatements/claim.sql").replace(" AND fair_key IS NULL", "");
        if (oldClaim.equals(StatementText.of("QueueStatements/claim.sql"))) {
            throw new IllegalStateException("claim.sql no longer reads 'AND fair_key IS NULL': update the V14 peer");
        }
        List<String> positional = new ArrayList<>();
        String oldJdbc = StatementText.positional(oldClaim, positional);
        c.setAutoCommit(false);
        before.setAutoCommit(false);
        String[] cases = {"v14 claim, unkeyed", "plain claim, unkeyed", "fair claim, unkeyed", "fair claim, 1 key",
                "fair claim, 100 keys", "probe (has_due_keyed)"};
        QueueStatements.FairCursor[] cursor = {QueueStatements.FairCursor.START};
        Medians m = new Medians();
        for (int round = 0; round <= rounds; round++) { // round 0 warms up and is not counted
            for (int k = 0; k < cases.length; k++) {
                String name = cases[(k + round) % cases.length];
                long start = System.nanoTime();
                for (int n = 0; n < CALLS_PER_BLOCK; n++) {
                    int got = switch (name) {
                        case "v14 claim, unkeyed" -> oldClaim(before, oldJdbc, positional);
                        case "plain claim, unkeyed" -> QueueStatements.claim(c, "u", "bench", LIMIT, 30).size();
                        case "fair claim, unkeyed" -> QueueStatements.claimFair(c, "u", "bench", LIMIT, 30, false,
                                QueueStatements.FairCursor.START).items().size();
                        case "fair claim, 1 key" -> QueueStatements.claimFair(c, "k1", "bench", LIMIT, 30, false,
                                QueueStatements.FairCursor.START).items().size();
                        case "fair claim, 100 keys" -> {
                            QueueStatements.FairClaim claim = QueueStatements.claimFair(c, "k100", "bench", LIMIT, 30,
                                    false, cursor[0]);
                            cursor[0] = claim.next(); // rolled back, but the turns move on as a worker's would
                            yield claim.items().size();
                        }
                        default -> QueueStatements.hasDueKeyed(c, "u") ? -1 : LIMIT;
                    };
                    (name.startsWith("v14") ? before : c).rollback();
                    if (got != LIMIT) {
                        throw new IllegalStateException(name + ": claimed " + got + ", not " + LIMIT);
                    }
                }
                if (round > 0) {
                    m.add(name, (System.nanoTime() - start) / 1_000.0 / CALLS_PER_BLOCK);
                }
            }
        }
        c.setAutoCommit(true);
        before.setAutoCommit(true);
        double v14 = m.of(cases[0]);
        System.out.printf("1. claim of %d of %,d due items, rolled back, median µs per call of %d blocks of %d:%n",
                LIMIT, BIG, rounds, CALLS_PER_BLOCK);
        for (String name : cases) {
            System.out.printf("   %-24s %7.1f µs  %.2f× the V14 claim%n", name, m.of(name), m.of(name) / v14);
        }
    }

    private static int oldClaim(Connection before, String jdbc, List<String> names) throws SQLException {
        try (PreparedStatement s = before.prepareStatement(jdbc)) {
            for (int i = 0; i < names.size(); i++) {
                s.setObject(i + 1, switch (names.get(i)) {
                    case "queue" -> "u";
                    case "owner" -> "bench";
                    case "limit" -> LIMIT;
                    case "leaseSeconds" -> 30.0;
                    case "workflowsOnly" -> false;
                    default -> throw new IllegalStateException("claim.sql has :" + names.get(i));
                });
            }
            int n = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    // --- 2. a small tenant behind a large one ----------------------------------------------------------------

    private static void smallTenant(Connection c) throws SQLException {
        System.out.printf("2. a tenant of 10 items queued behind one of %,d, claims of %d (committed):%n", BIG, LIMIT);
        long ahead = BIG; // without fairness, the claim's order is priority then age: the 10 come after the 100,000
        System.out.printf("   without fairness: its last item is claimed by claim %,d (%,d items claimed before it)%n",
                (ahead + 10 + LIMIT - 1) / LIMIT, ahead);
        for (int claimers : new int[] {1, 3}) {
            exec(c, "DELETE FROM queue_items");
            seedKey(c, "lat", "A", BIG);
            seedKey(c, "lat", "B", 10);
            exec(c, "ANALYZE queue_items");
            QueueStatements.FairCursor[] cursors = new QueueStatements.FairCursor[claimers];
            java.util.Arrays.fill(cursors, QueueStatements.FairCursor.START);
            int claims = 0;
            int items = 0;
            int b = 0;
            while (b < 10) {
                int w = claims % claimers;
                QueueStatements.FairClaim claim = QueueStatements.claimFair(c, "lat", "w" + w, LIMIT, 30, false, cursors[w]);
                cursors[w] = claim.next();
                claims++;
                items += claim.items().size();
                b += count(c, "SELECT count(*) FROM queue_items WHERE lease_owner IS NOT NULL AND fair_key = 'B'") - b;
            }
            System.out.printf("   fair, %d claimer%s (own cursors, in turn): its 10 items were out after %d claims, %d items"
                    + " (%,.0f× fewer claims)%n", claimers, claimers == 1 ? "" : "s", claims, items,
                    (double) ((ahead + 10 + LIMIT - 1) / LIMIT) / claims);
        }
    }

    // --- 3. throughput ---------------------------------------------------------------------------------------

    private static void throughput(Connection c, int rounds) throws SQLException {
        int items = 20_000;
        String[] cases = {"unkeyed (plain claim)", "1 key (fair claim)", "100 keys (fair claim)"};
        Medians m = new Medians();
        for (int round = 0; round <= rounds; round++) {
            for (int k = 0; k < cases.length; k++) {
                String name = cases[(k + round) % cases.length];
                exec(c, "DELETE FROM queue_items");
                seed(c, "t", items, name.startsWith("unkeyed") ? 0 : name.startsWith("1 ") ? 1 : 100);
                exec(c, "VACUUM ANALYZE queue_items");
                QueueStatements.FairCursor cursor = QueueStatements.FairCursor.START;
                int claimed = 0;
                long start = System.nanoTime();
                while (claimed < items) {
                    int got;
                    if (name.startsWith("unkeyed")) {
                        got = QueueStatements.claim(c, "t", "bench", LIMIT, 30).size();
                    } else {
                        QueueStatements.FairClaim claim = QueueStatements.claimFair(c, "t", "bench", LIMIT, 30, false, cursor);
                        cursor = claim.next();
                        got = claim.items().size();
                    }
                    if (got == 0) {
                        throw new IllegalStateException(name + ": a claim found nothing with " + (items - claimed) + " left");
                    }
                    claimed += got;
                }
                if (round > 0) {
                    m.add(name, items / ((System.nanoTime() - start) / 1e9));
                }
            }
        }
        double plain = m.of(cases[0]);
        System.out.printf("3. draining %,d items in claims of %d (committed, one connection), median items/s of %d rounds:%n",
                items, LIMIT, rounds);
        for (String name : cases) {
            System.out.printf("   %-24s %,9.0f items/s  %.2f× unkeyed%n", name, m.of(name), m.of(name) / plain);
        }
    }

    // --- seeding ---------------------------------------------------------------------------------------------

    /** {@code count} due items on {@code queue}, spread over {@code keys} fairness keys (0: unkeyed). */
    private static void seed(Connection c, String queue, int count, int keys) throws SQLException {
        exec(c, "INSERT INTO queue_items (execution_id, queue, run_at, fair_key) SELECT '" + queue + "-' || g, '" + queue
                + "', now() - interval '1 hour' + g * interval '1 microsecond', "
                + (keys == 0 ? "NULL" : "'tenant-' || lpad((g % " + keys + ")::text, 3, '0')")
                + " FROM generate_series(1, " + count + ") g");
    }

    private static void seedKey(Connection c, String queue, String key, int count) throws SQLException {
        exec(c, "INSERT INTO queue_items (execution_id, queue, run_at, fair_key) SELECT '" + queue + key + "-' || g, '"
                + queue + "', clock_timestamp() - interval '1 hour' + g * interval '1 microsecond', '" + key + "'"
                + " FROM generate_series(1, " + count + ") g");
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
