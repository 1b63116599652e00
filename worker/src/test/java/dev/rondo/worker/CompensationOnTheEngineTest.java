package dev.rondo.worker;

import static dev.rondo.worker.Engine.assertCompleted;
import static dev.rondo.worker.WorkflowsOnTheEngineTest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.worker.internal.SliceTestHook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancellation on the engine as LANGUAGE.md §6 says: CancelledError is thrown once, the compensation in
 * catch/finally awaits tasks, timers and children durably, a second cancel changes nothing, the execution
 * ends cancelled only when the CancelledError leaves it, and children are cancelled the same way.
 */
class CompensationOnTheEngineTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path flows;

    private Engine engine;
    private final AtomicInteger refunds = new AtomicInteger();
    private final AtomicBoolean refundSawCancelled = new AtomicBoolean();
    private final CountDownLatch refundStarted = new CountDownLatch(1);
    private volatile CountDownLatch refundMayEnd = new CountDownLatch(0);

    @BeforeEach
    void setUp() {
        engine = new Engine("compensation", flows);
        engine.worker(b -> b.pollInterval(Duration.ofMinutes(1))
                .task("refund", (input, ctx) -> {
                    refundStarted.countDown();
                    assertTrue(refundMayEnd.await(30, TimeUnit.SECONDS));
                    refundSawCancelled.set(ctx.cancelled());
                    return "refund " + refunds.incrementAndGet();
                }));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        SliceTestHook.set(null);
        engine.close();
    }

    private List<String> log(String id) {
        return engine.column("SELECT line FROM log_lines WHERE execution_id = '" + id + "' ORDER BY seq");
    }

    private void awaitWaiting(WorkflowHandle handle) {
        awaitTrue(() -> ExecutionStatus.WAITING.equals(handle.status()));
    }

    @Test
    void theCompensationAwaitsATaskAndATimerAndARethrowEndsItCancelled() {
        engine.flow("order", """
                try {
                  await Signal.next("paid")
                } catch (e) {
                  print("caught", e.name)
                  print(await Task.run("refund", {}))
                  await Timer.delay(0.2)
                  print("compensated")
                  throw e
                }
                """);
        WorkflowHandle handle = engine.start("order", "{}");
        awaitWaiting(handle);
        handle.cancel();
        WorkflowResult result = handle.result(WAIT);
        assertEquals(ExecutionStatus.CANCELLED, result.status(), result.errorJson());
        assertTrue(result.errorJson().contains("\"name\":\"CancelledError\""), result.errorJson());
        assertEquals(List.of("caught CancelledError", "refund 1", "compensated"), log(handle.id()));
        assertFalse(refundSawCancelled.get(), "a task the compensation started is not cancelled");
        assertEquals(List.of("completed"), engine.column("SELECT status FROM executions WHERE kind = 'task'"));
    }

    @Test
    void catchingTheCancellationAndReturningCompletes() {
        engine.flow("forgiving", """
                try {
                  await Signal.next("paid")
                  return "paid"
                } catch (e) {
                  return {cancelled: e.name, refund: await Task.run("refund", {})}
                }
                """);
        WorkflowHandle handle = engine.start("forgiving", "{}");
        awaitWaiting(handle);
        handle.cancel();
        assertCompleted("{\"cancelled\":\"CancelledError\",\"refund\":\"refund 1\"}", handle.result(WAIT));
    }

    @Test
    void aCancelWhileTheCompensationRunsChangesNothing() throws Exception {
        refundMayEnd = new CountDownLatch(1);
        engine.flow("twice", """
                try {
                  await Signal.next("paid")
                } finally {
                  print(await Task.run("refund", {}))
                  await Timer.delay(0.1)
                  print("after the compensation's timer")
                }
                """);
        WorkflowHandle handle = engine.start("twice", "{}");
        awaitWaiting(handle);
        handle.cancel();
        assertTrue(refundStarted.await(30, TimeUnit.SECONDS));
        handle.cancel(); // while the compensation's task runs
        assertEquals("1", engine.one("SELECT count(*) FROM history WHERE kind = 'operator.cancel'"),
                "a second cancel is no new action");
        assertEquals("false", engine.one("SELECT cancel_requested::text FROM executions WHERE kind = 'task'"),
                "the compensation's task is not flagged");
        assertEquals("0", engine.one("SELECT count(*) FROM inbox WHERE kind = 'cancel'"));
        refundMayEnd.countDown();
        WorkflowResult result = handle.result(WAIT);
        assertEquals(ExecutionStatus.CANCELLED, result.status(), result.errorJson());
        assertEquals(List.of("refund 1", "after the compensation's timer"), log(handle.id()));
        assertFalse(refundSawCancelled.get());
        assertEquals(1, refunds.get());
    }

    @Test
    void aCancelThatArrivesWhileASliceIsInFlightIsThrownAtTheNextAwaitOnce() throws Exception {
        CountDownLatch inSlice = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SliceTestHook.set(name -> {
            if (name.equals("busy") && inSlice.getCount() > 0) {
                inSlice.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        engine.flow("busy", """
                try {
                  await Signal.next("go")
                } catch (e) {
                  print("caught", e.name)
                  await Timer.delay(0.1)
                  return "compensated"
                }
                """);
        WorkflowHandle handle = engine.start("busy", "{}");
        assertTrue(inSlice.await(30, TimeUnit.SECONDS));
        Thread canceller = Thread.ofVirtual().start(handle::cancel); // waits for the slice's lock
        awaitTrue(() -> !engine.column("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock'").isEmpty());
        release.countDown();
        canceller.join(30_000);
        assertCompleted("\"compensated\"", handle.result(WAIT));
        assertEquals(List.of("caught CancelledError"), log(handle.id()));
    }

    @Test
    void aTaskThatNeverStartedRejectsInTheCompensationInsteadOfHanging() {
        engine.flow("stranded", """
                const charge = Task.run("charge", {}, {queue: "nobody-listens"})
                try {
                  await Signal.next("paid")
                } catch (e) {
                  try {
                    await charge
                  } catch (failed) {
                    return failed.name + ": " + failed.message
                  }
                }
                """);
        WorkflowHandle handle = engine.start("stranded", "{}");
        awaitWaiting(handle);
        handle.cancel();
        assertCompleted("\"TaskError: The task was cancelled before it started: the workflow that started it was cancelled.\"",
                handle.result(WAIT));
        assertEquals(List.of("cancelled"), engine.column("SELECT status FROM executions WHERE kind = 'task'"));
    }

    @Test
    void aChildCancelledWithItsParentMayCompleteAndTheParentsAwaitOfItResolves() {
        engine.flow("child", """
                try {
                  await Signal.next("never")
                } catch (e) {
                  await Timer.delay(0.1)
                  return "child compensated after " + e.name
                }
                """);
        engine.flow("parent", """
                const child = Workflow.run("child", {}, {id: "child-of-" + Context.executionId})
                try {
                  await child
                } catch (e) {
                  print("parent caught", e.name)
                  return await child
                }
                """);
        WorkflowHandle parent = engine.start("parent", "{}");
        WorkflowHandle child = engine.client.handle("child-of-" + parent.id());
        awaitTrue(() -> engine.column("SELECT 1 FROM executions WHERE id = '" + child.id() + "' AND status = 'waiting'").size() == 1);
        parent.cancel();
        assertCompleted("\"child compensated after CancelledError\"", child.result(WAIT));
        assertCompleted("\"child compensated after CancelledError\"", parent.result(WAIT));
        assertEquals(List.of("parent caught CancelledError"), log(parent.id()));
    }

    @Test
    void aChildCancelledWithItsParentThatRethrowsFailsTheParentsAwaitWithWorkflowError() {
        engine.flow("child2", """
                await Signal.next("never")
                """);
        engine.flow("parent2", """
                const child = Workflow.run("child2", {}, {id: "child2-of-" + Context.executionId})
                try {
                  await child
                } catch (e) {
                  try {
                    await child
                  } catch (childError) {
                    return childError.name + " " + childError.cause.name
                  }
                }
                """);
        WorkflowHandle parent = engine.start("parent2", "{}");
        awaitTrue(() -> engine.column("SELECT 1 FROM executions WHERE id = 'child2-of-" + parent.id() + "' AND status = 'waiting'").size() == 1);
        parent.cancel();
        assertCompleted("\"WorkflowError CancelledError\"", parent.result(WAIT));
        assertEquals(ExecutionStatus.CANCELLED, engine.client.handle("child2-of-" + parent.id()).result(WAIT).status());
    }
}
