package dev.rondo.worker;

import static dev.rondo.worker.Engine.assertCompleted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.ExecutionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LANGUAGE.md §6 on the real engine: tasks, timers, signals, children, cancellation, versions. */
class WorkflowsOnTheEngineTest {

    @TempDir
    Path flows;

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = new Engine("engine", flows);
        // A poll of a minute: everything below must be driven by notifications and due times alone.
        engine.worker(b -> b.pollInterval(Duration.ofMinutes(1))
                .task("add", (input, ctx) -> Map.of("x", input.get("x").asInt() + 1))
                .task("echo", (input, ctx) -> input)
                .task("waitForCancel", (input, ctx) -> {
                    while (!ctx.cancelled()) {
                        Thread.sleep(10);
                    }
                    return "noticed";
                }));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    @Test
    void sequentialTasksCheckpointAtEveryAwaitAndLogOnce() {
        engine.flow("steps", """
                let a = await Task.run("add", {x: Inputs.start})
                print("after one", a.x)
                let b = await Task.run("add", {x: a.x})
                print("after two", b.x)
                return b
                """);
        WorkflowHandle handle = engine.start("steps", "{\"start\": 1}");
        assertCompleted("{\"x\":3}", handle.result(Duration.ofSeconds(30)));
        assertEquals(List.of("after one 2", "after two 3"),
                engine.column("SELECT line FROM log_lines WHERE execution_id = '" + handle.id() + "' ORDER BY seq"));
        assertEquals(List.of("completed", "completed"),
                engine.column("SELECT status FROM executions WHERE parent_id = '" + handle.id() + "'"));
        assertEquals("0", engine.one("SELECT count(*) FROM checkpoints"), "a finished workflow keeps no checkpoint");
        assertEquals("0", engine.one("SELECT count(*) FROM queue_items"));
        assertEquals("0", engine.one("SELECT count(*) FROM inbox"));
    }

    @Test
    void promiseAllFansOutAndKeepsOrder() {
        engine.flow("fan2", """
                let ps = []
                for (let i = 0; i < 5; i++) { ps.push(Task.run("add", {x: i * 10})) }
                let r = await Promise.all(ps)
                let xs = []
                for (let v of r) { xs.push(v.x) }
                return xs
                """);
        assertCompleted("[1,11,21,31,41]", engine.run("fan2", "{}"));
    }

    @Test
    void aTimerFiresOnTimeWithoutAPoll() {
        engine.flow("sleepy", """
                let before = Date.now()
                await Timer.delay(0.3)
                return Date.now() - before >= 300
                """);
        long start = System.nanoTime();
        assertCompleted("true", engine.run("sleepy", "{}"));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // The poll is a minute: only waking at the due time can end this in seconds.
        assertTrue(tookMillis < 20_000, "took " + tookMillis + " ms");
    }

    @Test
    void timersBeyondAnyTimestampNeverFireAndLoseTheirRace() {
        // 1e20 s and 1e13 s are past PostgreSQL's last timestamp: stored as 'infinity', not an error.
        engine.flow("forever", """
                let before = Date.now()
                await Promise.race([Timer.delay(1e20), Timer.delay(1e13), Timer.delay(1e300),
                                    Timer.until(1e20), Timer.delay(0.2)])
                let waited = Date.now() - before
                let late = Signal.next("late", {timeout: 1e20})
                await Timer.delay(0.2)
                return [waited >= 200, waited < 30000]
                """);
        WorkflowHandle handle = engine.start("forever", "{}");
        assertCompleted("[true,true]", handle.result(Duration.ofSeconds(30)));
        assertEquals("0", engine.one("SELECT count(*) FROM queue_items"), "no wake-up at infinity");
    }

