package dev.rondo.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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
                WHERE table_schema = current_schema() AND table_name <> 'rondo_schema_history' ORDER BY 1""");
        assertEquals(List.of("checkpoint_history", "checkpoints", "concurrency_holders", "concurrency_keys", "concurrency_waiting", "debounces", "executions", "flow_definitions",
                "flow_heads", "history", "inbox", "limits",
                "log_lines", "paused_queues", "queue_items", "queue_throughput", "rate_admissions", "schedule_fires", "schedules", "signals", "timers", "workers"), tables);
    }

    /** Every migration's version, in order, as the history writes them ("1", "2", …), read from the files. */
    private static List<String> versions() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(Migrations.class.getResource("/db/migration").toURI()))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V[0-9]+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted()
                    .mapToObj(String::valueOf).toList();
        }
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
        assertTrue(Migrations.isCurrent(db, Migrations.HISTORY));
        DataSource fresh = TestDatabase.freshSchema("migrations_partial");
        assertTrue(!Migrations.isCurrent(fresh, Migrations.HISTORY), "no history table yet");
        Migrations.apply(fresh);
        // the newest migration (V18) undone: its history row gone, its table and columns (with the indexes
        // over them) dropped, and the indexes it replaced as V3 and V11 made them
        Sql.execute(fresh, "DELETE FROM rondo_schema_history WHERE version = '18'", "DROP TABLE queue_throughput",
                "ALTER TABLE executions DROP COLUMN workflow_status, DROP COLUMN root_finished_at, RESET (fillfactor)",
                "CREATE INDEX executions_by_status ON executions (status, created_at DESC, id DESC) WHERE kind = 'workflow'",
                "CREATE INDEX executions_finished_by_queue ON executions (finished_at, queue) WHERE finished_at IS NOT NULL",
                "CREATE INDEX executions_finished_roots ON executions (finished_at, id) WHERE parent_id IS NULL AND finished_at IS NOT NULL");
        assertTrue(!Migrations.isCurrent(fresh, Migrations.HISTORY), "one migration behind");
        Migrations.apply(fresh);
        assertEquals(List.of("1"), Sql.rows(fresh, "SELECT count(*) FROM rondo_schema_history WHERE version = '18' AND success"),
                "the missing migration was applied by Flyway");
    }

    @Test
    void aHistoryInFlywaysDefaultTableIsCarriedOverToRondosOwn() throws Exception {
        DataSource old = TestDatabase.freshSchema("migrations_old");
        // as Rondo migrated before it had a table of its own
        Flyway.configure().dataSource(old).locations("classpath:db/migration").load().migrate();
        Migrations.apply(old);
        assertEquals(versions(), Sql.rows(old, "SELECT version FROM rondo_schema_history WHERE success ORDER BY installed_rank"));
        assertEquals(List.of("f"), Sql.rows(old, "SELECT to_regclass('flyway_schema_history') IS NOT NULL"));
        assertTrue(Migrations.isCurrent(old, Migrations.HISTORY), "current again, with one query");
    }

    @Test
    void anApplicationsOwnFlywayKeepsItsHistoryBesideRondos() throws Exception {
        DataSource shared = TestDatabase.freshSchema("migrations_app");
        Flyway.configure().dataSource(shared).locations("classpath:db/application").load().migrate();
        Migrations.apply(shared); // a schema with the application's tables and history: Rondo migrates beside them
        assertEquals(List.of("1"), Sql.rows(shared, "SELECT version FROM flyway_schema_history WHERE version IS NOT NULL"));
        assertEquals(versions(), Sql.rows(shared, "SELECT version FROM rondo_schema_history WHERE success AND version <> '0' ORDER BY installed_rank"));
        Flyway.configure().dataSource(shared).locations("classpath:db/application").load().validate(); // the application's Flyway is still content
    }

    @Test
    void aHistoryHoldingBothIsCopiedAndTheApplicationsRowsStay() throws Exception {
        DataSource mixed = TestDatabase.freshSchema("migrations_mixed");
        Flyway.configure().dataSource(mixed).locations("classpath:db/migration").load().migrate();
        Sql.execute(mixed, """
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
                VALUES (100, '100', 'orders', 'SQL', 'V100__orders.sql', 1, 'app', 1, true)""");
        Migrations.apply(mixed);
        assertEquals(versions(), Sql.rows(mixed, "SELECT version FROM rondo_schema_history ORDER BY installed_rank"));
        assertEquals(List.of("1"), Sql.rows(mixed, "SELECT count(*) FROM flyway_schema_history WHERE script = 'V100__orders.sql'"));
    }

    @Test
    void applyingAgainChangesNothing() throws Exception {
        Migrations.apply(db);
        assertEquals(versions(), Sql.rows(db, "SELECT version FROM rondo_schema_history WHERE success ORDER BY installed_rank"));
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
                WHERE queue = 'q7' AND lease_owner IS NULL AND fair_key IS NULL AND run_at <= now()
                ORDER BY priority DESC, run_at, id
                LIMIT 10 FOR UPDATE SKIP LOCKED""");
        assertTrue(String.join("\n", plan).contains("queue_items_claimable"), String.join("\n", plan));
    }

    @Test
    void itemsWithAFairnessKeyAreReadThroughTheirOwnIndexes() throws SQLException {
        Sql.execute(db, """
                INSERT INTO queue_items (execution_id, queue, priority, run_at, fair_key)
                SELECT 'fair-' || i, 'f' || (i % 20), i % 3, now() - (i || ' seconds')::interval, 'k' || (i % 50)
                FROM generate_series(1, 20000) AS i""", "ANALYZE queue_items");
        // a key's turn (claim_fair.sql) and the next key of the walk
        String turn = String.join("\n", Sql.rows(db, """
                EXPLAIN SELECT id FROM queue_items
                WHERE queue = 'f7' AND fair_key = 'k7' AND lease_owner IS NULL AND run_at <= now()
                ORDER BY priority DESC, run_at, id
                LIMIT 10 FOR UPDATE SKIP LOCKED"""));
        assertTrue(turn.contains("queue_items_fair"), turn);
        String walk = String.join("\n", Sql.rows(db, """
                EXPLAIN SELECT fair_key FROM queue_items
                WHERE queue = 'f7' AND lease_owner IS NULL AND fair_key IS NOT NULL AND run_at <= now() AND fair_key > 'k3'
                ORDER BY fair_key, priority DESC, run_at, id LIMIT 1"""));
        assertTrue(walk.contains("queue_items_fair"), walk);
        // the unkeyed claim does not read them
        String plain = String.join("\n", Sql.rows(db, """
                EXPLAIN SELECT id FROM queue_items
                WHERE queue = 'f7' AND lease_owner IS NULL AND fair_key IS NULL AND run_at <= now()
                ORDER BY priority DESC, run_at, id LIMIT 10"""));
        assertTrue(plain.contains("queue_items_claimable"), plain);
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
