package dev.rondo.bench;

import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowResult;
import dev.rondo.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a workflow's task costs, one change's way beside the other's (issue 16), in one run: whole fan-out
 * workflows (1 worker × 128 and 2 workers × 32) each way, alternating which goes first in each run, beside the
 * graphile-like peer inserting and working the same number of jobs, and the task path alone (seeded tasks, 1
 * worker × 128) each way. One warm-up pass of each, then R runs (default 3); each figure is the median.
 * {@code bench/run taskcost [R] [eager|v17|v18] [profile [steps]]}, RONDO_BENCH_URL as for engine. The comparisons:
 * <ul>
 *   <li>{@code eager} (the default): workers with eager dispatch off (every task claimed) beside on (a slice's
 *       tasks run in its worker's free slots without a claim). The task path has no slices, so it is the same
 *       both ways: a control of the noise. Two more loads where slots are free when a slice starts its task:
 *       100 10-step workflows on 1 worker × 128, and one 10-step workflow at a time on an idle worker (both ways
 *       side by side, alternating).</li>
 *   <li>{@code v17}: the schema with V17 undone ({@link #BEFORE_V17}: tasks back in the attribute index) beside
 *       the schema as migrated.</li>
 *   <li>{@code v18}: the schema with V18's indexes undone ({@link #BEFORE_V18}: a task's end not HOT again)
 *       beside the schema as migrated.</li>
 * </ul>
 * With {@code profile}, instead: one fan-out load (1 × 128) each way per run, and its buffers per task; with
 * {@code profile steps}, the load of 100 10-step workflows (1 × 128) instead of the fan-out.
 */
public final class TaskCostBench {

    /** Puts back what V17 changed: tasks in the attribute index again. */
    static final String[] BEFORE_V17 = {
        "DROP INDEX executions_by_attributes",
        "CREATE INDEX executions_by_attributes ON executions USING gin (attributes jsonb_path_ops)",
    };

    /**
     * Puts back the indexes V18 replaced (over {@code status} and {@code finished_at}, which a task's end
     * changes, so that its end is not a HOT update again) and the default fillfactor. The counters V18 added
     * stay (the engine's statements write them either way).
     */
    static final String[] BEFORE_V18 = {
        "DROP INDEX executions_by_status",
        "CREATE INDEX executions_by_status ON executions (status, created_at DESC, id DESC) WHERE kind = 'workflow'",
        "CREATE INDEX executions_finished_by_queue ON executions (finished_at, queue) WHERE finished_at IS NOT NULL",
        "DROP INDEX executions_finished_roots",
        "CREATE INDEX executions_finished_roots ON executions (finished_at, id) WHERE parent_id IS NULL AND finished_at IS NOT NULL",
        "ALTER TABLE executions SET (fillfactor = 100)",
    };

    private static final int[][] SHAPES = {{1, EngineBench.LARGE_CONCURRENCY}, {2, EngineBench.CONCURRENCY}};
    /** Fewer 10-step workflows than the worker has slots: a slice's task finds a free slot (eager dispatch's case). */
    private static final int STEPS_WORKFLOWS = 100;
    /** 10-step workflows run one after the other on an idle worker, after as many to warm up. */
    private static final int ONE_BY_ONE = 20;

    /** One way of running the loads: the schema it needs and how it configures the workers. */
    private record Way(String name, String[] schema, UnaryOperator<Worker.Builder> configure) {}

    /** The two ways a comparison runs, the one before first. */
    private record Comparison(Way before, Way after) {
        static Comparison named(String name) {
            return switch (name) {
                case "eager" -> new Comparison(new Way("plain", new String[0], b -> b.eagerTasks(false)),
                        new Way("eager", new String[0], b -> b.eagerTasks(true)));
                case "v17" -> new Comparison(new Way("before V17", BEFORE_V17, b -> b), new Way("after V17", new String[0], b -> b));
                case "v18" -> new Comparison(new Way("before V18", BEFORE_V18, b -> b), new Way("after V18", new String[0], b -> b));
                default -> throw new IllegalArgumentException("bench/run taskcost [R] [eager|v17|v18] [profile [steps]]: no comparison " + name);
            };
        }

        Way of(boolean after) {
            return after ? this.after : before;
        }
    }

    private TaskCostBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        java.util.List<String> rest = java.util.Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        boolean profile = rest.contains("profile");
        boolean steps = rest.contains("steps");
        Comparison ways = Comparison.named(rest.stream().filter(a -> !a.equals("profile") && !a.equals("steps"))
                .findFirst().orElse("eager"));
        BenchDatabase db = BenchDatabase.fromEnvironment();
        db.createIfMissing();
        db.checkConnections();
        System.out.printf("taskcost: %s beside %s, %d runs on %s, %d cores; one warm-up pass first (not counted)%n",
                ways.after.name, ways.before.name, runs, db.describe(), Runtime.getRuntime().availableProcessors());
        String input = "{\"tasks\": " + EngineBench.FAN_OUT_TASKS + "}";
        if (profile) {
            try {
                for (int run = 0; run < runs; run++) {
                    for (boolean after : new boolean[] {false, true}) {
                        Way way = ways.of(after);
                        db.afterMigrate(way.schema);
                        if (steps) {
                            profile(db, way, "steps", "{}", STEPS_WORKFLOWS);
                        } else {
                            profile(db, way, "fanout", input, EngineBench.FAN_OUT_WORKFLOWS);
                        }
                    }
                }
            } finally {
                db.afterMigrate();
                db.closeWorkerPools();
            }
            return;
        }
        int jobs = EngineBench.FAN_OUT_WORKFLOWS * EngineBench.FAN_OUT_TASKS;
        String before = ways.before.name;
        String after = ways.after.name;
        try {
            for (int[] shape : SHAPES) {
                for (boolean later : new boolean[] {true, false}) {
                    Way way = ways.of(later);
                    db.afterMigrate(way.schema);
                    EngineLoad.run(db, shape[0], shape[1], "fanout", input, EngineBench.FAN_OUT_WORKFLOWS, way.configure);
                }
            }
            Medians m = new Medians();
            for (int run = 1; run <= runs; run++) {
                db.afterMigrate();
                m.add("graphile", GraphilePeer.run(db, jobs).jobsPerSecond());
                StringBuilder line = new StringBuilder();
                for (int[] shape : SHAPES) {
                    String key = shape[0] + "x" + shape[1];
                    for (int i = 0; i < 2; i++) {
                        Way way = ways.of((run % 2 == 1) == (i == 0));
                        db.afterMigrate(way.schema);
                        EngineLoad.Result r = EngineLoad.run(db, shape[0], shape[1], "fanout", input,
                                EngineBench.FAN_OUT_WORKFLOWS, way.configure);
                        m.add(way.name + " " + key, r.tasksPerSecond());
                        m.add(way.name + " " + key + " server", r.serverMicrosPer(r.tasks()));
                    }
                    line.append(String.format("; %s: %s %s (%.0f µs server/task), %s %s (%.0f µs)", key,
                            before, Stats.format(m.last(before + " " + key)), m.last(before + " " + key + " server"),
                            after, Stats.format(m.last(after + " " + key)), m.last(after + " " + key + " server")));
                }
                for (int i = 0; i < 2; i++) {
                    Way way = ways.of((run % 2 == 1) == (i == 0));
                    db.afterMigrate(way.schema);
                    TaskPathLoad.Result r = TaskPathLoad.run(db, 1, EngineBench.LARGE_CONCURRENCY, EngineBench.TASK_PATH_TASKS,
                            way.configure);
                    m.add(way.name + " task path", r.tasksPerSecond());
                }
                line.append(String.format("; task path 1x%d: %s %s, %s %s", EngineBench.LARGE_CONCURRENCY,
                        before, Stats.format(m.last(before + " task path")), after, Stats.format(m.last(after + " task path"))));
                for (int i = 0; i < 2; i++) {
                    Way way = ways.of((run % 2 == 1) == (i == 0));
                    db.afterMigrate(way.schema);
                    EngineLoad.Result r = EngineLoad.run(db, 1, EngineBench.LARGE_CONCURRENCY, "steps", "{}", STEPS_WORKFLOWS,
                            way.configure);
                    m.add(way.name + " steps", r.tasksPerSecond());
                }
                db.afterMigrate(); // the one-by-one workers run side by side: on the schema as migrated
                oneByOne(db, ways).forEach((way, ms) -> m.add(way + " one by one", ms));
                line.append(String.format("; steps 1x%d: %s %s, %s %s; one by one: %s %.1f ms, %s %.1f ms",
                        EngineBench.LARGE_CONCURRENCY, before, Stats.format(m.last(before + " steps")), after,
                        Stats.format(m.last(after + " steps")), before, m.last(before + " one by one"), after,
                        m.last(after + " one by one")));
                System.out.printf("  run %d: graphile-like %s jobs/s%s%n", run, Stats.format(m.last("graphile")), line);
            }
            System.out.printf("medians of %d: graphile-like insert + work %s jobs/s%n", runs, Stats.format(m.of("graphile")));
            for (int[] shape : SHAPES) {
                String key = shape[0] + "x" + shape[1];
                double b = m.of(before + " " + key);
                double a = m.of(after + " " + key);
                System.out.printf("  fan-out %s: %s %s tasks/s (%.2f× the peer, %.0f µs server/task), %s %s (%.2f×, %.0f µs): %.2f× %s%n",
                        key, before, Stats.format(b), b / m.of("graphile"), m.of(before + " " + key + " server"),
                        after, Stats.format(a), a / m.of("graphile"), m.of(after + " " + key + " server"), a / b, before);
            }
            System.out.printf("  task path alone 1x%d: %s %s tasks/s (%.2f× the peer), %s %s (%.2f×): %.2f× %s%n",
                    EngineBench.LARGE_CONCURRENCY, before, Stats.format(m.of(before + " task path")),
                    m.of(before + " task path") / m.of("graphile"), after, Stats.format(m.of(after + " task path")),
                    m.of(after + " task path") / m.of("graphile"), m.of(after + " task path") / m.of(before + " task path"), before);
            System.out.printf("  steps 1x%d (%d workflows of 10 sequential tasks): %s %s tasks/s (%.2f× the peer), %s %s (%.2f×):"
                            + " %.2f× %s%n", EngineBench.LARGE_CONCURRENCY, STEPS_WORKFLOWS, before, Stats.format(m.of(before + " steps")),
                    m.of(before + " steps") / m.of("graphile"), after, Stats.format(m.of(after + " steps")),
                    m.of(after + " steps") / m.of("graphile"), m.of(after + " steps") / m.of(before + " steps"), before);
            System.out.printf("  one 10-step workflow at a time (1x%d, %d each way, alternating): %s %.1f ms each, %s %.1f ms: %.2f× %s%n",
                    EngineBench.LATENCY_CONCURRENCY, ONE_BY_ONE, before, m.of(before + " one by one"), after,
                    m.of(after + " one by one"), m.of(after + " one by one") / m.of(before + " one by one"), before);
        } finally {
            db.afterMigrate();
            db.closeWorkerPools();
        }
    }

    /**
     * Milliseconds per 10-step workflow run one at a time (each awaited before the next starts) on an idle worker,
     * each way: one worker each way at once, on a queue of its own, the workflows alternating between them, so
     * both see the same load of the machine; {@code ONE_BY_ONE} each way after as many to warm up. Median per way.
     */
    private static Map<String, Double> oneByOne(BenchDatabase db, Comparison ways) throws Exception {
        Map<String, List<Double>> millis = new HashMap<>();
        try (FreshEngine engine = new FreshEngine(db);
             WorkerGroup before = oneByOneWorker(db, ways.before, "one-by-one-before", 0);
             WorkerGroup after = oneByOneWorker(db, ways.after, "one-by-one-after", 1)) {
            for (int i = 0; i < 4 * ONE_BY_ONE; i++) {
                boolean later = i % 2 == 1;
                Way way = ways.of(later);
                long start = System.nanoTime();
                WorkflowResult result = engine.client.start("steps", "{}",
                        StartOptions.DEFAULT.withQueue(later ? "one-by-one-after" : "one-by-one-before")).result(Duration.ofSeconds(60));
                if (!result.completed()) {
                    throw new IllegalStateException("a steps workflow ended " + result.status() + ": " + result.errorJson());
                }
                if (i >= 2 * ONE_BY_ONE) {
                    millis.computeIfAbsent(way.name, n -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
                }
            }
        }
        Map<String, Double> medians = new HashMap<>();
        millis.forEach((way, values) -> medians.put(way, Stats.median(values.stream().mapToDouble(Double::doubleValue).toArray())));
        return medians;
    }

    /** One worker of {@code way} (its own id, kept pool number {@code pool}) serving only {@code queue}, listening. */
    private static WorkerGroup oneByOneWorker(BenchDatabase db, Way way, String queue, int pool) {
        WorkerGroup group = new WorkerGroup(db, 1, EngineBench.LATENCY_CONCURRENCY, queue, db.budget().workerPool(), pool)
                .configure(b -> way.configure.apply(b.id(queue))).start();
        group.awaitListening();
        return group;
    }

    /**
     * One load of {@code workflows} {@code workflow}s (1 worker × 128), then what each table and index of the engine cost per task: buffers
     * read or hit, and rows inserted, updated (HOT of them) and deleted. The statistics are flushed by each
     * backend within 10 s of going idle, so they are read 11 s after the load.
     */
    private static void profile(BenchDatabase db, Way way, String workflow, String input, int workflows) throws Exception {
        java.util.Map<Long, Long> before = backendTicks(db);
        EngineLoad.Result r = EngineLoad.run(db, 1, EngineBench.LARGE_CONCURRENCY, workflow, input, workflows, way.configure);
        java.util.Map<Long, Long> afterLoad = backendTicks(db);
        long ticks = 0;
        for (var e : afterLoad.entrySet()) {
            ticks += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        Thread.sleep(11_000);
        System.out.printf("%s: %s tasks/s, %.0f µs server/task (all of the server, other databases' work too), %.0f µs in"
                        + " this database's backends (the workers', kept across loads); per task:%n", way.name,
                Stats.format(r.tasksPerSecond()), r.serverMicrosPer(r.tasks()), ticks * 10_000.0 / r.tasks());
        try (java.sql.Connection c = db.connect(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("""
                     SELECT relname, NULL AS indexrelname, heap_blks_read + heap_blks_hit AS blks,
                            n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del, pg_relation_size(relid) AS bytes
                     FROM pg_statio_user_tables JOIN pg_stat_user_tables USING (relid, relname, schemaname)
                     WHERE schemaname = 'public'
                     UNION ALL
                     SELECT relname, indexrelname, idx_blks_read + idx_blks_hit, NULL, NULL, NULL, NULL,
                            pg_relation_size(indexrelid)
                     FROM pg_statio_user_indexes WHERE schemaname = 'public'
                     ORDER BY 3 DESC""")) {
            double tasks = r.tasks();
            double total = 0;
            while (rs.next()) {
                double blks = rs.getLong(3) / tasks;
                total += blks;
                if (blks < 0.05) {
                    continue;
                }
                String name = rs.getString(2) == null ? rs.getString(1) : "  " + rs.getString(2);
                if (rs.getString(2) == null) {
                    System.out.printf("  %-36s %6.2f buffers  ins %.2f upd %.2f (hot %.2f) del %.2f  %,d kB%n", name, blks,
                            rs.getLong(4) / tasks, rs.getLong(5) / tasks, rs.getLong(6) / tasks, rs.getLong(7) / tasks,
                            rs.getLong(8) / 1024);
                } else {
                    System.out.printf("  %-36s %6.2f buffers  %,d kB%n", name, blks, rs.getLong(8) / 1024);
                }
            }
            System.out.printf("  total %.1f buffers per task%n", total);
        }
    }

    /**
     * CPU ticks (1/100 s) of each backend connected to the benchmark's database now, by pid, from /proc: on a
     * shared machine, the server's total holds other databases' work too.
     */
    private static java.util.Map<Long, Long> backendTicks(BenchDatabase db) throws java.sql.SQLException {
        java.util.Map<Long, Long> ticks = new java.util.HashMap<>();
        try (java.sql.Connection c = db.connect(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(
                     "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                long pid = rs.getLong(1);
                try {
                    String line = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
                    String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
                    ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (java.io.IOException | RuntimeException gone) {
                    // exited meanwhile
                }
            }
        }
        return ticks;
    }
}
