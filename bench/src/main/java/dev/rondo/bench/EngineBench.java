package dev.rondo.bench;

/**
 * The engine on PostgreSQL, each figure beside a ceiling or floor measured in the same run: no-op task
 * throughput with one and two workers against pgbench running the worker's own claim and finish SQL, for
 * whole fan-out workflows and for the task path alone (the tasks pgbench ends, ended by workers);
 * checkpoints per second of a 10-step sequential workflow; pickup latency against a plain-JDBC
 * NOTIFY-and-claim loop; and CPU per task. Every measurement starts from a freshly migrated schema; an
 * uncounted pass of every load at its full size first lets the JIT compile the engine (the workers run in
 * this JVM, so later workers reuse that code), then each figure is the median of the runs.
 */
public final class EngineBench {

    static final int CONCURRENCY = 32;
    /** Lets a no-op claim take as many items as pgbench's 100 per claim (a claim asks for the free slots). */
    static final int LARGE_CONCURRENCY = 128;
    static final int[] FAN_OUT_CONCURRENCIES = {CONCURRENCY, LARGE_CONCURRENCY};
    /** The latency worker's concurrency: Worker's default, since it is only lightly loaded. */
    static final int LATENCY_CONCURRENCY = 16;
    /** 10,000 tasks: at the goal's 15k/s still a window of 0.7 s, 70 polls of the end. */
    static final int FAN_OUT_WORKFLOWS = 200;
    static final int FAN_OUT_TASKS = 50;
    static final int STEP_WORKFLOWS = 200;
    static final int LATENCY_WORKFLOWS = 100;
    static final int FLOOR_ROUNDS = 200;
    /** Seeded tasks for the task path alone: at pgbench's 100-per-claim rate here still over a second. */
    static final int TASK_PATH_TASKS = 30_000;
    static final int PGBENCH_SECONDS = 10;
    /** More than pgbench can end in {@link #PGBENCH_SECONDS} here (about 1.2k and 22k jobs/s seen), so it never runs dry. */
    static final int PGBENCH_TASKS_SINGLE = 50_000;
    static final int PGBENCH_TASKS_BATCHED = 500_000;

    /** Fan-out through child workflows: one parent, 200 children of 50 tasks, the same 10,000 tasks as the fan-out. */
    static final int CHILDREN = 200;
    static final int IDLE_SECONDS = 40;

    private static final String FAN_OUT_INPUT = "{\"tasks\": " + FAN_OUT_TASKS + "}";
    private static final String CHILDREN_INPUT = "{\"children\": " + CHILDREN + ", \"tasks\": " + FAN_OUT_TASKS + "}";

