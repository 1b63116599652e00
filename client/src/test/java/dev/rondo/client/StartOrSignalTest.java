package dev.rondo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.RondoException;
import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signal-with-start: a new id is started and signalled in one transaction, an unfinished one only
 * signalled; another workflow's id, an ended execution and bad input are refused with nothing written;
 * two calls racing on one new id make one execution with both signals, in commit order.
 */
class StartOrSignalTest {

    @TempDir
    Path dir;

    private DataSource db;
    private RondoClient rondo;

    @BeforeEach
    void deploy() throws Exception {
        db = TestDatabase.freshSchema("startorsignal");
        rondo = RondoClient.create(db);
        Files.writeString(dir.resolve("cart.flow"), "let item = await Signal.next('add')\nreturn item\n");
        Files.writeString(dir.resolve("other.flow"), "return 1\n");
        rondo.deploy(dir);
    }

    private List<String> signals() throws Exception {
        return Sql.rows(db, "SELECT execution_id || ' ' || name || ' ' || payload FROM signals ORDER BY sent_at, id");
    }

    @Test
    void aNewIdIsStartedWithItsSignal() throws Exception {
        StartOrSignal r = rondo.startOrSignal("cart-1", "cart", "{\"user\": 7}", "add", "{\"sku\": \"A\"}");
        assertTrue(r.started());
        assertEquals("cart-1", r.handle().id());
        assertEquals(List.of("cart queued {\"user\":7}"),
                Sql.rows(db, "SELECT name || ' ' || status || ' ' || input FROM executions"));
        assertEquals(List.of("cart-1 add {\"sku\":\"A\"}"), signals());
        assertEquals(List.of("1"), Sql.rows(db, "SELECT count(*) FROM queue_items"));
    }

    @Test
    void anUnfinishedExecutionIsOnlySignalled() throws Exception {
        rondo.start("cart", "{\"user\": 7}", StartOptions.DEFAULT.withId("cart-1").withPriority(2));
        StartOrSignal r = rondo.startOrSignal("cart-1", "cart", Map.of("user", 8), "add", Map.of("sku", "B"));
        assertFalse(r.started());
        assertEquals(List.of("{\"user\":7}"), Sql.rows(db, "SELECT input FROM executions"), "the input is the first start's");
        assertEquals(List.of("cart-1 add {\"sku\":\"B\"}"), signals());
        assertEquals(List.of("1 2"), Sql.rows(db, "SELECT count(*) || ' ' || max(priority) FROM queue_items"));
    }

    @Test
    void theStartOptionsApplyOnlyToAStart() throws Exception {
        StartOrSignal r = rondo.startOrSignal("cart-2", "cart", null,
                StartOptions.DEFAULT.withQueue("carts").withPriority(5).withDelay(Duration.ofHours(1)), "add", null);
        assertTrue(r.started());
        assertEquals(List.of("carts 5"), Sql.rows(db, "SELECT queue || ' ' || priority FROM executions"));
        assertEquals(List.of("true"), Sql.rows(db, "SELECT (run_at > now() + interval '50 minutes')::text FROM queue_items"),
                "the signal does not bring a delayed start forward");
        assertEquals(List.of("cart-2 add null"), signals());
    }

    @Test
    void anIdOfAnotherWorkflowIsAConflictAndNothingIsWritten() throws Exception {
        rondo.start("other", "{}", StartOptions.DEFAULT.withId("x-1"));
        RondoException.IdConflict conflict = assertThrows(RondoException.IdConflict.class,
                () -> rondo.startOrSignal("x-1", "cart", "{}", "add", "1"));
        assertTrue(conflict.getMessage().contains("'other'"), conflict.getMessage());
        assertEquals(List.of(), signals());
    }

    @Test
    void anEndedExecutionIsRefusedAsSignalRefusesIt() throws Exception {
        rondo.start("cart", "{}", StartOptions.DEFAULT.withId("cart-1"));
        Sql.execute(db, "UPDATE executions SET status = 'completed', finished_at = now() WHERE id = 'cart-1'");
        RondoException.ExecutionFinished finished = assertThrows(RondoException.ExecutionFinished.class,
                () -> rondo.startOrSignal("cart-1", "cart", "{}", "add", "1"));
        assertEquals(ExecutionStatus.COMPLETED, finished.status());
        assertTrue(finished.getMessage().contains("use a new id"), finished.getMessage());
        assertEquals(List.of(), signals());
        assertEquals(List.of("1"), Sql.rows(db, "SELECT count(*) FROM executions"));
    }

