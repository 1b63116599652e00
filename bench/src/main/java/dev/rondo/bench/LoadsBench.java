package dev.rondo.bench;

/**
 * {@code bench/run loads taskpath|fanout [R [W [C]]]}: R loads (default 5) of one kind on W workers × C slots
 * (defaults 1 × 128), after two warm-up loads, each printed with its tasks/s and the JVM's and the server's
 * CPU per task. For comparing two builds: run it from each checkout in turn, several times, and compare the
 * medians (the machine's noise moves single loads by a fifth). {@code taskpath}: 30,000 seeded tasks ended by
 * the workers ({@link TaskPathLoad}); {@code fanout}: 200 workflows of 50 tasks ({@link EngineLoad}).
 * RONDO_BENCH_URL as for engine.
 */
public final class LoadsBench {

    private LoadsBench() {}

    public static void main(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "";
        if (!kind.equals("taskpath") && !kind.equals("fanout")) {
            throw new IllegalArgumentException("bench/run loads taskpath|fanout [R [W [C]]]: no kind " + kind);
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int workers = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : EngineBench.LARGE_CONCURRENCY;
        BenchDatabase db = BenchDatabase.fromEnvironment();
        db.createIfMissing();
        db.checkConnections();
        try {
            for (int load = -2; load < runs; load++) {
                String figures;
                if (kind.equals("taskpath")) {
                    TaskPathLoad.Result r = TaskPathLoad.run(db, workers, concurrency, EngineBench.TASK_PATH_TASKS);
                    figures = String.format("%s tasks/s, JVM %.1f µs/task, server %.1f µs/task", Stats.format(r.tasksPerSecond()),
                            r.jvmMicrosPerTask(), r.serverMicrosPerTask());
                } else {
                    EngineLoad.Result r = EngineLoad.run(db, workers, concurrency, "fanout",
                            "{\"tasks\": " + EngineBench.FAN_OUT_TASKS + "}", EngineBench.FAN_OUT_WORKFLOWS);
                    figures = String.format("%s tasks/s, %d slices, JVM %.1f µs/task, server %.1f µs/task",
                            Stats.format(r.tasksPerSecond()), r.slices(), r.jvmMicrosPer(r.tasks()), r.serverMicrosPer(r.tasks()));
                }
                System.out.printf("%s %d × %d, %s: %s%n", kind, workers, concurrency, load < 0 ? "warm-up" : "load " + (load + 1), figures);
            }
        } finally {
            db.closeWorkerPools();
        }
    }
}