    private EngineBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        BenchDatabase db = BenchDatabase.fromEnvironment();
        db.createIfMissing();
        db.checkConnections();
        System.out.printf("engine: %d runs on %s, %d cores; one warm-up pass of every load first (not counted)%n",
                runs, db.describe(), Runtime.getRuntime().availableProcessors());
        try {
            measureAll(db, runs);
        } finally {
            db.closeWorkerPools();
        }
    }

    private static void measureAll(BenchDatabase db, int runs) throws Exception {
        warmUp(db);
        Medians m = new Medians();
        for (int run = 1; run <= runs; run++) {
            measure(db, m);
            System.out.printf("  run %d: tasks/s ×%d %s (1 worker), %s (2), ×%d %s (1), %s (2), JIT %.0f ms in these loads; "
                            + "task path alone ×%d %s (1), %s (2); "
                            + "checkpoints/s %s (1), %s (2); "
                            + "start→slice %.2f/%.2f ms, task→slice %.2f/%.2f ms, floor %.2f/%.2f ms (p50/p99); "
                            + "pgbench %s jobs/s (1/claim), %s (100/claim)%n",
                    run, CONCURRENCY, Stats.format(m.last(tasks(1, CONCURRENCY))), Stats.format(m.last(tasks(2, CONCURRENCY))),
                    LARGE_CONCURRENCY, Stats.format(m.last(tasks(1, LARGE_CONCURRENCY))),
                    Stats.format(m.last(tasks(2, LARGE_CONCURRENCY))), m.last("jit ms"),
                    LARGE_CONCURRENCY, Stats.format(m.last("task path 1")), Stats.format(m.last("task path 2")),
                    Stats.format(m.last("slices 1")), Stats.format(m.last("slices 2")),
                    m.last("start p50"), m.last("start p99"), m.last("resume p50"), m.last("resume p99"),
                    m.last("floor p50"), m.last("floor p99"),
                    Stats.format(m.last("pgbench 1")), Stats.format(m.last("pgbench 100")));
            System.out.printf("         graphile-like insert+work %s jobs/s (insert %s, work %s); children 2×%d %s tasks/s; ×%d listening: "
                            + "rondo worker %s, library %s (tasks), rondo worker %s, library %s (children)%n",
                    Stats.format(m.last("graphile")), Stats.format(m.last("graphile insert")), Stats.format(m.last("graphile work")),
                    CONCURRENCY, Stats.format(m.last("children 2x" + CONCURRENCY)), db.budget().commandConcurrency(),
                    Stats.format(m.last("command fanout")), Stats.format(m.last("library fanout")),
                    Stats.format(m.last("command children")), Stats.format(m.last("library children")));
        }
        IdleCost.Result idle = IdleCost.run(db, CONCURRENCY, IDLE_SECONDS);
        m.add("idle", idle.perSecond());
        m.add("idle statements", idle.clientStatements());
        EngineTable.print(m, runs, idle.counted(), db.budget().commandConcurrency());
    }

    /** Every engine load once at its full size, so that the JIT has compiled what the runs time. */
    private static void warmUp(BenchDatabase db) throws Exception {
        for (int workers = 1; workers <= 2; workers++) {
            for (int concurrency : FAN_OUT_CONCURRENCIES) {
                EngineLoad.run(db, workers, concurrency, "fanout", FAN_OUT_INPUT, FAN_OUT_WORKFLOWS);
            }
            EngineLoad.run(db, workers, CONCURRENCY, "steps", "{}", STEP_WORKFLOWS);
            TaskPathLoad.run(db, workers, LARGE_CONCURRENCY, TASK_PATH_TASKS);
        }
        EngineLoad.run(db, 2, CONCURRENCY, "children", CHILDREN_INPUT, 1);
        // at full size too: with fewer, the first timed run still caught the pickup path being compiled
        EngineLatency.run(db, LATENCY_CONCURRENCY, LATENCY_WORKFLOWS);
    }

    /** The median key of the fan-out's tasks/s with {@code workers} workers × {@code concurrency}. */
    static String tasks(int workers, int concurrency) {
        return "tasks " + workers + "x" + concurrency;
    }

    /** One run: every measurement once, in an order that interleaves the engine and its peers. */
    private static void measure(BenchDatabase db, Medians m) throws Exception {
        long jitMillis = 0;
        int fanOutTasks = FAN_OUT_WORKFLOWS * FAN_OUT_TASKS;
        GraphilePeer.Result graphile = GraphilePeer.run(db, fanOutTasks);
        m.add("graphile", graphile.jobsPerSecond());
        m.add("graphile insert", graphile.insertPerSecond());
        m.add("graphile work", graphile.workPerSecond());
        // the command's workers and the library's, alternately, at the concurrency two processes' pools fit
        int c = db.budget().commandConcurrency();
        m.add("command fanout", ListeningLoad.run(db, true, 2, c, "fanout", FAN_OUT_INPUT, FAN_OUT_WORKFLOWS, FAN_OUT_TASKS));
        m.add("library fanout", ListeningLoad.run(db, false, 2, c, "fanout", FAN_OUT_INPUT, FAN_OUT_WORKFLOWS, FAN_OUT_TASKS));
        m.add("command children", ListeningLoad.run(db, true, 2, c, "children", CHILDREN_INPUT, 1, fanOutTasks));
        m.add("library children", ListeningLoad.run(db, false, 2, c, "children", CHILDREN_INPUT, 1, fanOutTasks));
        EngineLoad.Result children = EngineLoad.run(db, 2, CONCURRENCY, "children", CHILDREN_INPUT, 1);
        m.add("children 2x" + CONCURRENCY, children.tasksPerSecond());
        m.add("children jvm cpu", children.jvmMicrosPer(children.tasks()));
        m.add("children server cpu", children.serverMicrosPer(children.tasks()));
        for (int workers = 1; workers <= 2; workers++) {
            for (int concurrency : FAN_OUT_CONCURRENCIES) {
                EngineLoad.Result fanOut = EngineLoad.run(db, workers, concurrency, "fanout", FAN_OUT_INPUT, FAN_OUT_WORKFLOWS);
                m.add(tasks(workers, concurrency), fanOut.tasksPerSecond());
                m.add("jvm cpu " + workers + "x" + concurrency, fanOut.jvmMicrosPer(fanOut.tasks()));
                m.add("server cpu " + workers + "x" + concurrency, fanOut.serverMicrosPer(fanOut.tasks()));
                jitMillis += fanOut.jitMillis();
            }
            EngineLoad.Result steps = EngineLoad.run(db, workers, CONCURRENCY, "steps", "{}", STEP_WORKFLOWS);
            m.add("slices " + workers, steps.slicesPerSecond());
            m.add("step jvm cpu " + workers, steps.jvmMicrosPer(steps.slices()));
            m.add("step server cpu " + workers, steps.serverMicrosPer(steps.slices()));
            jitMillis += steps.jitMillis();
            TaskPathLoad.Result taskPath = TaskPathLoad.run(db, workers, LARGE_CONCURRENCY, TASK_PATH_TASKS);
            m.add("task path " + workers, taskPath.tasksPerSecond());
            m.add("task path jvm cpu " + workers, taskPath.jvmMicrosPerTask());
            m.add("task path server cpu " + workers, taskPath.serverMicrosPerTask());
        }
        m.add("jit ms", jitMillis);
        EngineLatency.Result latency = EngineLatency.run(db, LATENCY_CONCURRENCY, LATENCY_WORKFLOWS);
        m.add("start p50", Stats.percentile(latency.startToSlice(), 0.50));
        m.add("start p99", Stats.percentile(latency.startToSlice(), 0.99));
        m.add("resume p50", Stats.percentile(latency.taskToResume(), 0.50));
        m.add("resume p99", Stats.percentile(latency.taskToResume(), 0.99));
        db.reset();
        double[] floor = NotifyFloor.run(db, FLOOR_ROUNDS);
        m.add("floor p50", Stats.percentile(floor, 0.50));
        m.add("floor p99", Stats.percentile(floor, 0.99));
        PgbenchCeiling.Result single = PgbenchCeiling.run(db, 1, PGBENCH_SECONDS, PGBENCH_TASKS_SINGLE);
        m.add("pgbench 1", single.jobsPerSecond());
        PgbenchCeiling.Result batched = PgbenchCeiling.run(db, 100, PGBENCH_SECONDS, PGBENCH_TASKS_BATCHED);
        m.add("pgbench 100", batched.jobsPerSecond());
        m.add("pgbench server cpu 1", single.serverMicrosPerJob());
        m.add("pgbench server cpu 100", batched.serverMicrosPerJob());
    }
}
