package dev.rondo.bench;

/**
 * The workflow path alone (checkpoints per second of the 10-step sequential workflow, with one and two
 * workers ×32), and the fan-out's tasks per second beside it: the engine benchmark's two loads that a
 * change to the slice's statement (write_slice.sql) moves, without its peers. One warm-up pass, then R
 * runs (default 3); each figure is the median. {@code bench/run steps [R]}, RONDO_BENCH_URL as for engine.
 */
public final class StepsBench {

    private StepsBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        BenchDatabase db = BenchDatabase.fromEnvironment();
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
}
