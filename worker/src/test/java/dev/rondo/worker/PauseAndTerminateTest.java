package dev.rondo.worker;

import static dev.rondo.worker.Engine.assertCompleted;
import static dev.rondo.worker.WorkflowsOnTheEngineTest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.RondoException;
import dev.rondo.store.QueueStatements;
import dev.rondo.worker.internal.SliceTestHook;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pause, resume and terminate of executions, and pause of queues, against the engine with a worker running
 * (docs/operations.md): a paused workflow runs nothing until resumed, then applies what came in meanwhile;
 * a pause waits for a slice in flight; a cancel wins over a pause; terminate ends a tree at once without
 * running any of its code; a paused queue is not claimed until resumed.
 */
class PauseAndTerminateTest {

    @TempDir
    Path flows;

    private Engine engine;
    private final CountDownLatch gateEntered = new CountDownLatch(1);
    private final CountDownLatch gateOpen = new CountDownLatch(1);
    private final CountDownLatch blockSawCancel = new CountDownLatch(1);
    private final CountDownLatch blockEntered = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        engine = new Engine("steer", flows);
        engine.worker(b -> b.queues("default", "side").pollInterval(Duration.ofMinutes(1))
                .task("add", (input, ctx) -> Map.of("x", input.get("x").asInt() + 1))
                .task("gate", (input, ctx) -> {
                    gateEntered.countDown();
                    assertTrue(gateOpen.await(30, TimeUnit.SECONDS));
                    return "opened";
                })
                .task("block", (input, ctx) -> {
                    blockEntered.countDown();
                    awaitTrue(ctx::cancelled);
                    blockSawCancel.countDown();
                    return "late";
                }));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        SliceTestHook.set(null);
        gateOpen.countDown();
        engine.close();
    }

    private int history(String id, String kind) {
        return Integer.parseInt(engine.one("SELECT count(*) FROM history WHERE execution_id = '" + id + "' AND kind = '" + kind + "'"));
    }

    /** The execution has no unclaimed or claimed queue item: a wake-up it got was claimed and dropped. */
    private boolean noItem(String id) {
        return engine.one("SELECT count(*) FROM queue_items WHERE execution_id = '" + id + "'").equals("0");
    }

    @Test
    void aTimerThatComesDueWhilePausedRunsOnlyAfterResume() {
        engine.flow("sleepy", """
                print("before")
                await Timer.delay(0.3)
                print("after")
                return "done"
                """);
        WorkflowHandle handle = engine.start("sleepy", "{}");
        awaitTrue(() -> handle.status() == ExecutionStatus.WAITING);
        assertTrue(handle.pause());
        assertFalse(handle.pause(), "pausing a paused execution does nothing");
        assertEquals(ExecutionStatus.PAUSED, handle.status());
        // the timer comes due and its wake-up is claimed, but the slice only drops it
        awaitTrue(() -> engine.one("SELECT count(*) FROM timers WHERE execution_id = '" + handle.id()
                + "' AND fire_at < now()").equals("1") && noItem(handle.id()));
        assertEquals(List.of("before"), handle.logs(0));
        assertEquals(ExecutionStatus.PAUSED, handle.status());
        assertTrue(handle.describe().hints().stream().anyMatch(h -> h.startsWith("paused by an operator")),
                handle.describe().hints().toString());
        assertTrue(handle.resume());
        assertFalse(handle.resume(), "resuming a running execution does nothing");
        assertCompleted("\"done\"", handle.result(Duration.ofSeconds(30)));
        assertEquals(List.of("before", "after"), handle.logs(0));
        assertEquals(1, history(handle.id(), "operator.pause"));
        assertEquals(1, history(handle.id(), "operator.resume"));
    }

    @Test
    void aTaskThatEndsWhilePausedIsAppliedAfterResume() throws Exception {
        engine.flow("gated", """
                let r = await Task.run("gate", {})
                return r
                """);
        WorkflowHandle handle = engine.start("gated", "{}");
        assertTrue(gateEntered.await(30, TimeUnit.SECONDS));
        assertTrue(handle.pause());
        gateOpen.countDown();
        // the task ended: its outcome waits in the inbox and its wake-up was dropped
        awaitTrue(() -> engine.one("SELECT count(*) FROM inbox WHERE execution_id = '" + handle.id() + "'").equals("1")
                && noItem(handle.id()));
        assertEquals(ExecutionStatus.PAUSED, handle.status());
        assertEquals("completed", engine.one("SELECT status FROM executions WHERE parent_id = '" + handle.id() + "'"));
        assertTrue(handle.resume());
        assertCompleted("\"opened\"", handle.result(Duration.ofSeconds(30)));
    }

    @Test
    void aPauseWaitsForTheSliceInFlightAndTakesEffectAfterIt() throws Exception {
        engine.flow("held", """
                let r = await Task.run("add", {x: 1})
                return r.x
                """);
        CountDownLatch inSlice = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        SliceTestHook.set(name -> {
            if (name.equals("held") && first.getAndSet(false)) {
                inSlice.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        WorkflowHandle handle = engine.start("held", "{}");
        assertTrue(inSlice.await(30, TimeUnit.SECONDS));
        CompletableFuture<Boolean> pause = CompletableFuture.supplyAsync(handle::pause);
        // the pause waits on the row lock the slice holds (its lock statement reads has_checkpoint)
        awaitTrue(() -> engine.one("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND query LIKE '%has_checkpoint%' AND query NOT LIKE '%pg_stat_activity%'").equals("1"));
        assertFalse(pause.isDone());
        release.countDown();
        assertTrue(pause.get(30, TimeUnit.SECONDS));
        // the slice committed first (it started the task); the pause came after it
        assertEquals(ExecutionStatus.PAUSED, handle.status());
        awaitTrue(() -> engine.one("SELECT count(*) FROM inbox WHERE execution_id = '" + handle.id() + "'").equals("1")
                && noItem(handle.id()));
        assertEquals(ExecutionStatus.PAUSED, handle.status());
        handle.resume();
        assertCompleted("2", handle.result(Duration.ofSeconds(30)));
    }

    @Test
    void aCancelOfAPausedExecutionRunsItsCompensation() {
        engine.flow("saga", """
                try {
                    await Signal.next("never")
                } finally {
                    print("compensated")
                }
                """);
        WorkflowHandle handle = engine.start("saga", "{}");
        awaitTrue(() -> handle.status() == ExecutionStatus.WAITING);
        handle.pause();
        handle.cancel();
        WorkflowResult result = handle.result(Duration.ofSeconds(30));
        assertEquals(ExecutionStatus.CANCELLED, result.status());
        assertEquals(List.of("compensated"), handle.logs(0));
    }

    @Test
    void aPauseOfAnExecutionBeingCancelledIsRefused() {
        engine.flow("stuck", """
                try { await Signal.next("never") } finally { await Task.run("gate", {}) }
                """);
        WorkflowHandle handle = engine.start("stuck", "{}");
        awaitTrue(() -> handle.status() == ExecutionStatus.WAITING);
        handle.cancel();
        RondoException.ActionRefused refused = assertThrows(RondoException.ActionRefused.class, handle::pause);
        assertTrue(refused.getMessage().contains("is being cancelled"), refused.getMessage());
    }

    @Test
    void refusalsNameTheStatus() {
        engine.flow("quick", "return 1");
        WorkflowHandle done = engine.start("quick", "{}");
        done.result(Duration.ofSeconds(30));
        RondoException.ActionRefused ended = assertThrows(RondoException.ActionRefused.class, done::pause);
        assertEquals(ExecutionStatus.COMPLETED, ended.status());
        assertTrue(ended.getMessage().contains("has already completed; it cannot be paused"), ended.getMessage());
        assertThrows(RondoException.ActionRefused.class, done::resume);
        assertThrows(RondoException.ActionRefused.class, done::terminate);
        assertThrows(RondoException.UnknownExecution.class, () -> engine.client.handle("nope").pause());

        engine.flow("adder", "let r = await Task.run(\"add\", {x: 1})\nreturn r.x");
        WorkflowHandle adder = engine.start("adder", "{}");
        adder.result(Duration.ofSeconds(30));
        String task = engine.one("SELECT id FROM executions WHERE parent_id = '" + adder.id() + "'");
        RondoException.ActionRefused onTask = assertThrows(RondoException.ActionRefused.class,
                () -> engine.client.handle(task).pause());
        assertTrue(onTask.getMessage().contains("is a task, not a workflow"), onTask.getMessage());
    }

    @Test
    void terminateEndsATreeAtOnceWithoutRunningItsCode() throws Exception {
        engine.flow("root", """
                try {
                    await Workflow.run("leaf", {})
                } finally {
                    print("root finally")
                }
                """);
        engine.flow("leaf", """
                try {
                    await Task.run("block", {})
                } finally {
                    print("leaf finally")
                }
                """);
        WorkflowHandle root = engine.start("root", "{}");
        assertTrue(blockEntered.await(30, TimeUnit.SECONDS));
        String leaf = engine.one("SELECT id FROM executions WHERE parent_id = '" + root.id() + "'");
        String task = engine.one("SELECT id FROM executions WHERE parent_id = '" + leaf + "'");

        assertTrue(engine.client.withOperator("ann@ops").handle(root.id()).terminate("a bad deploy"));
        WorkflowResult result = root.result(Duration.ofSeconds(5));
        assertEquals(ExecutionStatus.TERMINATED, result.status());
        assertTrue(result.errorJson().contains("terminated by ann@ops: a bad deploy"), result.errorJson());
        assertEquals(ExecutionStatus.TERMINATED, engine.client.handle(leaf).status());
        assertEquals("terminated", engine.one("SELECT status FROM executions WHERE id = '" + task + "'"));

        // the running task is told, and its late result is discarded
        assertTrue(blockSawCancel.await(30, TimeUnit.SECONDS));
        awaitTrue(() -> noItem(task));
        assertEquals("terminated", engine.one("SELECT status FROM executions WHERE id = '" + task + "'"));
        assertEquals("0", engine.one("SELECT count(*) FROM queue_items WHERE execution_id IN ('" + root.id() + "', '" + leaf + "')"));
        assertEquals("0", engine.one("SELECT count(*) FROM inbox WHERE execution_id = '" + root.id() + "'"));
        // no finally ran, in the root or in the leaf
        assertEquals(List.of(), root.logs(0));
        assertEquals(List.of(), engine.client.handle(leaf).logs(0));
        assertEquals(1, history(root.id(), "operator.terminate"));
        assertEquals(1, history(leaf, "terminated"));
        assertFalse(root.terminate(), "terminating a terminated execution does nothing");
        assertEquals(1, history(root.id(), "operator.terminate"));
    }

    @Test
    void terminateWaitsForASliceInFlightAndEndsTheChildItStarted() throws Exception {
        engine.flow("top", "await Workflow.run(\"mid\", {})");
        engine.flow("mid", "await Workflow.run(\"bottom\", {})");
        engine.flow("bottom", "await Signal.next(\"never\")");
        CountDownLatch inSlice = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        SliceTestHook.set(name -> {
            if (name.equals("mid") && first.getAndSet(false)) {
                inSlice.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        WorkflowHandle top = engine.start("top", "{}");
        assertTrue(inSlice.await(30, TimeUnit.SECONDS)); // mid's first slice is about to start bottom
        CompletableFuture<Boolean> terminate = CompletableFuture.supplyAsync(top::terminate);
        awaitTrue(() -> engine.one("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND query NOT LIKE '%pg_stat_activity%'").equals("1"));
        assertFalse(terminate.isDone());
        release.countDown();
        assertTrue(terminate.get(30, TimeUnit.SECONDS));
        assertEquals(List.of("top:terminated", "mid:terminated", "bottom:terminated"),
                engine.column("SELECT name || ':' || status FROM executions ORDER BY depth"));
        assertEquals("0", engine.one("SELECT count(*) FROM queue_items q JOIN executions e ON e.id = q.execution_id"
                + " WHERE q.lease_owner IS NULL"));
    }

    @Test
    void aParentAwaitingATerminatedChildGetsAWorkflowError() {
        engine.flow("caller", """
                try {
                    await Workflow.run("sleeper", {})
                    return "no"
                } catch (e) {
                    return e.name + ": " + e.message
                }
                """);
        engine.flow("sleeper", "await Signal.next(\"never\")");
        WorkflowHandle caller = engine.start("caller", "{}");
        awaitTrue(() -> engine.column("SELECT status FROM executions WHERE parent_id = '" + caller.id() + "'").equals(List.of("waiting")));
        String child = engine.one("SELECT id FROM executions WHERE parent_id = '" + caller.id() + "'");
        engine.client.withOperator("bob").handle(child).terminate();
        WorkflowResult result = caller.result(Duration.ofSeconds(30));
        assertEquals(ExecutionStatus.COMPLETED, result.status(), result.errorJson());
        assertEquals("\"WorkflowError: Child workflow 'sleeper' failed: It was terminated by bob.\"", result.resultJson());
    }

    @Test
    void aDelayedStartKeepsItsTurnThroughPauseAndResume() {
        engine.flow("later", "return 1");
        WorkflowHandle handle = engine.client.start("later", "{}", StartOptions.DEFAULT.withDelay(Duration.ofHours(1)));
        assertTrue(handle.pause());
        assertTrue(handle.resume());
        assertEquals(ExecutionStatus.QUEUED, handle.status(), "no slice of it had run");
        assertEquals("1", engine.one("SELECT count(*) FROM queue_items WHERE execution_id = '" + handle.id()
                + "' AND run_at > now() + interval '50 minutes'"), "its start stays an hour away");
    }

    @Test
    void aPausedExecutionCanBeTerminated() {
        engine.flow("idle", "await Signal.next(\"never\")");
        WorkflowHandle handle = engine.start("idle", "{}");
        awaitTrue(() -> handle.status() == ExecutionStatus.WAITING);
        handle.pause();
        handle.signal("never", "1"); // buffered while paused
        assertTrue(handle.terminate());
        assertEquals(ExecutionStatus.TERMINATED, handle.result(Duration.ofSeconds(5)).status());
    }

    @Test
    void aPausedQueueIsNotClaimedUntilResumed() throws Exception {
        engine.flow("side", "return 7");
        assertTrue(engine.client.pauseQueue("side"));
        assertFalse(engine.client.pauseQueue("side"));
        assertEquals(List.of("side"), engine.client.pausedQueues().stream().map(p -> p.queue()).toList());
        WorkflowHandle parked = engine.client.start("side", "{}", StartOptions.DEFAULT.withQueue("side"));
        // the worker is alive and claims its other queue meanwhile
        assertCompleted("7", engine.run("side", "{}"));
        assertEquals(ExecutionStatus.QUEUED, parked.status());
        assertTrue(parked.describe().hints().stream().anyMatch(h -> h.startsWith("queue side is paused")),
                parked.describe().hints().toString());
        assertEquals("1", engine.one("SELECT count(*) FROM queue_items WHERE execution_id = '" + parked.id()
                + "' AND lease_owner IS NULL AND run_at <= now()"));
        // a due item of a paused queue does not count as due work, so an idle worker sleeps instead of spinning
        try (Connection c = engine.dataSource.getConnection()) {
            assertEquals(null, QueueStatements.nextDue(c, List.of("side")));
        }
        assertTrue(engine.client.resumeQueue("side"));
        assertFalse(engine.client.resumeQueue("side"));
        // the worker polls once a minute: the resume's notification is what wakes it
        assertCompleted("7", parked.result(Duration.ofSeconds(20)));
        assertEquals(List.of(), engine.client.pausedQueues());
    }
}
