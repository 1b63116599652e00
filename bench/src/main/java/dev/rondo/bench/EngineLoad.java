package dev.rondo.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;

/**
 * Many workflows at once on a group of workers: tasks ended and slices committed per second, and the CPU
 * each cost. All workflows are started (in one committed transaction) before the workers run; the clock
 * runs from the workers' start to the last workflow's end, so it times the workers' claims, slices and
 * task ends, not the client's starts. Counts come from the database, not from the workers.
 */
final class EngineLoad {

    /** What one load did; {@code serverCpuNanos} is -1 when the server's CPU time cannot be read. */
    record Result(long tasks, long slices, double seconds, long jvmCpuNanos, long serverCpuNanos, long jitMillis) {
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

    /** Queues {@code workflows} executions of {@code workflow}, then runs the workers until all have ended. */
    static Result run(BenchDatabase db, int workers, int concurrency, String workflow, String inputJson, int workflows)
            throws SQLException, IOException {
        return run(db, workers, concurrency, workflow, inputJson, workflows, b -> b);
    }

    /** As above, each worker's builder passed through {@code configure} first (metrics, tracing). */
    static Result run(BenchDatabase db, int workers, int concurrency, String workflow, String inputJson, int workflows,
                      java.util.function.UnaryOperator<dev.rondo.worker.Worker.Builder> configure)
            throws SQLException, IOException {
        return run(db, true, workers, concurrency, workflow, inputJson, workflows, configure);
    }

    /**
     * As above; with {@code reset} false on the schema as it is (seeded with other executions, which the
     * counts leave out: they count what was created since the load began).
     */
    static Result run(BenchDatabase db, boolean reset, int workers, int concurrency, String workflow, String inputJson,
                      int workflows, java.util.function.UnaryOperator<dev.rondo.worker.Worker.Builder> configure)
            throws SQLException, IOException {
        try (FreshEngine engine = new FreshEngine(db, reset);
             WorkerGroup group = new WorkerGroup(db, workers, concurrency).configure(configure)) {
            engine.startAll(workflow, inputJson, workflows);
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            long jitBefore = jit.getTotalCompilationTime();
            CpuClock cpu = db.cpu();
            long start = System.nanoTime();
            group.start();
            engine.awaitWorkflowsEnded(600);
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuClock end = db.cpu();
            long jitMillis = jit.getTotalCompilationTime() - jitBefore;
            engine.assertAllCompleted();
            String since = "'" + engine.since.toInstant() + "'";
            long tasks = (long) db.number("SELECT count(*) FROM executions WHERE kind = 'task' AND finished_at IS NOT NULL"
                    + " AND created_at >= " + since);
            // every slice ends by suspending ('waiting') or finishing, and writes exactly one of these rows
            long slices = (long) db.number("SELECT count(*) FROM history WHERE kind IN ('waiting', 'completed', 'failed', 'cancelled')"
                    + " AND at >= " + since);
            return new Result(tasks, slices, seconds, end.processSince(cpu), end.serverSince(cpu), jitMillis);
        }
    }
}
