package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.RondoClient;
import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code rondo prune}: output, {@code --json}, {@code --dry-run}, the workflow filter, progress, bad ages. */
class PruneCommandTest {

    private RondoClient client;
    private Cli rondo;

    @BeforeEach
    void executions() throws SQLException {
        String url = TestDatabase.freshSchemaUrl("cli_prune");
        rondo = new Cli(url);
        client = RondoClient.connect(url);
        // Finished 40, 40 and 2 days ago, and one still waiting: written as the engine leaves them.
        Sql.execute(client.dataSource(), """
                INSERT INTO executions (id, kind, name, definition_hash, queue, status, input, finished_at) VALUES
                  ('old-a', 'workflow', 'a', 'h', 'default', 'completed', '{}', now() - interval '40 days'),
                  ('old-b', 'workflow', 'b', 'h', 'default', 'failed', '{}', now() - interval '40 days'),
                  ('new-a', 'workflow', 'a', 'h', 'default', 'completed', '{}', now() - interval '2 days'),
                  ('waiting-a', 'workflow', 'a', 'h', 'default', 'waiting', '{}', NULL)""");
    }

    @AfterEach
    void close() {
        client.close();
    }

    private List<String> ids() throws SQLException {
        return Sql.rows(client.dataSource(), "SELECT id FROM executions ORDER BY id");
    }

    @Test
    void aDryRunCountsAndARunDeletesWhatFinishedBeforeTheAge() throws SQLException {
        Cli.Result dry = rondo.run("prune", "--older-than", "30d", "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertEquals("would delete 2 workflow executions\n", dry.out());
        assertEquals(2, rondo.run("prune", "--older-than", "P30D", "--dry-run", "--json").json().get("wouldDelete").asLong());
        assertEquals(List.of("new-a", "old-a", "old-b", "waiting-a"), ids(), "a dry run deletes nothing");

        Cli.Result pruned = rondo.run("prune", "--older-than", "720h");
        assertEquals(0, pruned.code(), pruned.err());
        assertEquals("deleted 2 workflow executions\n", pruned.out());
        assertTrue(pruned.err().contains("rondo: deleted 2 so far"), "progress per batch on stderr: " + pruned.err());
        assertEquals(List.of("new-a", "waiting-a"), ids());
        assertEquals(0, rondo.run("prune", "--older-than", "30d", "--json").json().get("deleted").asLong());
    }

    @Test
    void theWorkflowFilterAndShorterAgesInEveryUnit() throws SQLException {
        Cli.Result onlyB = rondo.run("prune", "--older-than", "43200m", "--workflow", "b", "--batch-size", "1");
        assertEquals("deleted 1 workflow execution of b\n", onlyB.out(), onlyB.err());
        assertEquals(List.of("new-a", "old-a", "waiting-a"), ids());
        assertEquals(2, rondo.run("prune", "--older-than", "3600s", "--json").json().get("deleted").asLong(),
                "an hour reaches the one that finished two days ago, never the waiting one");
        assertEquals(List.of("waiting-a"), ids());
    }

    @Test
    void aBadAgeOrBatchSizeIsAUsageErrorAndDeletesNothing() throws SQLException {
        for (String bad : new String[] {"30", "30 days", "-5d", "P-1D", "soon"}) {
            Cli.Result result = rondo.run("prune", "--older-than", bad);
            assertEquals(2, result.code(), bad + ": " + result.err());
            assertTrue(result.err().contains("--older-than"), bad + ": " + result.err());
        }
        Cli.Result notAnAge = rondo.run("prune", "--older-than", "soon");
        assertTrue(notAnAge.err().contains("30d, 12h, 90m, 3600s"), notAnAge.err());
        assertEquals(2, rondo.run("prune").code(), "--older-than is required");
        Cli.Result badBatch = rondo.run("prune", "--older-than", "30d", "--batch-size", "0");
        assertEquals(2, badBatch.code());
        assertTrue(badBatch.err().contains("batch size must be between 1 and"), badBatch.err());
        assertEquals(List.of("new-a", "old-a", "old-b", "waiting-a"), ids());
    }
}
