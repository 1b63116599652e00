package dev.rondo.bench;

import java.io.IOException;
import java.sql.SQLException;

/**
 * Many workflows at once on a group of workers: tasks ended and slices committed per second, from the
 * first start to the last workflow's end (starting them is part of the load, as in a real application),
 * and the CPU each cost. Counts come from the database, not from the workers.
 */
final class EngineLoad {

    /** What one load did; {@code serverCpuNanos} is -1 when the server's CPU time cannot be read. */
    record Result(long tasks, long slices, double seconds, long jvmCpuNanos, long serverCpuNanos) {
        double tasksPerSecond() {
            return tasks / seconds;
        }

        double slicesPerSecond() {
            return slices / seconds;
        }

        double jvmMicrosPer(long count) {
            return jvmCpuNanos / 1e3 / count;
        }

        double serverMicrosPer(long count) {
            return serverCpuNanos < 0 ? Double.NaN : serverCpuNanos / 1e3 / count;
        }
    }

    private EngineLoad() {}

    /** Starts {@code workflows} executions of {@code workflow} and waits for all to end. */
    static Result run(BenchDatabase db, int workers, int concurrency, String workflow, String inputJson, int workflows)
            throws SQLException, IOException {
        try (FreshEngine engine = new FreshEngine(db); WorkerGroup group = new WorkerGroup(db, workers, concurrency)) {
            group.awaitListening();
            CpuClock cpu = db.cpu();
            long start = System.nanoTime();
            for (int i = 0; i < workflows; i++) {
                engine.start(workflow, inputJson);
            }
            engine.awaitWorkflowsEnded(600);
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuClock end = db.cpu();
            long tasks = (long) db.number("SELECT count(*) FROM executions WHERE kind = 'task' AND finished_at IS NOT NULL");
            // every slice ends by suspending ('waiting') or finishing, and writes exactly one of these rows
            long slices = (long) db.number("SELECT count(*) FROM history WHERE kind IN ('waiting', 'completed', 'failed', 'cancelled')");
            return new Result(tasks, slices, seconds, end.processSince(cpu), end.serverSince(cpu));
        }
    }
}
