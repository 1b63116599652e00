package dev.rondo.bench;

import dev.rondo.client.WorkflowResult;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Pickup latency with a lightly loaded worker: 10-step workflows run one at a time, each awaited before
 * the next starts. Both gaps are read from the database's timestamps, which are {@code now()}, the start of
 * the writing transaction (the engine does not use {@code clock_timestamp()}):
 * <ul>
 *   <li>start → first slice: {@code executions.created_at} (the client's start transaction) to the
 *       workflow's {@code started} history row (its first slice's transaction);</li>
 *   <li>task end → parent's next slice: a task's {@code finished_at} (the batch that ended it) to the
 *       earliest later history row of its workflow (the slice that resumed it).</li>
 * </ul>
 */
final class EngineLatency {

    /** Milliseconds, one sample per workflow and one per task. */
    record Result(double[] startToSlice, double[] taskToResume) {}

    private static final int WARM_UP = 10;

    private EngineLatency() {}

    static Result run(BenchDatabase db, int concurrency, int workflows) throws SQLException, IOException {
        try (FreshEngine engine = new FreshEngine(db); WorkerGroup group = new WorkerGroup(db, 1, concurrency).start()) {
            group.awaitListening();
            // a fresh pool's connections prepare statements server-side only after a few uses
            runOneByOne(engine, WARM_UP);
            db.execute("DELETE FROM history", "DELETE FROM executions"); // history has no foreign key to cascade
            runOneByOne(engine, workflows);
            double[] startToSlice = db.column("""
                    SELECT EXTRACT(EPOCH FROM h.at - e.created_at) * 1000
                    FROM executions e JOIN history h ON h.execution_id = e.id AND h.kind = 'started'
                    WHERE e.kind = 'workflow'""");
            double[] taskToResume = db.column("""
                    SELECT EXTRACT(EPOCH FROM (SELECT min(h.at) FROM history h
                                               WHERE h.execution_id = t.parent_id AND h.at > t.finished_at)
                                          - t.finished_at) * 1000
                    FROM executions t
                    WHERE t.kind = 'task'""");
            if (startToSlice.length != workflows || taskToResume.length != workflows * 10) {
                throw new IllegalStateException("expected " + workflows + " and " + workflows * 10 + " samples, got "
                        + startToSlice.length + " and " + taskToResume.length);
            }
            return new Result(startToSlice, taskToResume);
        }
    }

    private static void runOneByOne(FreshEngine engine, int workflows) {
        for (int i = 0; i < workflows; i++) {
            WorkflowResult result = engine.start("steps", "{}").result(Duration.ofSeconds(60));
            if (!result.completed()) {
                throw new IllegalStateException("a steps workflow ended " + result.status() + ": " + result.errorJson());
            }
        }
    }
}