    @Test
    void aWorkflowWaitingOnlyForAnEndlessTimerWaitsWithoutAWakeUp() throws InterruptedException {
        engine.flow("endless", """
                await Timer.delay(1e20)
                return "never"
                """);
        WorkflowHandle handle = engine.start("endless", "{}");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!engine.one("SELECT status FROM executions WHERE id = '" + handle.id() + "'").equals("waiting")) {
            assertTrue(System.nanoTime() < deadline, "the workflow never reached its await");
            Thread.sleep(20);
        }
        assertEquals(List.of("infinity"), engine.column("SELECT fire_at::text FROM timers WHERE execution_id = '"
                + handle.id() + "'"));
        assertEquals("0", engine.one("SELECT count(*) FROM queue_items WHERE execution_id = '" + handle.id() + "'"));
    }

    @Test
    void signalsAreBufferedConsumedInOrderAndExactlyOnce() {
        engine.flow("approve", """
                let first = await Signal.next("vote")
                let second = await Signal.next("vote")
                await Signal.next("done")
                return [first, second]
                """);
        WorkflowHandle handle = engine.start("approve", "{}");
        handle.signal("vote", "\"yes\"");
        handle.signal("vote", "\"no\"");
        handle.signal("vote", "\"extra\"");
        handle.signal("done", "null");
        assertCompleted("[\"yes\",\"no\"]", handle.result(Duration.ofSeconds(30)));
        assertEquals(List.of("yes:t", "no:t", "extra:f"), engine.column(
                "SELECT payload::json #>> '{}' || ':' || (consumed_at IS NOT NULL) FROM signals WHERE name = 'vote' ORDER BY id")
                .stream().map(s -> s.replace("true", "t").replace("false", "f")).toList());
    }

    @Test
    void aSignalWaitTimesOut() {
        engine.flow("impatient", """
                try {
                  await Signal.next("never", {timeout: 0.2})
                  return "got one"
                } catch (e) {
                  return e.name
                }
                """);
        assertCompleted("\"TimeoutError\"", engine.run("impatient", "{}"));
    }

    @Test
    void childWorkflowsReturnAndFail() {
        engine.flow("child", """
                if (Inputs.fail) { throw Error("child says no") }
                return {doubled: Inputs.n * 2}
                """);
        engine.flow("parent", """
                let ok = await Workflow.run("child", {n: 21})
                try {
                  await Workflow.run("child", {fail: true})
                } catch (e) {
                  return [ok.doubled, e.name, e.cause.message]
                }
                """);
        assertCompleted("[42,\"WorkflowError\",\"child says no\"]", engine.run("parent", "{}"));
    }

    @Test
    void anUnknownChildFailsWithAClearError() {
        engine.flow("orphan", """
                try { await Workflow.run("nobody", {}) } catch (e) { return e.cause.message }
                """);
        assertCompleted("\"No workflow named 'nobody' is deployed.\"", engine.run("orphan", "{}"));
    }

    @Test
    void cancellationReachesTheAwaitTheTasksAndTheChildren() throws Exception {
        engine.flow("sleeper", """
                await Timer.delay(3600)
                return "woke"
                """);
        engine.flow("cancellable", """
                let child = Workflow.run("sleeper", {}, {id: "sleeper-of-" + Context.executionId})
                let task = Task.run("waitForCancel", {})
                try {
                  await Promise.all([child, task])
                } catch (e) {
                  print("caught", e.name)
                  throw e
                }
                """);
        WorkflowHandle handle = engine.start("cancellable", "{}");
        awaitTrue(() -> engine.column("SELECT 1 FROM executions WHERE status = 'waiting' AND id = 'sleeper-of-" + handle.id() + "'").size() == 1);
        handle.cancel();
        WorkflowResult result = handle.result(Duration.ofSeconds(30));
        assertEquals(ExecutionStatus.CANCELLED, result.status());
        assertTrue(result.errorJson().contains("CancelledError"), result.errorJson());
        assertEquals(List.of("caught CancelledError"),
                engine.column("SELECT line FROM log_lines WHERE execution_id = '" + handle.id() + "'"));
        assertEquals(ExecutionStatus.CANCELLED, engine.client.handle("sleeper-of-" + handle.id()).result(Duration.ofSeconds(30)).status());
        // The running task saw the cancellation through its context and ended.
        awaitTrue(() -> engine.column("SELECT result FROM executions WHERE kind = 'task' AND finished_at IS NOT NULL").contains("\"noticed\""));
    }

    @Test
    void aRunningExecutionKeepsItsVersionAfterARedeploy() {
        engine.flow("versioned", """
                await Signal.next("go")
                return "v1"
                """);
        WorkflowHandle old = engine.start("versioned", "{}");
        awaitTrue(() -> ExecutionStatus.WAITING.equals(old.status()));
        engine.flow("versioned", """
                await Signal.next("go")
                return "v2"
                """);
        WorkflowHandle fresh = engine.start("versioned", "{}");
        old.signal("go", "1");
        fresh.signal("go", "1");
        assertCompleted("\"v1\"", old.result(Duration.ofSeconds(30)));
        assertCompleted("\"v2\"", fresh.result(Duration.ofSeconds(30)));
    }

    @Test
    void startingAnExistingIdReturnsTheSameExecution() {
        engine.flow("once", """
                print("ran")
                return await Task.run("echo", Inputs)
                """);
        WorkflowHandle a = engine.client.start("once", "{\"n\":1}", StartOptions.DEFAULT.withId("the-one"));
        WorkflowHandle b = engine.client.start("once", "{\"n\":2}", StartOptions.DEFAULT.withId("the-one"));
        assertEquals(a.id(), b.id());
        assertCompleted("{\"n\":1}", b.result(Duration.ofSeconds(30)));
        assertEquals("1", engine.one("SELECT count(*) FROM log_lines"));
    }

    @Test
    void describeNamesTheLineAndWhatTheWorkflowWaitsFor() {
        engine.flow("waits", """
                let x = 1
                await Signal.next("approve")
                return x
                """);
        WorkflowHandle handle = engine.start("waits", "{}");
        awaitTrue(() -> ExecutionStatus.WAITING.equals(handle.status()));
        var description = handle.describe();
        assertEquals("waits.flow:2:1", description.waitingAt());
        assertEquals(List.of("signal approve"), description.waitingFor());
    }

    @Test
    void anUncaughtErrorFailsTheWorkflowWithItsLocation() {
        engine.flow("broken", """
                let o = null
                return o.k
                """);
        WorkflowResult result = engine.run("broken", "{}");
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertTrue(result.errorJson().contains("\"name\":\"TypeError\""), result.errorJson());
        assertTrue(result.errorJson().contains("\"file\":\"broken.flow\",\"line\":2"), result.errorJson());
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition) {
        CountDownLatch never = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                never.await(20, TimeUnit.MILLISECONDS); // a short pause between looks at the database
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
