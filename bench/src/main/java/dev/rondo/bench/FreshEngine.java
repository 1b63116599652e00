package dev.rondo.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * A freshly migrated schema with the benchmark's two workflows deployed, and a client on a small pool of
 * its own (as an application starting workflows would have).
 */
final class FreshEngine implements AutoCloseable {

    /** {@code Inputs.tasks} no-op tasks at once; the workflow ends when all have. */
    static final String FAN_OUT = """
            let pending = []
            for (let i = 0; i < Inputs.tasks; i++) { pending.push(Task.run("noop", {i: i})) }
            await Promise.all(pending)
            return "done"
            """;

    /** Ten no-op tasks one after the other: eleven slices, ten checkpoints. */
    static final String STEPS = """
            for (let i = 0; i < 10; i++) { await Task.run("noop", {i: i}) }
            return "done"
            """;

    /** {@code Inputs.children} child workflows at once, each the fan-out of {@code Inputs.tasks} tasks. */
    static final String CHILDREN = """
            let pending = []
            for (let i = 0; i < Inputs.children; i++) { pending.push(Workflow.run("fanout", {tasks: Inputs.tasks})) }
            await Promise.all(pending)
            return "done"
            """;

    final BenchDatabase db;
    final HikariDataSource pool;
    final RondoClient client;
    /** The database's clock when this engine was made: what a load counts came after it. */
    final Timestamp since;

    FreshEngine(BenchDatabase db) throws SQLException, IOException {
        this(db, true);
    }

    /**
     * With {@code reset} false, on the schema as it is (a database seeded with other executions, which the
     * waits and counts here leave out: they look at executions created since this engine was made).
     */
    FreshEngine(BenchDatabase db, boolean reset) throws SQLException, IOException {
        this.db = db;
        if (reset) {
            db.reset();
        }
        this.pool = db.pool("bench-client", 4);
        this.client = RondoClient.create(pool);
        Path flows = Files.createTempDirectory("rondo-bench-flows");
        try {
            Files.writeString(flows.resolve("fanout.flow"), FAN_OUT);
            Files.writeString(flows.resolve("steps.flow"), STEPS);
            Files.writeString(flows.resolve("children.flow"), CHILDREN);
            client.deploy(flows);
        } finally {
            try (var files = Files.list(flows)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(flows);
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet now = s.executeQuery("SELECT now()")) {
            now.next();
            this.since = now.getTimestamp(1);
        }
    }

    WorkflowHandle start(String workflow, String inputJson) {
        return client.start(workflow, inputJson, StartOptions.DEFAULT);
    }

    /**
     * Starts {@code count} executions of {@code workflow} in one transaction, through the client's own start
     * statement, so that a load can be queued before any worker runs and the starts are not what is timed.
     */
    void startAll(String workflow, String inputJson, int count) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                client.start(c, workflow, inputJson, StartOptions.DEFAULT);
            }
            c.commit();
        }
    }

    /**
     * Waits until no workflow is unfinished, polling every 10 ms on one pooled connection (a new connection
     * per poll would cost the server a backend start each time); throws after {@code seconds}. Whether they
     * all completed is {@link #assertAllCompleted()}'s to check, after the caller has taken its time and CPU.
     */
    void awaitWorkflowsEnded(int seconds) throws SQLException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        // the status filter is served by the index executions_by_status (over workflow_status, V18)
        String unfinished = "SELECT count(*) FROM executions WHERE workflow_status IN ('queued', 'running', 'waiting')"
                + " AND created_at >= ?";
        // prepared, so that the server plans it once, not at every poll (the poll's cost is counted as the server's)
        try (Connection c = pool.getConnection(); PreparedStatement poll = c.prepareStatement(unfinished)) {
            poll.setTimestamp(1, since);
            long left;
            while ((left = count(poll)) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(left + " workflows still unfinished after " + seconds + " s");
                }
                Sleep.millis(10);
            }
        }
    }

    /**
     * Throws unless every execution created since this engine began completed. Not part of a load's time: on
     * a seeded schema it reads the whole table (no index serves every kind of execution by creation time),
     * a quarter of a second at two million rows, which counted in a load made the seeded schema look slower.
     */
    void assertAllCompleted() throws SQLException {
        try (Connection c = pool.getConnection()) {
            double failed = BenchDatabase.number(c, "SELECT count(*) FROM executions WHERE status <> 'completed'"
                    + " AND created_at >= '" + since.toInstant() + "'");
            if (failed > 0) {
                throw new IllegalStateException((long) failed + " executions did not complete");
            }
        }
    }

    private static long count(PreparedStatement poll) throws SQLException {
        try (ResultSet rs = poll.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        client.close();
        pool.close();
    }
}