    @Test
    void badInputsAreRefusedBeforeAnythingIsWritten() throws Exception {
        assertThrows(RondoException.UnknownWorkflow.class, () -> rondo.startOrSignal("n-1", "nobody", "{}", "add", "1"));
        assertThrows(RondoException.InvalidPayload.class, () -> rondo.startOrSignal("n-1", "cart", "{oops", "add", "1"));
        assertThrows(RondoException.InvalidPayload.class, () -> rondo.startOrSignal("n-1", "cart", "{}", "add", "{oops"));
        assertThrows(IllegalArgumentException.class, () -> rondo.startOrSignal("n-1", "cart", "{}", "bad\u0001name", "1"));
        assertThrows(IllegalArgumentException.class, () -> rondo.startOrSignal("", "cart", "{}", "add", "1"));
        assertThrows(IllegalArgumentException.class, () -> rondo.startOrSignal("n.t1", "cart", "{}", "add", "1"));
        assertThrows(IllegalArgumentException.class, () -> rondo.startOrSignal("n-1", "cart", "{}",
                StartOptions.DEFAULT.withId("n-2"), "add", "1"));
        assertEquals(List.of("0"), Sql.rows(db, "SELECT count(*) FROM executions"));
        assertEquals(List.of(), signals());
    }

    @Test
    void twoCallsRacingOnANewIdMakeOneExecutionWithBothSignalsInCommitOrder() throws Exception {
        try (Connection first = db.getConnection()) {
            first.setAutoCommit(false);
            assertTrue(rondo.startOrSignal(first, "cart-9", "cart", "{}", StartOptions.DEFAULT, "add", "1").started());
            // The second call began (its transaction, its clock) before the first commits: it waits on the id.
            CompletableFuture<StartOrSignal> second = CompletableFuture.supplyAsync(
                    () -> rondo.startOrSignal("cart-9", "cart", "{}", "add", "2"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (Sql.rows(db, "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock'").isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "the second call never waited for the first");
                Thread.onSpinWait();
            }
            first.commit();
            assertFalse(second.get(30, TimeUnit.SECONDS).started());
        }
        assertEquals(List.of("1"), Sql.rows(db, "SELECT count(*) FROM executions"));
        assertEquals(List.of("cart-9 add 1", "cart-9 add 2"), signals());
    }

    @Test
    void aSignalIsOrderedByWhenItWasSentNotByWhenItsTransactionBegan() throws Exception {
        try (Connection late = db.getConnection()) {
            late.setAutoCommit(false);
            try (var s = late.createStatement()) {
                s.execute("SELECT now()"); // its transaction (and now()) begins here
            }
            assertTrue(rondo.startOrSignal("cart-5", "cart", "{}", "add", "1").started());
            assertFalse(rondo.startOrSignal(late, "cart-5", "cart", "{}", StartOptions.DEFAULT, "add", "2").started());
            late.commit();
        }
        assertEquals(List.of("cart-5 add 1", "cart-5 add 2"), signals());
    }

    @Test
    void manyCallsRacingOnNewIdsEachMakeOneExecution() throws Exception {
        var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor(); // the common pool may have one thread
        List<CompletableFuture<StartOrSignal>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            for (int n = 0; n < 3; n++) {
                String id = "race-" + i;
                String payload = String.valueOf(n);
                calls.add(CompletableFuture.supplyAsync(() -> rondo.startOrSignal(id, "cart", "{}", "add", payload), threads));
            }
        }
        long started = 0;
        for (CompletableFuture<StartOrSignal> call : calls) {
            started += call.get(60, TimeUnit.SECONDS).started() ? 1 : 0;
        }
        threads.close();
        assertEquals(10, started, "one start per id");
        assertEquals(List.of("10"), Sql.rows(db, "SELECT count(*) FROM executions"));
        assertEquals(List.of("30"), Sql.rows(db, "SELECT count(*) FROM signals"));
    }
}
