package dev.rondo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retention: finished trees older than the cutoff go with every row they own; recent, unfinished and
 * partly finished trees stay; batches, the workflow filter, the dry run and roots held by others.
 * Trees are written as the engine leaves them, with SQL.
 */
class PruneTest {

    private static final Duration MONTH = Duration.ofDays(30);
    /** Every table that refers to an execution. */
    private static final List<String> OWNED = List.of("checkpoints", "inbox", "timers", "signals", "log_lines", "history", "queue_items");

    private DataSource db;
    private RondoClient rondo;

    @BeforeEach
    void connect() {
        db = TestDatabase.freshSchema("prune");
        rondo = RondoClient.create(db);
    }

    /**
     * A workflow {@code root} of {@code workflow} that ended {@code status} {@code ago} (null: still
     * {@code status}) with a task and a child workflow (itself with a task), and a row of every kind the
     * engine keeps for them. The child is {@code childStatus}, unfinished unless completed.
     */
    private void tree(String root, String workflow, String status, String ago, String childStatus) throws SQLException {
        String finished = ago == null ? "NULL" : "now() - interval '" + ago + "'";
        String childFinished = childStatus.equals("completed") ? finished : "NULL";
        String child = root + "/child";
        Sql.execute(db,
                "INSERT INTO executions (id, kind, name, definition_hash, queue, status, input, finished_at) VALUES ('"
                        + root + "', 'workflow', '" + workflow + "', 'h', 'default', '" + status + "', '{}', " + finished + ")",
                "INSERT INTO executions (id, kind, name, queue, status, input, parent_id, parent_promise, finished_at) VALUES ('"
                        + root + "/task', 'task', 'charge', 'default', 'completed', '{}', '" + root + "', 1, " + finished + ")",
                "INSERT INTO executions (id, kind, name, definition_hash, queue, status, input, parent_id, parent_promise, finished_at) VALUES ('"
                        + child + "', 'workflow', 'sub', 'h', 'default', '" + childStatus + "', '{}', '" + root + "', 2, " + childFinished + ")",
                "INSERT INTO executions (id, kind, name, queue, status, input, parent_id, parent_promise, finished_at) VALUES ('"
                        + child + "/task', 'task', 'ship', 'default', 'completed', '{}', '" + child + "', 1, " + finished + ")",
                "INSERT INTO log_lines (execution_id, seq, line) VALUES ('" + root + "', 1, 'hello'), ('" + child + "', 1, 'hi')",
                "INSERT INTO history (execution_id, seq, kind) VALUES ('" + root + "', 1, 'started'), ('" + root + "/task', 1, 'started')",
                "INSERT INTO checkpoints (execution_id, state) VALUES ('" + child + "', '{}')",
                "INSERT INTO signals (execution_id, name, payload, consumed_at) VALUES ('" + root + "', 'go', '1', now())",
                "INSERT INTO inbox (execution_id, kind) VALUES ('" + child + "', 'cancel')",
                "INSERT INTO timers (execution_id, promise, fire_at) VALUES ('" + child + "', 3, now())",
                // a late wake-up, as a task finishing just before its workflow ended leaves it
                "INSERT INTO queue_items (execution_id, queue) VALUES ('" + root + "', 'default'), ('" + child + "/task', 'default')");
    }

    private void finishedTree(String root, String workflow, String ago) throws SQLException {
        tree(root, workflow, "completed", ago, "completed");
    }

    /** How many rows of executions and of every owned table belong to the tree of {@code root}. */
    private List<String> rowsOf(String root) throws SQLException {
        List<String> counts = new ArrayList<>(Sql.rows(db, "SELECT count(*) FROM executions WHERE id LIKE '" + root + "%'"));
        for (String table : OWNED) {
            counts.addAll(Sql.rows(db, "SELECT count(*) FROM " + table + " WHERE execution_id LIKE '" + root + "%'"));
        }
        return counts;
    }

    private static final List<String> WHOLE_TREE = List.of("4", "1", "1", "1", "1", "2", "2", "2");
    private static final List<String> NOTHING = List.of("0", "0", "0", "0", "0", "0", "0", "0");

