package dev.rondo.bench;

import dev.rondo.client.PruneOptions;
import dev.rondo.client.RondoClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Flat cost at scale (issue 16): the fan-out load (200 workflows × 50 no-op tasks, one worker ×32) on an
 * empty schema beside the same load on a schema that holds, first, N finished executions with their
 * history (default 1,000,000), then also 100,000 waiting workflows and 1,000,000 queued tasks (on a queue
 * no worker serves, so they share the tables and indexes the load uses). The two are measured alternately
 * in each run, R runs (default 3): tasks/s, slices/s and the server's CPU per task (which counts every
 * backend of the server: other work on it shows there). Then retention: how fast {@code prune} deletes
 * the finished trees, beside the 1,000,000 a day to keep up with, and the load while a pruner deletes as
 * fast as it can beside the same load without it.
 *
 * <p>{@code bench/run scale [R [N]]}: the empty schema is RONDO_BENCH_URL's (as for engine); the seeded
 * one is RONDO_SCALE_URL's (default {@code rondo_scale} on the local server, created when missing; its
 * public schema is dropped and seeded again at each run of the benchmark).
 *
 * <p>The seed is made of real executions: one load of the engine (the same fan-out; the backlog from a
 * workflow that starts ten tasks on the unserved queue and waits) copied with new ids, older times, by
 * {@code INSERT … SELECT} with generate_series, so its rows, history and index entries are what the
 * engine writes.
 */
public final class ScaleBench {

    static final String SCALE_URL = "jdbc:postgresql://127.0.0.1:5432/rondo_scale?user=postgres";
    /** Ten tasks on a queue no worker serves, then a wait that never ends. */
    private static final String BACKLOG = """
            let pending = []
            for (let i = 0; i < 10; i++) { pending.push(Task.run("noop", {i: i}, {queue: "backlog"})) }
            await Promise.all(pending)
            return "done"
            """;
    private static final int BACKLOG_WORKFLOWS = 1_000;
    private static final int BACKLOG_COPIES = 100; // 100,000 waiting workflows, 1,000,000 queued tasks
    private static final String FAN_OUT_INPUT = "{\"tasks\": " + EngineBench.FAN_OUT_TASKS + "}";

