package dev.rondo.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.migrations.Migrations;
import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A task's end (finish_tasks.sql) writes no index entry: a task row it ends is a HOT update (V18) when its
 * page has room for the new version, and the ends are counted for the dashboard's per-queue figures in
 * queue_throughput instead.
 */
class TaskEndTest {

    /** As many task rows as fit on one page with room for all their new versions (fillfactor 80, V18). */
    private static final int TASKS = 12;

    /** A fresh schema per test, so that the rows of one test do not take the room on the pages of the other. */
    private DataSource db;

    @BeforeEach
    void schema() throws SQLException {
        db = TestDatabase.freshSchema("task_end");
        Migrations.apply(db);
        Sql.execute(db, "INSERT INTO flow_definitions (name, hash, source, ast) VALUES ('w', 'h1', 'x', '{}')");
    }

    /** A waiting workflow with {@code TASKS} running tasks on queue {@code queue}, each leased to "w1"; returns the items. */
    private List<Long> runningTasks(String workflow, String queue) throws SQLException {
        Sql.execute(db, "INSERT INTO executions (id, kind, name, definition_hash, queue, status, input) "
                + "VALUES ('" + workflow + "', 'workflow', 'w', 'h1', 'default', 'waiting', '{}')");
        List<Long> items = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < TASKS; i++) {
                String task = workflow + "-t" + i;
                s.execute("INSERT INTO executions (id, kind, name, queue, status, input, parent_id, parent_promise, started_at) "
                        + "VALUES ('" + task + "', 'task', 'charge', '" + queue + "', 'running', '{}', '" + workflow + "', " + i + ", now())");
                try (ResultSet rs = s.executeQuery("INSERT INTO queue_items (execution_id, queue, lease_owner, lease_expires_at) "
                        + "VALUES ('" + task + "', '" + queue + "', 'w1', now() + interval '1 minute') RETURNING id")) {
                    rs.next();
                    items.add(rs.getLong(1));
                }
            }
        }
        return items;
    }

    @Test
    void aTaskEndIsAHotUpdateAndIsCountedForItsQueue() throws SQLException {
        List<Long> items = runningTasks("wf-hot", "payments");
        List<String> outcomes = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) { // completions and final failures alike
            outcomes.add(i % 4 == 0 ? "task_failed" : "resolved");
            payloads.add(i % 4 == 0 ? "{\"message\":\"declined\"}" : "{\"charged\":" + i + "}");
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            QueueStatements.Ended ended = QueueStatements.finishTasks(c, "w1", items, outcomes, payloads,
                    Collections.nCopies(TASKS, 1));
            assertEquals(TASKS, ended.items().size());
            // this transaction's own counts of row updates of executions: every one of them heap-only
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT pg_stat_get_xact_tuples_updated(CAST('executions' AS regclass)),"
                            + " pg_stat_get_xact_tuples_hot_updated(CAST('executions' AS regclass))")) {
                rs.next();
                assertEquals(TASKS, rs.getLong(1), "task rows updated");
                assertEquals(TASKS, rs.getLong(2), "task rows updated without an index entry (HOT)");
            }
            c.commit();
        }
        assertEquals(List.of(String.valueOf(TASKS)),
                Sql.rows(db, "SELECT sum(finished) FROM queue_throughput WHERE queue = 'payments'"));
        assertEquals(List.of("9|3"), Sql.rows(db, "SELECT count(*) FILTER (WHERE status = 'completed') || '|' || "
                + "count(*) FILTER (WHERE status = 'failed') FROM executions WHERE parent_id = 'wf-hot'"));
        // the statuses of tasks stay out of the listing's index: its column is null for them
        assertEquals(List.of("0"), Sql.rows(db, "SELECT count(*) FROM executions WHERE kind = 'task' AND workflow_status IS NOT NULL"));
    }

    @Test
    void endsOfTheSameQueueFromTwoSessionsDoNotShareACounter() throws SQLException {
        // two workflows: the ends of one workflow's tasks do wait for each other, on the parent's wake-up
        List<Long> first = runningTasks("wf-one", "shipping");
        List<Long> second = runningTasks("wf-two", "shipping");
        try (Connection one = db.getConnection(); Connection two = db.getConnection()) {
            one.setAutoCommit(false);
            two.setAutoCommit(false);
            // both open: were the counter one row per queue, the second would wait for the first's commit here
            QueueStatements.finishTasks(one, "w1", first, Collections.nCopies(TASKS, "resolved"),
                    Collections.nCopies(TASKS, "{}"), Collections.nCopies(TASKS, 1));
            try (Statement s = two.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '2s'");
            }
            QueueStatements.finishTasks(two, "w1", second, Collections.nCopies(TASKS, "resolved"),
                    Collections.nCopies(TASKS, "{}"), Collections.nCopies(TASKS, 1));
            two.commit();
            one.commit();
        }
        assertEquals(List.of(2 * TASKS + "|2"),
                Sql.rows(db, "SELECT sum(finished) || '|' || count(*) FROM queue_throughput WHERE queue = 'shipping'"));
    }
}
