package dev.rondo.bench;

import java.util.Arrays;

/**
 * {@code bench/run eager [R]}: whole fan-out workflows (through tasks, 1 and 2 workers × 32 and × 128, and
 * through child workflows, 2 × 32) with the workers' eager dispatch of tasks on and off, alternately, R runs
 * (default 3), medians, and how the tasks spread over two workers; the graphile-like peer in each run.
 */
public final class EagerBench {

    private EagerBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        BenchDatabase db = BenchDatabase.fromEnvironment();
        db.createIfMissing();
        db.checkConnections();
        String tasks = "{\"tasks\": " + EngineBench.FAN_OUT_TASKS + "}";
        String children = "{\"children\": " + EngineBench.CHILDREN + ", \"tasks\": " + EngineBench.FAN_OUT_TASKS + "}";
        String[] loads = {"1x32", "2x32", "1x128", "2x128", "children 2x32"};
        Medians m = new Medians();
        try {
            for (boolean eager : new boolean[] {true, false}) { // warm-up, not counted
                for (String load : loads) {
                    run(db, load, eager, tasks, children);
                }
            }
            for (int run = 1; run <= runs; run++) {
                m.add("graphile", GraphilePeer.run(db, EngineBench.FAN_OUT_WORKFLOWS * EngineBench.FAN_OUT_TASKS).jobsPerSecond());
                StringBuilder line = new StringBuilder("  run " + run + ": graphile-like " + Stats.format(m.last("graphile")));
                for (String load : loads) {
                    for (boolean eager : run % 2 == 1 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                        EngineLoad.Result r = run(db, load, eager, tasks, children);
                        String key = load + (eager ? " eager" : " claimed");
                        m.add(key, r.tasksPerSecond());
                        m.add(key + " server", r.serverMicrosPer(r.tasks()));
                        m.add(key + " jvm", r.jvmMicrosPer(r.tasks()));
                        line.append("; ").append(key).append(' ').append(Stats.format(r.tasksPerSecond()));
                        if (r.tasksRun().length == 2) {
                            line.append(" (per worker ").append(Arrays.toString(r.tasksRun())).append(')');
                        }
                    }
                }
                System.out.println(line);
            }
        } finally {
            db.closeWorkerPools();
        }
        System.out.printf("%n%-22s %10s %10s %7s %12s %12s %12s%n", "load (median of " + runs + ")", "eager", "claimed", "ratio",
                "graphile", "eager/peer", "claimed/peer");
        for (String load : loads) {
            double e = m.of(load + " eager");
            double c = m.of(load + " claimed");
            System.out.printf("%-22s %10s %10s %7.2f %12s %12.2f %12.2f   server µs/task %.0f vs %.0f, JVM µs/task %.0f vs %.0f%n", load,
                    Stats.format(e), Stats.format(c), e / c, Stats.format(m.of("graphile")), e / m.of("graphile"), c / m.of("graphile"),
                    m.of(load + " eager server"), m.of(load + " claimed server"), m.of(load + " eager jvm"), m.of(load + " claimed jvm"));
        }
    }

    private static EngineLoad.Result run(BenchDatabase db, String load, boolean eager, String tasks, String children) throws Exception {
        if (load.startsWith("children")) {
            return EngineLoad.run(db, 2, EngineBench.CONCURRENCY, "children", children, 1, eager);
        }
        String[] wc = load.split("x");
        return EngineLoad.run(db, Integer.parseInt(wc[0]), Integer.parseInt(wc[1]), "fanout", tasks, EngineBench.FAN_OUT_WORKFLOWS, eager);
    }
}
