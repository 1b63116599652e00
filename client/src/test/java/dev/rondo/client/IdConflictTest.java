package dev.rondo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.RondoException;
import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An id names one execution: starting it again is idempotent for the same workflow and an error for another. */
class IdConflictTest {

    @TempDir
    Path dir;

    private DataSource db;
    private RondoClient rondo;

    @BeforeEach
    void deploy() throws Exception {
        db = TestDatabase.freshSchema("idconflict");
        rondo = RondoClient.create(db);
        Files.writeString(dir.resolve("billing.flow"), "print(1)\n");
        Files.writeString(dir.resolve("shipping.flow"), "print(2)\n");
        rondo.deploy(dir);
    }

    @Test
    void theSameWorkflowAgainReturnsTheExecution() throws Exception {
        WorkflowHandle first = rondo.start("billing", "{}", StartOptions.DEFAULT.withId("order-1"));
        WorkflowHandle again = rondo.start("billing", "{\"other\": 1}", StartOptions.DEFAULT.withId("order-1"));
        assertEquals(first.id(), again.id());
        assertEquals(List.of("billing {}"), Sql.rows(db, "SELECT name || ' ' || input FROM executions"));
    }

    @Test
    void anotherWorkflowWithTheSameIdIsAnIdConflictNamingBoth() throws Exception {
        rondo.start("billing", "{}", StartOptions.DEFAULT.withId("order-1"));
        RondoException.IdConflict e = assertThrows(RondoException.IdConflict.class,
                () -> rondo.start("shipping", "{}", StartOptions.DEFAULT.withId("order-1")));
        assertEquals("Cannot start workflow 'shipping' with the id 'order-1': that id belongs to an execution of workflow"
                + " 'billing'. An id names one execution whatever its workflow; give this start an id of its own (for"
                + " example, prefix ids with the workflow's name).", e.getMessage());
        assertEquals("order-1", e.executionId());
        assertEquals("billing", e.existingWorkflow());
        assertEquals("shipping", e.requestedWorkflow());
        assertEquals(List.of("billing"), Sql.rows(db, "SELECT name FROM executions"));
        assertEquals(List.of("1"), Sql.rows(db, "SELECT count(*) FROM queue_items"));
    }

    @Test
    void aConflictingStartCommittedWhileThisOneWaitedIsSeenToo() throws Exception {
        try (Connection first = db.getConnection()) {
            first.setAutoCommit(false);
            rondo.start(first, "billing", "{}", StartOptions.DEFAULT.withId("order-2"));
            // The second start waits on the id's index entry until the first commits; its statement's snapshot
            // does not show the row, so the client reads it again.
            CompletableFuture<WorkflowHandle> second = CompletableFuture.supplyAsync(
                    () -> rondo.start("shipping", "{}", StartOptions.DEFAULT.withId("order-2")));
            awaitBlockedOnALock();
            first.commit();
            Throwable e = assertThrows(java.util.concurrent.ExecutionException.class, () -> second.get(30, TimeUnit.SECONDS)).getCause();
            assertTrue(e instanceof RondoException.IdConflict, String.valueOf(e));
            assertTrue(e.getMessage().contains("belongs to an execution of workflow 'billing'"), e.getMessage());
        }
    }

    /** Waits (with a deadline, on the database's own report) until a session waits for a lock. */
    private void awaitBlockedOnALock() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Sql.rows(db, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO executions%'").equals(List.of("0"))) {
            assertTrue(System.nanoTime() < deadline, "the second start never waited for the first");
            Thread.onSpinWait();
        }
    }
}
