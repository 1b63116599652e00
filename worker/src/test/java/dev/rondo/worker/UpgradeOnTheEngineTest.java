package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.StartOptions;
import dev.rondo.client.UpgradeOptions;
import dev.rondo.client.UpgradeReport;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.worker.internal.SliceTestHook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving executions to fixed code on the engine (docs/operations.md): executions waiting on a signal
 * or a timer go on with the new version's behaviour; a dry run changes nothing; a refused execution is left
 * exactly as it was and ends with the old code; a failed one is moved and stays failed; and an upgrade that
 * meets a slice in flight waits for it and maps the checkpoint that slice wrote, so nothing it did is lost.
 */
class UpgradeOnTheEngineTest {

    @TempDir
    Path dir;

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = new Engine("upgrade", dir);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        SliceTestHook.set(null);
        engine.close();
    }

    private static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    private String status(String id) {
        return engine.one("SELECT status FROM executions WHERE id = '" + id + "'");
    }

    private String hashOf(String id) {
        return engine.one("SELECT definition_hash FROM executions WHERE id = '" + id + "'");
    }

    private String head(String name) {
        return engine.one("SELECT hash FROM flow_heads WHERE name = '" + name + "'");
    }

    private static final String APPROVE_V1 = """
            let order = Inputs.order
            if (Inputs.express) {
              let ok = await Signal.next("expressOk")
              return "v1 express " + ok
            }
            let approval = await Signal.next("approve")
            return "v1 " + order + " " + approval
            """;

    private static final String APPROVE_V2 = """
            let order = Inputs.order
            if (Inputs.express) {
              return "v2 express, no wait"
            }
            print("v2 asks for approval of " + order)
            let approval = await Signal.next("approve")
            return "v2 " + order + " approved by " + approval
            """;

    @Test
    void waitingExecutionsFinishWithTheNewCodeAndRefusedOnesAreUntouched() throws Exception {
        engine.flow("approve", APPROVE_V1);
        engine.worker(b -> b);
        String v1 = head("approve");
        for (String id : List.of("a1", "a2")) {
            engine.client.start("approve", "{\"order\": \"" + id + "\"}", StartOptions.DEFAULT.withId(id));
        }
        engine.client.start("approve", "{\"order\": \"x\", \"express\": true}", StartOptions.DEFAULT.withId("x1"));
        until("all wait", () -> List.of("a1", "a2", "x1").stream().allMatch(id -> status(id).equals("waiting")));
        String refusedBefore = engine.one("SELECT state FROM checkpoints WHERE execution_id = 'x1'");
        engine.flow("approve", APPROVE_V2);
        String v2 = head("approve");

        UpgradeReport dry = engine.client.upgrade("approve", UpgradeOptions.DEFAULTS.withDryRun(true));
        assertEquals(2, dry.moved());
        assertEquals(1, dry.refused());
        assertEquals(List.of(v1, v1, v1), List.of(hashOf("a1"), hashOf("a2"), hashOf("x1")), "a dry run moves nothing");
        assertEquals("0", engine.one("SELECT count(*) FROM history WHERE kind = 'operator.upgrade'"));

        UpgradeReport report = engine.client.withOperator("ann@ops").upgrade("approve", UpgradeOptions.DEFAULTS);
        assertEquals(dry.entries(), report.entries(), "the dry run reports what the upgrade does");
        UpgradeReport.Entry refused = report.entries().get(2);
        assertEquals("x1", refused.executionId());
        assertEquals(UpgradeReport.Outcome.REFUSED, refused.outcome());
        assertTrue(refused.reason().startsWith("approve.flow:2:1: the await at 3:12 in the old version has no counterpart"),
                refused.reason());
        UpgradeReport.Entry moved = report.entries().get(0);
        assertEquals(new UpgradeReport.Entry("a1", v1, "waiting", UpgradeReport.Outcome.MOVED, "6:16", "6:16", null), moved);
        assertEquals(List.of(v2, v2, v1), List.of(hashOf("a1"), hashOf("a2"), hashOf("x1")));
        assertEquals(refusedBefore, engine.one("SELECT state FROM checkpoints WHERE execution_id = 'x1'"));
        assertEquals("approve.flow:6:16", engine.one("SELECT waiting_at FROM checkpoints WHERE execution_id = 'a1'"));
        assertEquals("operator.upgrade {\"by\":\"ann@ops\",\"fromHash\":\"" + v1 + "\",\"toHash\":\"" + v2
                        + "\",\"from\":\"6:16\",\"to\":\"6:16\"}",
                engine.one("SELECT kind || ' ' || detail FROM history WHERE execution_id = 'a1' AND kind LIKE 'operator.%'"));

        assertEquals(0, engine.client.upgrade("approve", UpgradeOptions.DEFAULTS.withFromHash(v2)).entries().size());
        UpgradeReport again = engine.client.upgrade("approve", UpgradeOptions.DEFAULTS);
        assertEquals(List.of("x1"), again.entries().stream().map(UpgradeReport.Entry::executionId).toList(),
                "moved executions are not examined again");
        assertEquals("2", engine.one("SELECT count(*) FROM history WHERE kind = 'operator.upgrade'"));

        engine.client.handle("a1").signal("approve", "\"bob\"");
        engine.client.handle("x1").signal("expressOk", "\"yes\"");
        Engine.assertCompleted("\"v2 a1 approved by bob\"", engine.client.handle("a1").result(Duration.ofSeconds(30)));
        Engine.assertCompleted("\"v1 express yes\"", engine.client.handle("x1").result(Duration.ofSeconds(30)));
    }

    @Test
    void anExecutionWaitingOnATimerWakesInTheNewCode() throws Exception {
        engine.flow("remind", """
                let user = Inputs.user
                await Timer.delay(3600)
                return "v1 reminded " + user
                """);
        Worker first = engine.worker(b -> b);
        WorkflowHandle handle = engine.start("remind", "{\"user\": \"ann\"}");
        until("it waits", () -> status(handle.id()).equals("waiting"));
        first.shutdown();
        first.awaitTermination(Duration.ofSeconds(10));
        engine.flow("remind", """
                let user = Inputs.user
                let channel = "mail"
                await Timer.delay(3600)
                return "v2 reminded " + user + " by " + channel
                """);
        assertEquals(1, engine.client.upgrade("remind", UpgradeOptions.DEFAULTS).moved());
        engine.one("UPDATE timers SET fire_at = now() RETURNING 1");
        engine.one("UPDATE queue_items SET run_at = now() RETURNING 1");
        engine.worker(b -> b);
        Engine.assertCompleted("\"v2 reminded ann by mail\"", handle.result(Duration.ofSeconds(30)));
    }

    @Test
    void aFailedExecutionIsMovedAndStaysFailed() throws Exception {
        engine.flow("charge", "let r = await Signal.next(\"go\")\nreturn r\n");
        engine.worker(b -> b);
        WorkflowHandle handle = engine.start("charge", "{}");
        until("it waits", () -> status(handle.id()).equals("waiting"));
        // As the retry branch leaves it: failed, with the checkpoint from before the await that failed it.
        engine.one("UPDATE executions SET status = 'failed', finished_at = now() WHERE id = '" + handle.id() + "' RETURNING 1");
        engine.flow("charge", "let r = await Signal.next(\"go\")\nreturn \"fixed \" + r\n");
        UpgradeReport report = engine.client.upgrade("charge", UpgradeOptions.DEFAULTS);
        assertEquals(UpgradeReport.Outcome.MOVED, report.entries().getFirst().outcome());
        assertEquals("failed", report.entries().getFirst().status());
        assertEquals("failed", status(handle.id()));
        assertEquals(head("charge"), hashOf(handle.id()));
    }

    @Test
    void anUpgradeWaitsForASliceInFlightAndMapsTheCheckpointItWrote() throws Exception {
        engine.flow("steps", """
                let a = await Signal.next("first")
                let b = await Signal.next("second")
                return "v1 " + a + b
                """);
        engine.worker(b -> b);
        WorkflowHandle handle = engine.start("steps", "{}");
        until("it waits", () -> status(handle.id()).equals("waiting"));
        engine.flow("steps", """
                let a = await Signal.next("first")
                print("between")
                let b = await Signal.next("second")
                return "v2 " + a + b
                """);
        CountDownLatch inSlice = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SliceTestHook.set(workflow -> {
            if (workflow.equals("steps")) {
                inSlice.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        handle.signal("first", "\"A\"");
        assertTrue(inSlice.await(30, TimeUnit.SECONDS));
        // The slice has consumed "first" and stands at "second", but has not committed: the upgrade reads the
        // old checkpoint (at "first"), then waits for the row.
        CompletableFuture<UpgradeReport> upgrade = CompletableFuture.supplyAsync(
                () -> engine.client.upgrade("steps", UpgradeOptions.DEFAULTS));
        until("the upgrade waits for the slice's lock", () -> engine.column(
                "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR NO KEY UPDATE%'").size() == 1);
        SliceTestHook.set(null);
        release.countDown();
        UpgradeReport report = upgrade.get(30, TimeUnit.SECONDS);
        UpgradeReport.Entry entry = report.entries().getFirst();
        assertEquals(UpgradeReport.Outcome.MOVED, entry.outcome(), entry.reason());
        assertEquals("2:9", entry.from(), "mapped from the checkpoint the slice wrote, not the one read first");
        assertEquals("3:9", entry.to());
        handle.signal("second", "\"B\"");
        Engine.assertCompleted("\"v2 AB\"", handle.result(Duration.ofSeconds(30)));
    }
}