    private ScaleBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long finished = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        BenchDatabase empty = BenchDatabase.fromEnvironment();
        BenchDatabase big = BenchDatabase.fromEnvironment("RONDO_SCALE_URL", SCALE_URL);
        empty.createIfMissing();
        big.createIfMissing();
        empty.checkConnections();
        big.checkConnections();
        System.out.printf("scale: %d runs on %s beside a seeded schema on %s, %d cores%n", runs, empty.describe(),
                big.describe(), Runtime.getRuntime().availableProcessors());
        try {
            big.reset();
            long seeded = seedFinished(big, finished);
            System.out.printf("seeded %,d finished executions (%,d history rows) in the second schema%n", seeded,
                    (long) big.number("SELECT count(*) FROM history"));
            compare("finished executions", empty, big, runs);
            seedBacklog(big);
            compare("finished + backlog", empty, big, runs);
            retention(big, runs);
        } finally {
            empty.closeWorkerPools();
            big.closeWorkerPools();
        }
    }

    /** The load on the empty schema and on the seeded one, alternating which goes first. */
    private static void compare(String label, BenchDatabase empty, BenchDatabase big, int runs) throws Exception {
        // warm-up of both (JIT, plans), not counted; the empty schema is made once here and then kept, as the
        // seeded one is, so that both carry the dead rows of the loads before (autovacuum visits a database
        // once a minute at most): what differs is only what the seeded one holds
        load(empty, true);
        load(big, false);
        boolean statements = EngineProfile.resetStatements(big);
        Medians m = new Medians();
        for (int run = 1; run <= runs; run++) {
            for (int i = 0; i < 2; i++) {
                boolean seeded = (run % 2 == 0) == (i == 0);
                EngineLoad.Result r = seeded ? load(big, false) : load(empty, false);
                String side = seeded ? "seeded" : "empty";
                m.add(side + " tasks", r.tasksPerSecond());
                m.add(side + " slices", r.slicesPerSecond());
                m.add(side + " server", r.serverMicrosPer(r.tasks()));
            }
            System.out.printf("  %s, run %d: tasks/s %s empty, %s seeded; server µs/task %.0f, %.0f%n", label, run,
                    Stats.format(m.last("empty tasks")), Stats.format(m.last("seeded tasks")),
                    m.last("empty server"), m.last("seeded server"));
        }
        System.out.printf("%s, medians of %d: tasks/s %s empty, %s seeded (ratio %.3f); slices/s %s, %s (%.3f);"
                        + " server µs/task %.0f, %.0f (%.3f)%n", label, runs,
                Stats.format(m.of("empty tasks")), Stats.format(m.of("seeded tasks")), m.of("seeded tasks") / m.of("empty tasks"),
                Stats.format(m.of("empty slices")), Stats.format(m.of("seeded slices")), m.of("seeded slices") / m.of("empty slices"),
                m.of("empty server"), m.of("seeded server"), m.of("seeded server") / m.of("empty server"));
        if (statements) {
            long tasks = (long) (runs * (double) EngineBench.FAN_OUT_WORKFLOWS * EngineBench.FAN_OUT_TASKS);
            printStatements(big, "seeded", tasks, empty.name());
        }
    }

    /**
     * The statements whose server time per task grew most from the empty schema's loads to the seeded
     * one's (the same number of tasks in each), from pg_stat_statements: where the difference goes.
     */
    private static void printStatements(BenchDatabase big, String label, long tasks, String emptyName) throws SQLException {
        String query = """
                WITH s AS (
                    SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS q, d.datname,
                           total_exec_time, calls, shared_blks_hit + shared_blks_read AS blocks
                    FROM bench_stats.pg_stat_statements p JOIN pg_database d ON d.oid = p.dbid
                    WHERE d.datname IN (current_database(), ?))
                SELECT q, sum(total_exec_time) FILTER (WHERE datname <> current_database()) AS empty_ms,
                       sum(total_exec_time) FILTER (WHERE datname = current_database()) AS seeded_ms,
                       sum(blocks) FILTER (WHERE datname <> current_database()) AS empty_blocks,
                       sum(blocks) FILTER (WHERE datname = current_database()) AS seeded_blocks
                FROM s GROUP BY q
                ORDER BY coalesce(sum(total_exec_time) FILTER (WHERE datname = current_database()), 0)
                       - coalesce(sum(total_exec_time) FILTER (WHERE datname <> current_database()), 0) DESC
                LIMIT 8""";
        try (Connection c = big.connect(); PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, emptyName);
            try (ResultSet r = ps.executeQuery()) {
                System.out.printf("  statements that grew most (%s beside empty), µs and buffers per task:%n", label);
                while (r.next()) {
                    System.out.printf("  %8.1f %8.1f µs %8.1f %8.1f bufs  %s%n", r.getDouble(2) * 1000 / tasks,
                            r.getDouble(3) * 1000 / tasks, r.getDouble(4) / tasks, r.getDouble(5) / tasks, r.getString(1));
                }
            }
        }
    }

    private static EngineLoad.Result load(BenchDatabase db, boolean reset) throws Exception {
        try {
            return EngineLoad.run(db, reset, 1, EngineBench.CONCURRENCY, "fanout", FAN_OUT_INPUT,
                    EngineBench.FAN_OUT_WORKFLOWS, b -> b);
        } finally {
            db.closeWorkerPools(); // one schema's pools open at a time: both fit the connection budget
        }
    }

    /** One real fan-out load, then copies of its rows until about {@code target} executions are there. */
    private static long seedFinished(BenchDatabase big, long target) throws Exception {
        EngineLoad.run(big, false, 1, EngineBench.CONCURRENCY, "fanout", FAN_OUT_INPUT, EngineBench.FAN_OUT_WORKFLOWS, b -> b);
        big.closeWorkerPools();
        long one = (long) big.number("SELECT count(*) FROM executions");
        int copies = (int) Math.max(0, target / one - 1);
        // each copy two days and some minutes older, so that retention (prune --older-than 1d) finds them
        String shift = "(interval '2 days' + n * interval '10 minutes')";
        try (Connection c = big.connect()) {
            copy(c, "executions", "true", copies, Set.of("id", "parent_id"), shift);
            copy(c, "history", "true", copies, Set.of("execution_id"), shift);
            vacuum(c);
        }
        return (long) big.number("SELECT count(*) FROM executions");
    }

    /** 1,000 real workflows waiting on ten queued tasks each, then copies: 100,000 and 1,000,000. */
    private static void seedBacklog(BenchDatabase big) throws Exception {
        try (FreshEngine engine = new FreshEngine(big, false);
             WorkerGroup group = new WorkerGroup(big, 1, EngineBench.CONCURRENCY)) {
            Path folder = Files.createTempDirectory("rondo-scale");
            Path flow = Files.writeString(folder.resolve("backlog.flow"), BACKLOG);
            engine.client.deploy(flow);
            Files.delete(flow);
            Files.delete(folder);
            engine.startAll("backlog", "{}", BACKLOG_WORKFLOWS);
            group.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (big.number("SELECT count(*) FROM executions WHERE name = 'backlog' AND status = 'waiting'") < BACKLOG_WORKFLOWS) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the backlog workflows did not all reach their wait in 5 minutes");
                }
                Sleep.millis(100);
            }
        }
        big.closeWorkerPools();
        String originals = "(SELECT id FROM executions WHERE name = 'backlog')";
        String shift = "(n * interval '1 second')";
        try (Connection c = big.connect()) {
            copy(c, "executions", "(name = 'backlog' OR parent_id IN " + originals + ")", BACKLOG_COPIES - 1,
                    Set.of("id", "parent_id"), shift);
            for (String table : List.of("checkpoints", "history", "queue_items")) {
                copy(c, table, "execution_id IN " + originals + " OR execution_id IN (SELECT id FROM executions WHERE parent_id IN "
                        + originals + ")", BACKLOG_COPIES - 1, Set.of("execution_id"), shift);
            }
            vacuum(c);
        }
        System.out.printf("seeded %,d waiting workflows and %,d queued tasks in the second schema%n",
                (long) big.number("SELECT count(*) FROM executions WHERE status = 'waiting'"),
                (long) big.number("SELECT count(*) FROM queue_items WHERE queue = 'backlog'"));
    }

    /**
     * Copies the rows of {@code table} that {@code where} selects {@code copies} times: the id columns get a
     * suffix per copy ({@code ~n}), the timestamp columns move back by {@code shift} (an expression of n), the
     * rest is copied as it is; identity and generated columns take new values.
     */
    private static void copy(Connection c, String table, String where, int copies, Set<String> ids, String shift)
            throws SQLException {
        if (copies <= 0) {
            return;
        }
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT column_name, data_type, is_identity, is_generated FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString(1);
                    if (rs.getString(3).equals("YES") || rs.getString(4).equals("ALWAYS")) {
                        continue; // the database makes these
                    }
                    columns.add(column);
                    if (ids.contains(column)) {
                        values.add(column + " || '~' || n");
                    } else if (rs.getString(2).startsWith("timestamp")) {
                        values.add(column + " - " + shift);
                    } else {
                        values.add(column);
                    }
                }
            }
        }
        long start = System.nanoTime();
        try (Statement s = c.createStatement()) {
            int rows = s.executeUpdate("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT "
                    + String.join(", ", values) + " FROM " + table + " CROSS JOIN generate_series(1, " + copies + ") n"
                    + " WHERE " + where);
            System.out.printf("  copied %,d rows into %s in %.1f s%n", rows, table, (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * As autovacuum and the checkpointer would have left the seeded rows by the time a real database held them:
     * vacuumed and analysed, and written out. Without the checkpoint, the gigabyte or two of WAL the seeding
     * wrote makes the server checkpoint during the loads that follow, so the first change to each page after it
     * writes the whole page to the WAL, a cost of having just seeded, not of holding the rows.
     */
    private static void vacuum(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
            try {
                s.execute("CHECKPOINT");
            } catch (SQLException notAllowed) { // CHECKPOINT needs a superuser or pg_checkpoint
                System.out.println("  (no CHECKPOINT after seeding: " + notAllowed.getMessage().lines().findFirst().orElse("") + ")");
            }
        }
    }

    /**
     * Retention: the load with a pruner deleting the seeded finished trees as fast as it can, beside the load
     * alone, alternating; the pruner's rate from its batches.
     */
    private static void retention(BenchDatabase big, int runs) throws Exception {
        Medians m = new Medians();
        long perRoot = (long) big.number("SELECT count(*) FROM executions WHERE created_at < now() - interval '1 day'")
                / Math.max(1, (long) big.number("SELECT count(*) FROM executions WHERE created_at < now() - interval '1 day'"
                + " AND parent_id IS NULL"));
        for (int run = 1; run <= runs; run++) {
            for (int i = 0; i < 2; i++) {
                boolean pruning = (run % 2 == 0) == (i == 0);
                if (!pruning) {
                    m.add("alone", load(big, false).tasksPerSecond());
                    continue;
                }
                Pruner pruner = new Pruner(big);
                pruner.start();
                EngineLoad.Result r = load(big, false);
                double rootsPerSecond = pruner.stop();
                m.add("pruning", r.tasksPerSecond());
                m.add("pruned", rootsPerSecond * perRoot);
            }
            System.out.printf("  retention, run %d: tasks/s %s alone, %s beside a pruner deleting %s executions/s%n", run,
                    Stats.format(m.last("alone")), Stats.format(m.last("pruning")), Stats.format(m.last("pruned")));
        }
        double needed = 1_000_000 / 86_400.0;
        System.out.printf("retention, medians of %d: the pruner deletes %s executions/s flat out (%.0f× the %.1f/s of"
                        + " 1,000,000 a day); the load beside it %s tasks/s, alone %s (ratio %.3f)%n", runs,
                Stats.format(m.of("pruned")), m.of("pruned") / needed, needed,
                Stats.format(m.of("pruning")), Stats.format(m.of("alone")), m.of("pruning") / m.of("alone"));
    }

    /** {@code RondoClient.prune} of the trees older than a day, in batches of 100 roots, until stopped. */
    private static final class Pruner {
        private final RondoClient client;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicLong deleted = new AtomicLong();
        private final Thread thread;
        private long started;

        Pruner(BenchDatabase db) {
            var pool = db.pool("bench-pruner", 1);
            this.client = RondoClient.create(pool);
            this.thread = Thread.ofPlatform().name("bench-pruner").unstarted(() -> {
                try {
                    client.prune(PruneOptions.olderThan(Duration.ofDays(1)).withBatchSize(100).withOnBatch(n -> {
                        deleted.set(n);
                        if (stop.get()) {
                            throw new Stopped();
                        }
                    }));
                } catch (Stopped expected) {
                    // stopped after a committed batch
                } finally {
                    client.close();
                    pool.close();
                }
            });
        }

        void start() {
            started = System.nanoTime();
            thread.start();
        }

        /** Stops after the batch in flight; returns the roots deleted per second. */
        double stop() throws InterruptedException {
            stop.set(true);
            thread.join();
            return deleted.get() / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
