package dev.rondo.bench;

/**
 * The workflow path alone (checkpoints per second of the 10-step sequential workflow, with one and two
 * workers ×32), and the fan-out's tasks per second beside it: the engine benchmark's two loads that a
 * change to the slice's statement (write_slice.sql) moves, without its peers. One warm-up pass, then R
 * runs (default 3); each figure is the median. {@code bench/run steps [R]}, RONDO_BENCH_URL as for engine.
 *
 * <p>{@code bench/run steps R history}: the 10-step workflow with the checkpoint history the workers keep by
 * default beside none ({@code checkpointHistory(0)}), alternating in each run, so that both are measured
 * under the same load: the cost of writing each await's checkpoint twice.
 */
public final class StepsBench {

    private StepsBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        BenchDatabase db = BenchDatabase.fromEnvironment();
        if (args.length > 1 && args[1].equals("history")) {
            db.createIfMissing();
            try {
                history(db, runs);
            } finally {
                db.closeWorkerPools();
            }
            return;
        }
        db.createIfMissing();
        System.out.printf("steps: %d runs on %s, %d cores; one warm-up pass first (not counted)%n",
                runs, db.describe(), Runtime.getRuntime().availableProcessors());
        try {
            String fanOut = "{\"tasks\": " + EngineBench.FAN_OUT_TASKS + "}";
            for (int workers = 1; workers <= 2; workers++) {
                EngineLoad.run(db, workers, EngineBench.CONCURRENCY, "steps", "{}", EngineBench.STEP_WORKFLOWS);
                EngineLoad.run(db, workers, EngineBench.CONCURRENCY, "fanout", fanOut, EngineBench.FAN_OUT_WORKFLOWS);
            }
            Medians m = new Medians();
            for (int run = 1; run <= runs; run++) {
                for (int workers = 1; workers <= 2; workers++) {
                    m.add("slices " + workers, EngineLoad.run(db, workers, EngineBench.CONCURRENCY, "steps", "{}",
                            EngineBench.STEP_WORKFLOWS).slicesPerSecond());
                    m.add("tasks " + workers, EngineLoad.run(db, workers, EngineBench.CONCURRENCY, "fanout", fanOut,
                            EngineBench.FAN_OUT_WORKFLOWS).tasksPerSecond());
                }
                System.out.printf("  run %d: checkpoints/s %s (1 worker), %s (2); fan-out tasks/s %s (1), %s (2)%n", run,
                        Stats.format(m.last("slices 1")), Stats.format(m.last("slices 2")),
                        Stats.format(m.last("tasks 1")), Stats.format(m.last("tasks 2")));
            }
            System.out.printf("medians of %d: checkpoints/s %s (1 worker), %s (2); fan-out tasks/s %s (1), %s (2)%n", runs,
                    Stats.format(m.of("slices 1")), Stats.format(m.of("slices 2")),
                    Stats.format(m.of("tasks 1")), Stats.format(m.of("tasks 2")));
        } finally {
            db.closeWorkerPools();
        }
    }

    private static void history(BenchDatabase db, int runs) throws Exception {
        System.out.printf("steps with and without checkpoint history: %d runs on %s, %d cores%n", runs, db.describe(),
                Runtime.getRuntime().availableProcessors());
        java.util.function.UnaryOperator<dev.rondo.worker.Worker.Builder> none = b -> b.checkpointHistory(0);
        for (int workers = 1; workers <= 2; workers++) {
            EngineLoad.run(db, workers, EngineBench.CONCURRENCY, "steps", "{}", EngineBench.STEP_WORKFLOWS);
            EngineLoad.run(db, workers, EngineBench.CONCURRENCY, "steps", "{}", EngineBench.STEP_WORKFLOWS, none);
        }
        Medians m = new Medians();
        for (int run = 1; run <= runs; run++) {
            for (int workers = 1; workers <= 2; workers++) {
                boolean historyFirst = run % 2 == 1;
                for (int i = 0; i < 2; i++) {
                    boolean withHistory = historyFirst == (i == 0);
                    EngineLoad.Result r = withHistory
                            ? EngineLoad.run(db, workers, EngineBench.CONCURRENCY, "steps", "{}", EngineBench.STEP_WORKFLOWS)
                            : EngineLoad.run(db, workers, EngineBench.CONCURRENCY, "steps", "{}", EngineBench.STEP_WORKFLOWS, none);
                    m.add((withHistory ? "history " : "none ") + workers, r.slicesPerSecond());
                    m.add((withHistory ? "history server " : "none server ") + workers, r.serverMicrosPer(r.slices()));
                }
            }
            System.out.printf("  run %d: checkpoints/s with history %s, without %s (1 worker); %s, %s (2)%n", run,
                    Stats.format(m.last("history 1")), Stats.format(m.last("none 1")),
                    Stats.format(m.last("history 2")), Stats.format(m.last("none 2")));
        }
        for (int workers = 1; workers <= 2; workers++) {
            System.out.printf("medians of %d, %d worker(s): checkpoints/s with history %s, without %s (ratio %.3f);"
                            + " server CPU µs/slice %.0f beside %.0f%n", runs, workers,
                    Stats.format(m.of("history " + workers)), Stats.format(m.of("none " + workers)),
                    m.of("history " + workers) / m.of("none " + workers),
                    m.of("history server " + workers), m.of("none server " + workers));
        }
    }
}
