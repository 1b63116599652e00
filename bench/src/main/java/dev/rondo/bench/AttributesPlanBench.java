package dev.rondo.bench;

import dev.rondo.client.ExecutionSummary;
import dev.rondo.client.ListFilter;
import dev.rondo.client.RondoClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a filter on attributes stays on the index over a million executions (docs/observability.md): fills a
 * fresh schema with {@code N} finished executions (default 1,000,000) whose attributes name one of 100,000
 * customers, analyzes, then EXPLAINs (ANALYZE, BUFFERS) the list statement itself with a rare customer, a
 * common attribute and both, and checks that the rare filter's plan uses executions_by_attributes. Exit 1 when
 * it does not. The statement is read from the store's own list_executions.sql, so the plan is the one the
 * client gets. A check of the plan, not a timing (the server times are printed for reading).
 */
public final class AttributesPlanBench {

    private AttributesPlanBench() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        BenchDatabase db = BenchDatabase.fromEnvironment();
        db.createIfMissing();
        db.reset();
        long began = System.nanoTime();
        db.execute("""
                INSERT INTO executions (id, kind, name, definition_hash, queue, status, input, attributes, created_at, finished_at)
                SELECT 'x-' || i, 'workflow', 'order', 'h', 'default', 'completed', '{}',
                       jsonb_build_object('customer', 'c-' || (i %% 100000), 'region', CASE WHEN i %% 2 = 0 THEN 'eu' ELSE 'us' END),
                       now() - make_interval(secs => i), now()
                FROM generate_series(1, %d) i""".formatted(rows), "ANALYZE executions");
        System.out.printf("attributes: %,d executions (100,000 customers, 2 regions) inserted and analyzed in %.0f s on %s%n",
                rows, (System.nanoTime() - began) / 1e9, db.describe());
        String sql = new String(AttributesPlanBench.class.getResourceAsStream("/dev/rondo/store/QueryDao/list_executions.sql")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        boolean ok = true;
        try (Connection c = db.connect()) {
            ok &= explain(c, sql, "{\"customer\":\"c-42\"}", true);
            ok &= explain(c, sql, "{\"customer\":\"c-42\",\"region\":\"eu\"}", true);
            explain(c, sql, "{\"region\":\"eu\"}", false);
        }
        try (RondoClient client = RondoClient.connect(db.url(), 2)) {
            long t = System.nanoTime();
            List<ExecutionSummary> found = client.list(ListFilter.ALL.where("customer=c-42"));
            System.out.printf("client.list(where customer=c-42): %d rows in %.1f ms (a new client's first call: pool, schema check, JIT)%n",
                    found.size(), (System.nanoTime() - t) / 1e6);
        }
        db.reset();
        if (!ok) {
            System.out.println("FAILED: a selective attribute filter did not use executions_by_attributes");
            System.exit(1);
        }
    }

    /** EXPLAIN ANALYZE of the list statement with {@code attributes}; whether it used the GIN index as expected. */
    private static boolean explain(Connection c, String listSql, String attributes, boolean mustUseIndex) throws SQLException {
        String named = listSql.replaceAll("(?m)^--.*$", "");
        List<String> order = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!:):([a-zA-Z]+)").matcher(named);
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            order.add(m.group(1));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        List<String> plan = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + jdbc)) {
            for (int i = 0; i < order.size(); i++) {
                switch (order.get(i)) {
                    case "attributes" -> s.setString(i + 1, attributes);
                    case "limit" -> s.setInt(i + 1, 50);
                    default -> s.setString(i + 1, null);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
        }
        boolean usesIndex = plan.stream().anyMatch(line -> line.contains("executions_by_attributes"));
        String time = plan.stream().filter(line -> line.startsWith("Execution Time")).findFirst().orElse("?");
        System.out.printf("%n-- attributes @> %s: %s index, %s%n", attributes, usesIndex ? "uses the" : "does not use the", time);
        plan.forEach(line -> System.out.println("   " + line));
        return !mustUseIndex || usesIndex;
    }
}
