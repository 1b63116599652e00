package dev.rondo.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schema applies, re-applies as a no-op, and keeps the rules the engine relies on. */
class MigrationsTest {

    private static DataSource db;

    @BeforeAll
    static void migrate() {
        db = TestDatabase.freshSchema("migrations");
        Migrations.apply(db);
    }



    @Test
    void createsEveryTable() throws SQLException {
        List<String> tables = Sql.rows(db, """
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_name <> 'flyway_schema_history' ORDER BY 1""");
        assertEquals(List.of("checkpoints", "concurrency_holders", "concurrency_keys", "concurrency_waiting", "executions", "flow_definitions", "flow_heads", "history", "inbox",
                "log_lines", "queue_items", "schedule_fires", "schedules", "signals", "timers", "workers"), tables);
    }

    @Test
    void latestIsTheHighestMigrationFile() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(Migrations.class.getResource("/db/migration").toURI()))) {
            int highest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V[0-9]+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
            assertEquals(highest, Migrations.LATEST, "a new migration needs Migrations.LATEST raised, or it is skipped");
        }
    }

    @Test
    void aCurrentSchemaIsRecognisedWithOneQueryAndAnythingElseGoesToFlyway() throws SQLException {
        assertTrue(Migrations.isCurrent(db, "flyway_schema_history"));
        DataSource fresh = TestDatabase.freshSchema("migrations_partial");
        assertTrue(!Migrations.isCurrent(fresh, "flyway_schema_history"), "no history table yet");
        Migrations.apply(fresh);
        Sql.execute(fresh, "DELETE FROM flyway_schema_history WHERE version = '9'", "DROP TABLE schedule_fires", "DROP TABLE schedules",
                "ALTER TABLE executions DROP COLUMN scheduled_at", "DROP TABLE concurrency_keys", "DROP TABLE concurrency_waiting",
                "DROP TABLE concurrency_holders", "ALTER TABLE executions DROP COLUMN concurrency_key");
        assertTrue(!Migrations.isCurrent(fresh, "flyway_schema_history"), "one migration behind");
        Migrations.apply(fresh);
        assertEquals(List.of("1"), Sql.rows(fresh, "SELECT count(*) FROM flyway_schema_history WHERE version = '9' AND success"),
                "the missing migration was applied by Flyway");
    }

    @Test
    void applyingAgainChangesNothing() throws SQLException {
        Migrations.apply(db);
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "9"), Sql.rows(db, "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"));
    }

    @Test
    void anExecutionHasAtMostOneUnclaimedWakeUpAndALaterOutcomeOnlyMovesItEarlier() throws SQLException {
        String upsert = """
                INSERT INTO queue_items (execution_id, queue, run_at) VALUES ('e1', 'default', %s)
                ON CONFLICT (execution_id) WHERE lease_owner IS NULL
                DO UPDATE SET run_at = LEAST(queue_items.run_at, excluded.run_at)""";
        Sql.execute(db, upsert.formatted("now() + interval '1 hour'"), upsert.formatted("now()"),
                upsert.formatted("now() + interval '2 hours'"));
        assertEquals(List.of("1"), Sql.rows(db, "SELECT count(*) FROM queue_items WHERE execution_id = 'e1'"));
        assertEquals(List.of("t"), Sql.rows(db, "SELECT run_at <= now() FROM queue_items WHERE execution_id = 'e1'"));
        // While a worker holds the item, a new outcome needs a new wake-up.
        Sql.execute(db, "UPDATE queue_items SET lease_owner = 'w1', lease_expires_at = now() + interval '30 seconds'",
                upsert.formatted("now()"));
        assertEquals(List.of("2"), Sql.rows(db, "SELECT count(*) FROM queue_items WHERE execution_id = 'e1'"));
    }

    @Test
    void theClaimReadsThePartialIndexNotTheTable() throws SQLException {
        Sql.execute(db, """
                INSERT INTO queue_items (execution_id, queue, priority, run_at)
                SELECT 'bulk-' || i, 'q' || (i % 20), i % 3, now() - (i || ' seconds')::interval
                FROM generate_series(1, 20000) AS i""", "ANALYZE queue_items");
        List<String> plan = Sql.rows(db, """
                EXPLAIN SELECT id FROM queue_items
                WHERE queue = 'q7' AND lease_owner IS NULL AND run_at <= now()
                ORDER BY priority DESC, run_at, id
                LIMIT 10 FOR UPDATE SKIP LOCKED""");
        assertTrue(String.join("\n", plan).contains("queue_items_claimable"), String.join("\n", plan));
    }

    @Test
    void aWorkflowMustBePinnedToAVersionAndATaskMustNot() throws SQLException {
        Sql.execute(db, "INSERT INTO executions (id, kind, name, definition_hash, queue, status, input) VALUES ('w', 'workflow', 'x', 'h', 'default', 'queued', '{}')");
        try {
            Sql.execute(db, "INSERT INTO executions (id, kind, name, queue, status, input) VALUES ('w2', 'workflow', 'x', 'default', 'queued', '{}')");
            throw new AssertionError("a workflow without a version was accepted");
        } catch (SQLException expected) {
            assertEquals("23514", expected.getSQLState(), expected.getMessage()); // check_violation
        }
    }
}
