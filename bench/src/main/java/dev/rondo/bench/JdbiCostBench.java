package dev.rondo.bench;

import dev.rondo.store.QueueStatements;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What jdbi would cost the engine's hot path (issue 11: "where jdbi still costs more than 5 % against plain
 * JDBC, that path stays plain JDBC"): the claim, the statement every task and slice goes through, run over
 * one connection the way the store runs it (its {@code .sql} file through the store's plain-JDBC runner, as
 * {@code QueueStatements.claim}) and through jdbi the way a store on jdbi would (a long-lived {@link Handle}
 * on the same connection, the same SQL text, named parameters bound, rows mapped to maps). Each call claims
 * {@value #ITEMS} items and is rolled back, so every call sees the same table. Blocks of calls alternate
 * between the two, so both see the same machine; prints the median microseconds per call of each, their
 * difference, and the ratio.
 */
public final class JdbiCostBench {

    private static final int ITEMS = 10;
    private static final int CALLS_PER_BLOCK = 500;

    private JdbiCostBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        BenchDatabase db = BenchDatabase.fromEnvironment();
        db.createIfMissing();
        db.reset();
        String claimSql = resource("dev/rondo/store/QueueStatements/claim.sql");
        Medians m = new Medians();
        try (Connection c = db.connect()) {
            seed(c);
            c.setAutoCommit(false);
            Handle handle = Jdbi.create(() -> c).open(); // over the same connection, kept open as a store would
            for (int round = 0; round < rounds + 1; round++) { // the first round warms both up, and is not counted
                boolean plainFirst = round % 2 == 0;
                for (int i = 0; i < 2; i++) {
                    boolean plain = (i == 0) == plainFirst;
                    long start = System.nanoTime();
                    for (int n = 0; n < CALLS_PER_BLOCK; n++) {
                        int claimed = plain ? plainClaim(c) : jdbiClaim(handle, claimSql);
                        c.rollback();
                        if (claimed != ITEMS) {
                            throw new IllegalStateException("claimed " + claimed + " items, not " + ITEMS);
                        }
                    }
                    double micros = (System.nanoTime() - start) / 1_000.0 / CALLS_PER_BLOCK;
                    if (round > 0) {
                        m.add(plain ? "plain" : "jdbi", micros);
                    }
                }
            }
        }
        double plain = m.of("plain");
        double jdbi = m.of("jdbi");
        System.out.printf("claim of %d items, rolled back, median of %d blocks of %d calls each: plain JDBC (the store) %.1f µs,"
                        + " jdbi %.1f µs per call: jdbi +%.1f µs, %.3f× the plain call%n",
                ITEMS, rounds, CALLS_PER_BLOCK, plain, jdbi, jdbi - plain, jdbi / plain);
    }

    private static int plainClaim(Connection c) throws SQLException {
        return QueueStatements.claim(c, "bench", "bench-worker", ITEMS, 30).size();
    }

    private static int jdbiClaim(Handle handle, String sql) {
        List<Map<String, Object>> rows = handle.createQuery(sql)
                .bind("queue", "bench").bind("owner", "bench-worker").bind("limit", ITEMS)
                .bind("leaseSeconds", 30.0).bind("workflowsOnly", false)
                .mapToMap().list();
        return rows.size();
    }

    /** A workflow with 100 task executions, each with an unclaimed item on queue "bench". */
    private static void seed(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO flow_definitions (name, hash, source, ast) VALUES ('bench', 'h', '', '{}');
                INSERT INTO executions (id, kind, name, definition_hash, queue, status, input)
                VALUES ('wf', 'workflow', 'bench', 'h', 'bench', 'waiting', '{}');
                INSERT INTO executions (id, kind, name, queue, status, input, parent_id, parent_promise)
                SELECT 'wf.t' || n, 'task', 'noop', 'bench', 'queued', '{"n":' || n || '}', 'wf', n
                FROM generate_series(1, 100) AS n;
                INSERT INTO queue_items (execution_id, queue) SELECT 'wf.t' || n, 'bench' FROM generate_series(1, 100) AS n;
                """)) {
            s.execute();
        }
    }

    private static String resource(String path) {
        try (InputStream in = JdbiCostBench.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
