package dev.rondo.bench;

import java.io.IOException;
import java.sql.SQLException;

/**
 * A load started on workers that already run and listen, as a user's would be: either {@code rondo worker}
 * processes or library {@code Worker}s in this JVM, with the same concurrency. Each first works a warm-up
 * load of a fifth of the size (so the processes' JIT has compiled the engine, as this JVM's has), then the
 * load is committed in one transaction and timed from that commit to the last workflow's end.
 */
final class ListeningLoad {

    private ListeningLoad() {}

    /** Tasks ended per second. */
    static double run(BenchDatabase db, boolean command, int workers, int concurrency, String workflow, String inputJson, int workflows,
            int tasksPerWorkflow) throws SQLException, IOException {
        return run(db, command, System.getenv("RONDO_BENCH_COMMAND"), workers, concurrency, workflow, inputJson, workflows, tasksPerWorkflow);
    }

    /** As above, the processes started with {@code launcher} (null: the repository's ./rondo). */
    static double run(BenchDatabase db, boolean command, String launcher, int workers, int concurrency, String workflow, String inputJson,
            int workflows, int tasksPerWorkflow) throws SQLException, IOException {
        try (FreshEngine engine = new FreshEngine(db)) {
            if (command) {
                db.closeWorkerPools(); // the processes bring their own
                try (CommandWorkers processes = new CommandWorkers(db, workers, concurrency, launcher)) {
                    processes.awaitListening();
                    return measure(db, engine, workflow, inputJson, workflows, tasksPerWorkflow);
                }
            }
            try (WorkerGroup group = new WorkerGroup(db, workers, concurrency).start()) {
                group.awaitListening();
                return measure(db, engine, workflow, inputJson, workflows, tasksPerWorkflow);
            }
        }
    }

    private static double measure(BenchDatabase db, FreshEngine engine, String workflow, String inputJson, int workflows,
            int tasksPerWorkflow) throws SQLException {
        // RONDO_BENCH_WARM_UP: that many warm-up loads of the full size instead (a fresh process's JIT)
        String fullWarmUps = System.getenv("RONDO_BENCH_WARM_UP");
        int warmUps = fullWarmUps == null || fullWarmUps.isBlank() ? 0 : Integer.parseInt(fullWarmUps.trim());
        for (int i = 0; i < Math.max(1, warmUps); i++) {
            engine.startAll(workflow, inputJson, warmUps > 0 ? workflows : Math.max(1, workflows / 5));
            engine.awaitWorkflowsEnded(600);
            engine.assertAllCompleted();
        }
        double before = db.number("SELECT count(*) FROM executions WHERE kind = 'task' AND finished_at IS NOT NULL");
        engine.startAll(workflow, inputJson, workflows);
        long start = System.nanoTime();
        engine.awaitWorkflowsEnded(600);
        double seconds = (System.nanoTime() - start) / 1e9;
        engine.assertAllCompleted();
        double tasks = db.number("SELECT count(*) FROM executions WHERE kind = 'task' AND finished_at IS NOT NULL") - before;
        if (tasks != (double) workflows * tasksPerWorkflow) {
            throw new IllegalStateException(tasks + " tasks ended, not " + workflows * tasksPerWorkflow);
        }
        return tasks / seconds;
    }
}
