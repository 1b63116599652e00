package dev.rondo.bench;

/**
 * What a workflow's task costs with V17's schema beside the schema before it (issue 16), in one run: whole
 * fan-out workflows (1 worker × 128 and 2 workers × 32) on the schema as migrated and on the schema with V17
 * undone ({@link #BEFORE_V17}, run after the migration), alternating which goes first in each run, beside the
 * graphile-like peer inserting and working the same number of jobs, and the task path alone (seeded tasks, 1 worker
 * × 128) on both schemas. One warm-up pass of each, then R runs
 * (default 3); each figure is the median. {@code bench/run taskcost [R]}, RONDO_BENCH_URL as for engine.
 */
public final class TaskCostBench {

    /** Puts back what V17 changed: tasks in the attribute index again. */
    static final String[] BEFORE_V17 = {
        "DROP INDEX executions_by_attributes",
        "CREATE INDEX executions_by_attributes ON executions USING gin (attributes jsonb_path_ops)",
    };

    private static final int[][] SHAPES = {{1, EngineBench.LARGE_CONCURRENCY}, {2, EngineBench.CONCURRENCY}};

    private TaskCostBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        BenchDatabase db = BenchDatabase.fromEnvironment();
        db.createIfMissing();
        db.checkConnections();
        System.out.printf("taskcost: %d runs on %s, %d cores; one warm-up pass first (not counted)%n",
                runs, db.describe(), Runtime.getRuntime().availableProcessors());
        String input = "{\"tasks\": " + EngineBench.FAN_OUT_TASKS + "}";
        if (args.length > 1 && args[1].equals("profile")) {
            try {
                for (int run = 0; run < runs; run++) {
                    for (boolean after : new boolean[] {false, true}) {
                        schema(db, after);
                        profile(db, after, input);
                    }
                }
            } finally {
                db.afterMigrate();
                db.closeWorkerPools();
            }
            return;
        }
        int jobs = EngineBench.FAN_OUT_WORKFLOWS * EngineBench.FAN_OUT_TASKS;
        try {
            for (int[] shape : SHAPES) {
                for (boolean after : new boolean[] {true, false}) {
                    schema(db, after);
                    EngineLoad.run(db, shape[0], shape[1], "fanout", input, EngineBench.FAN_OUT_WORKFLOWS);
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
                        boolean after = (run % 2 == 1) == (i == 0);
                        schema(db, after);
                        EngineLoad.Result r = EngineLoad.run(db, shape[0], shape[1], "fanout", input, EngineBench.FAN_OUT_WORKFLOWS);
                        String name = (after ? "after " : "before ") + key;
                        m.add(name, r.tasksPerSecond());
                        m.add(name + " server", r.serverMicrosPer(r.tasks()));
                    }
                    line.append(String.format("; %s: before %s (%.0f µs server/task), after %s (%.0f µs)", key,
                            Stats.format(m.last("before " + key)), m.last("before " + key + " server"),
                            Stats.format(m.last("after " + key)), m.last("after " + key + " server")));
                }
                for (int i = 0; i < 2; i++) {
                    boolean after = (run % 2 == 1) == (i == 0);
                    schema(db, after);
                    TaskPathLoad.Result r = TaskPathLoad.run(db, 1, EngineBench.LARGE_CONCURRENCY, EngineBench.TASK_PATH_TASKS);
                    m.add((after ? "after" : "before") + " task path", r.tasksPerSecond());
                }
                line.append(String.format("; task path 1x%d: before %s, after %s", EngineBench.LARGE_CONCURRENCY,
                        Stats.format(m.last("before task path")), Stats.format(m.last("after task path"))));
                System.out.printf("  run %d: graphile-like %s jobs/s%s%n", run, Stats.format(m.last("graphile")), line);
            }
            System.out.printf("medians of %d: graphile-like insert + work %s jobs/s%n", runs, Stats.format(m.of("graphile")));
            for (int[] shape : SHAPES) {
                String key = shape[0] + "x" + shape[1];
                double before = m.of("before " + key);
                double after = m.of("after " + key);
                System.out.printf("  fan-out %s: before %s tasks/s (%.2f× the peer, %.0f µs server/task), after %s (%.2f×, %.0f µs): %.2f× before%n",
                        key, Stats.format(before), before / m.of("graphile"), m.of("before " + key + " server"),
                        Stats.format(after), after / m.of("graphile"), m.of("after " + key + " server"), after / before);
            }
            System.out.printf("  task path alone 1x%d: before %s tasks/s, after %s: %.2f× before%n", EngineBench.LARGE_CONCURRENCY,
                    Stats.format(m.of("before task path")), Stats.format(m.of("after task path")),
                    m.of("after task path") / m.of("before task path"));
        } finally {
            db.afterMigrate();
            db.closeWorkerPools();
        }
    }

    /**
     * One fan-out load (1 worker × 128), then what each table and index of the engine cost per task: buffers
     * read or hit, and rows inserted, updated (HOT of them) and deleted. The statistics are flushed by each
     * backend within 10 s of going idle, so they are read 11 s after the load.
     */
    private static void profile(BenchDatabase db, boolean after, String input) throws Exception {
        java.util.Map<Long, Long> before = backendTicks(db);
        EngineLoad.Result r = EngineLoad.run(db, 1, EngineBench.LARGE_CONCURRENCY, "fanout", input, EngineBench.FAN_OUT_WORKFLOWS);
        java.util.Map<Long, Long> afterLoad = backendTicks(db);
        long ticks = 0;
        for (var e : afterLoad.entrySet()) {
            ticks += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        Thread.sleep(11_000);
        System.out.printf("%s: %s tasks/s, %.0f µs server/task (all of the server, other databases' work too), %.0f µs in"
                        + " this database's backends (the workers', kept across loads); per task:%n", after ? "after" : "before",
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

    private static void schema(BenchDatabase db, boolean after) {
        if (after) {
            db.afterMigrate();
        } else {
            db.afterMigrate(BEFORE_V17);
        }
    }
}