    @Test
    void oldFinishedTreesGoWithEverythingTheyOwnAndTheRestStays() throws SQLException {
        tree("done", "orders", "completed", "40 days", "completed");
        tree("failed", "orders", "failed", "31 days", "completed");
        tree("cancelled", "orders", "cancelled", "1 year", "completed");
        tree("terminated", "orders", "terminated", "35 days", "completed");
        tree("recent", "orders", "completed", "29 days", "completed");
        tree("waiting", "orders", "waiting", null, "completed");
        tree("orphaned", "orders", "completed", "40 days", "running");
        assertEquals(WHOLE_TREE, rowsOf("done"), "the fixture writes a row of every kind");

        assertEquals(4, rondo.prune(PruneOptions.olderThan(MONTH)));

        for (String gone : List.of("done", "failed", "cancelled", "terminated")) {
            assertEquals(NOTHING, rowsOf(gone), gone);
        }
        for (String kept : List.of("recent", "waiting", "orphaned")) {
            assertEquals(WHOLE_TREE, rowsOf(kept), kept + " is kept whole");
        }
        assertEquals(0, rondo.prune(PruneOptions.olderThan(MONTH)), "nothing left to delete");
        assertEquals(1, rondo.prune(PruneOptions.olderThan(Duration.ofDays(28))), "a shorter age reaches the recent one");
    }

    @Test
    void deletesInBatchesUntilNoneIsLeft() throws SQLException {
        List<String> roots = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            finishedTree(String.format("b-%02d", i), "orders", (40 + i) + " days");
            roots.add(String.format("b-%02d", i));
        }
        tree("b-running-child", "orders", "completed", "100 days", "waiting");
        List<Long> progress = new ArrayList<>();

        long deleted = rondo.prune(PruneOptions.olderThan(MONTH).withBatchSize(10).withOnBatch(progress::add));

        assertEquals(25, deleted);
        assertEquals(List.of(9L, 19L, 25L), progress,
                "the kept tree is the oldest: it takes a place in the first batch and the cursor moves past it");
        assertEquals(List.of("4"), Sql.rows(db, "SELECT count(*) FROM executions"), "only the kept tree is left");
    }

    @Test
    void theWorkflowFilterDeletesOnlyThatWorkflowsExecutions() throws SQLException {
        finishedTree("a-1", "a", "40 days");
        finishedTree("a-2", "a", "50 days");
        finishedTree("b-1", "b", "45 days");

        assertEquals(2, rondo.prune(PruneOptions.olderThan(MONTH).withWorkflow("a").withBatchSize(1)));

        assertEquals(NOTHING, rowsOf("a-"));
        assertEquals(WHOLE_TREE, rowsOf("b-1"));
    }

    @Test
    void aDryRunCountsWhatWouldGoAndDeletesNothing() throws SQLException {
        finishedTree("old-1", "orders", "40 days");
        finishedTree("old-2", "other", "40 days");
        tree("old-3", "orders", "completed", "40 days", "running");
        finishedTree("new-1", "orders", "1 day");

        assertEquals(2, rondo.prune(PruneOptions.olderThan(MONTH).withDryRun(true)));
        assertEquals(1, rondo.prune(PruneOptions.olderThan(MONTH).withDryRun(true).withWorkflow("orders")));
        assertEquals(List.of("16"), Sql.rows(db, "SELECT count(*) FROM executions"), "nothing deleted");
        assertEquals(2, rondo.prune(PruneOptions.olderThan(MONTH)), "the dry run counted what a run deletes");
    }

    @Test
    void aRootHeldByAWorkerOrAnotherPrunerIsSkippedNotWaitedFor() throws Exception {
        finishedTree("held", "orders", "40 days");
        finishedTree("free", "orders", "41 days");
        try (Connection other = db.getConnection(); Statement s = other.createStatement()) {
            other.setAutoCommit(false);
            s.execute("SELECT 1 FROM executions WHERE id = 'held' FOR NO KEY UPDATE"); // as a worker's slice locks it
            long deleted = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> rondo.prune(PruneOptions.olderThan(MONTH)));
            assertEquals(1, deleted);
            assertEquals(WHOLE_TREE, rowsOf("held"));
            other.rollback();
        }
        assertEquals(1, rondo.prune(PruneOptions.olderThan(MONTH)), "the next run takes it");
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingIsDeleted() {
        assertThrows(IllegalArgumentException.class, () -> PruneOptions.olderThan(Duration.ofDays(-1)));
        assertThrows(IllegalArgumentException.class, () -> PruneOptions.olderThan(MONTH).withBatchSize(0));
        assertThrows(NullPointerException.class, () -> PruneOptions.olderThan(null));
    }
}
