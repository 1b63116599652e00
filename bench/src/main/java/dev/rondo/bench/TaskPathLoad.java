package dev.rondo.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The worker's task path alone, on exactly what the pgbench ceiling runs: the same seeded tasks (waiting
 * parents, 50 tasks each), claimed, run (a no-op handler) and ended by real workers through the same
 * {@code claim.sql} and {@code finish_tasks.sql}, each end writing its parent's inbox row and wake-up.
 * No workflow runs, so the difference to pgbench is the worker's own cost (JVM, JDBC, batching), not work
 * pgbench leaves out. Timed from the workers' start to the last task's end.
 */
final class TaskPathLoad {

    /** Tasks ended per second, and the CPU per task of this JVM and of PostgreSQL (NaN when unknown). */
    record Result(double tasksPerSecond, double jvmMicrosPerTask, double serverMicrosPerTask) {}

    private TaskPathLoad() {}

    static Result run(BenchDatabase db, int workers, int concurrency, int tasks) throws SQLException {
        return run(db, workers, concurrency, tasks, b -> b);
    }

    /** As above, each worker's builder passed through {@code configure} first. */
    static Result run(BenchDatabase db, int workers, int concurrency, int tasks,
                      java.util.function.UnaryOperator<dev.rondo.worker.Worker.Builder> configure) throws SQLException {
        db.reset();
        PgbenchCeiling.seed(db, tasks);
        try (WorkerGroup group = new WorkerGroup(db, workers, concurrency, "pgbench").configure(configure)) {
            CpuClock cpu = db.cpu();
            long start = System.nanoTime();
            group.start();
            awaitNoItems(db, 600);
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuClock end = db.cpu();
            long ended = (long) db.number("SELECT count(*) FROM executions WHERE kind = 'task' AND status = 'completed'");
            if (ended != tasks) {
                throw new IllegalStateException(ended + " of " + tasks + " seeded tasks completed");
            }
            long server = end.serverSince(cpu);
            return new Result(tasks / seconds, end.processSince(cpu) / 1e3 / tasks, server < 0 ? Double.NaN : server / 1e3 / tasks);
        }
    }

    /**
     * Polls every 10 ms, on one connection, for any item left on the task queue (it stops at the first);
     * prepared, as {@link FreshEngine#awaitWorkflowsEnded} is, so the server does not plan every poll.
     */
    private static void awaitNoItems(BenchDatabase db, int seconds) throws SQLException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        try (Connection c = db.connect();
             PreparedStatement poll = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM queue_items WHERE queue = 'pgbench')")) {
            while (anyLeft(poll)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("seeded tasks still queued after " + seconds + " s");
                }
                Sleep.millis(10);
            }
        }
    }

    private static boolean anyLeft(PreparedStatement poll) throws SQLException {
        try (ResultSet rs = poll.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
