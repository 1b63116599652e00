package dev.rondo.bench;

/**
 * The engine benchmark's two latencies alone (start → first slice, task end → parent's next slice), each
 * run beside the no-engine NOTIFY + claim floor, for checking a change to the pickup path quickly:
 * {@code bench/run latency [RUNS]} (default 5). One uncounted pass first warms the JIT.
 */
public final class LatencyBench {

    private LatencyBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        BenchDatabase db = BenchDatabase.fromEnvironment();
        db.createIfMissing();
        try {
            EngineLatency.run(db, EngineBench.LATENCY_CONCURRENCY, EngineBench.LATENCY_WORKFLOWS);
            Medians m = new Medians();
            for (int run = 1; run <= runs; run++) {
                EngineLatency.Result latency = EngineLatency.run(db, EngineBench.LATENCY_CONCURRENCY, EngineBench.LATENCY_WORKFLOWS);
                db.reset();
                double[] floor = NotifyFloor.run(db, EngineBench.FLOOR_ROUNDS);
                double start = Stats.percentile(latency.startToSlice(), 0.50);
                double resume = Stats.percentile(latency.taskToResume(), 0.50);
                double floor50 = Stats.percentile(floor, 0.50);
                m.add("start", start / floor50);
                m.add("resume", resume / floor50);
                System.out.printf("  run %d: start→slice p50 %.2f ms, task→slice p50 %.2f ms, floor p50 %.2f ms: %.2f× and %.2f×%n",
                        run, start, resume, floor50, start / floor50, resume / floor50);
            }
            System.out.printf("median of %d runs: start→slice %.2f× the floor, task→slice %.2f×%n", runs, m.of("start"), m.of("resume"));
        } finally {
            db.closeWorkerPools();
        }
    }
}
