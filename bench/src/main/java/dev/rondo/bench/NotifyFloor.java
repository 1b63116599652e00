package dev.rondo.bench;

import dev.rondo.store.Channels;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;

/**
 * The no-engine floor of pickup latency: plain JDBC, no worker, no pool. One connection writes an
 * execution and its queue item with the client's own {@code start_workflow.sql} (which sends the NOTIFY),
 * in auto-commit mode as the client does; a second connection LISTENs and, when notified, claims with
 * the worker's {@code claim.sql} on a third (the worker, too, claims on another connection than the one
 * it listens on). A sample is the time from before the insert to the claim's answer, on this JVM's clock:
 * commit, notification and claim, and nothing of the engine's own.
 */
final class NotifyFloor {

    private static final int WARM_UP = 20;
    private static final String QUEUE = "floor";
    private static final long STOP = Long.MIN_VALUE;

    private NotifyFloor() {}

    /** Milliseconds, one sample per round; the schema must be fresh and no worker running. */
    static double[] run(BenchDatabase db, int rounds) throws SQLException, InterruptedException {
        EngineSql start = EngineSql.load("ExecutionDao/start_workflow.sql");
        // start_workflow.sql starts only deployed workflows: a stand-in version of "floor"
        db.execute("INSERT INTO flow_definitions (name, hash, source, ast) VALUES ('floor', 'none', '', '')",
                "INSERT INTO flow_heads (name, hash) VALUES ('floor', 'none')");
        EngineSql claim = EngineSql.load("QueueStatements/claim.sql");
        try (Connection producer = db.connect(); Connection listener = db.connect(); Connection claimer = db.connect()) {
            try (Statement s = listener.createStatement()) {
                s.execute("LISTEN " + Channels.WORK);
            }
            SynchronousQueue<Long> claimedAt = new SynchronousQueue<>();
            Thread thread = Thread.ofPlatform().name("floor-listener").start(() -> listen(listener, claimer, claim, claimedAt));
            double[] samples = new double[rounds];
            try {
                for (int r = -WARM_UP; r < rounds; r++) {
                    Map<String, Object> values = new HashMap<>(Map.of("id", "floor-" + (r + WARM_UP), "name", "floor",
                            "queue", QUEUE, "priority", 0, "input", "{}", "delayMillis", 0L, "attributes", "{}"));
                    values.put("traceContext", null); // no trace, no fairness: a plain start
                    values.put("fairKey", null);
                    values.put("fairWeight", null);
                    long begin = System.nanoTime();
                    try (PreparedStatement started = start.prepare(producer, values)) {
                        started.executeQuery().close();
                    }
                    Long claimed = claimedAt.poll(10, TimeUnit.SECONDS);
                    if (claimed == null || claimed == STOP) {
                        throw new IllegalStateException("the floor's listener claimed nothing within 10 s (round " + r + ")");
                    }
                    if (r >= 0) {
                        samples[r] = (claimed - begin) / 1e6;
                    }
                }
            } finally {
                thread.interrupt();
                thread.join(2_000);
            }
            return samples;
        }
    }

    /** Claims once per notification and hands over the time the claim answered; {@link #STOP} on failure. */
    private static void listen(Connection listener, Connection claimer, EngineSql claim, SynchronousQueue<Long> claimedAt) {
        Map<String, Object> values = Map.of("queue", QUEUE, "owner", "floor", "limit", 1, "leaseSeconds", 30.0,
                "workflowsOnly", false);
        try {
            PGConnection pg = listener.unwrap(PGConnection.class);
            while (!Thread.currentThread().isInterrupted()) {
                if (pg.getNotifications(200).length == 0) {
                    continue;
                }
                int rows = 0;
                try (PreparedStatement s = claim.prepare(claimer, values); ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                    }
                }
                long now = System.nanoTime();
                claimedAt.put(rows == 1 ? now : STOP);
            }
        } catch (SQLException e) {
            claimedAt.offer(STOP);
            throw new IllegalStateException("the floor's listener failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
