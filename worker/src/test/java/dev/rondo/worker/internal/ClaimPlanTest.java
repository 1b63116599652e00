package dev.rondo.worker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.migrations.Migrations;
import dev.rondo.store.QueueStatements;
import dev.rondo.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claim is planned once per connection: after its first claims PostgreSQL runs its generic plan instead of
 * planning every claim for the values at hand (which cost as much as the claim itself). Read from the
 * connection's own {@code pg_prepared_statements} once pgjdbc has made the claim a named server statement.
 */
class ClaimPlanTest {

    private HikariDataSource dataSource;

    @BeforeEach
    void setUp() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestDatabase.freshSchemaUrl("claimplan"));
        config.setMaximumPoolSize(2);
        dataSource = new HikariDataSource(config);
        Migrations.apply(dataSource);
    }

    @AfterEach
    void tearDown() {
        dataSource.close();
    }

    @Test
    void claimsReuseOneGenericPlan() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO queue_items (execution_id, queue, run_at) SELECT 'x' || g, 'q', now() - interval '1 hour'"
                        + " FROM generate_series(1, 2000) g");
                s.execute("ANALYZE queue_items");
            }
            int claimed = 0;
            int asked = 0;
            int[] limits = {5, 20, 50, 1, 32};
            for (int i = 0; i < 20; i++) {
                int limit = limits[i % limits.length];
                if (i % 7 == 6) {
                    // the same statement; these items have no executions, so no workflow's comes back
                    assertEquals(0, QueueStatements.claimWorkflows(c, "q", "w", limit, 30).size());
                } else {
                    claimed += QueueStatements.claim(c, "q", "w", limit, 30).size();
                    asked += limit;
                }
            }
            assertEquals(asked, claimed);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT generic_plans, custom_plans FROM pg_prepared_statements"
                         + " WHERE statement LIKE 'WITH picked AS%' AND statement LIKE '%FOR UPDATE SKIP LOCKED%'")) {
                assertTrue(rs.next(), "the claim is not a server-prepared statement of this connection");
                long generic = rs.getLong("generic_plans");
                long custom = rs.getLong("custom_plans");
                assertTrue(custom <= 5 && generic >= 5, "planned for its values at " + custom + " of " + (custom + generic)
                        + " claims once prepared; generic plans: " + generic);
            }
        }
    }
}
