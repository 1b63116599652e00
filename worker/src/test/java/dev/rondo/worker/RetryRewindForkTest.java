package dev.rondo.worker;

import static dev.rondo.worker.Engine.assertCompleted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.RefusedAction;
import dev.rondo.client.StartOptions;
import dev.rondo.client.Step;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.RondoException;
import dev.rondo.worker.internal.SliceTestHook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retry, rewind and fork against the engine with a worker running (docs/operations.md): what runs
 * again and what does not, the checkpoint history and its bounds, every refusal, and the race with a slice
 * in flight.
 */
class RetryRewindForkTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path flows;

    private Engine engine;
    /** How many times each task ran, by task name and input n (e.g. "step 2"). */
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final AtomicBoolean flakyFails = new AtomicBoolean(true);
    private final CountDownLatch releaseHeld = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        engine = new Engine("steer", flows);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        SliceTestHook.set(null);
        releaseHeld.countDown();
        engine.close();
    }

    private int ran(String what) {
        return runs.getOrDefault(what, new AtomicInteger()).get();
    }

    private Worker.Builder tasks(Worker.Builder b) {
        return b.task("good", (input, ctx) -> {
                    runs.computeIfAbsent("good", k -> new AtomicInteger()).incrementAndGet();
                    return Map.of("good", true);
                })
                .task("flaky", (input, ctx) -> {
                    runs.computeIfAbsent("flaky", k -> new AtomicInteger()).incrementAndGet();
                    if (flakyFails.get()) {
                        throw new IllegalStateException("downstream is down");
                    }
                    return Map.of("flaky", ctx.attempt());
                })
                .task("step", (input, ctx) -> {
                    int n = input.get("n").asInt();
                    runs.computeIfAbsent("step " + n, k -> new AtomicInteger()).incrementAndGet();
                    if (input.path("hold").asBoolean(false)) {
                        releaseHeld.await();
                    }
                    return n;
                });
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20); // polling a condition with a deadline: no event tells of these rows
        }
    }

    private String operatorRows(String id) {
        return String.join("\n", engine.column("SELECT kind || ' ' || detail FROM history WHERE execution_id = '" + id
                + "' AND kind LIKE 'operator.%' ORDER BY seq"));
    }

    /** Moves execution {@code id} to the version of {@code name} deployed last, as `rondo upgrade` would. */
    private void moveToHead(String id, String name) {
        engine.column("UPDATE executions SET definition_hash = (SELECT hash FROM flow_heads WHERE name = '" + name
                + "') WHERE id = '" + id + "' RETURNING id");
    }

    // ---- retry

    @Test
    void aRetryGivesTheFailedTaskFreshAttemptsAndDeliversTheOutcomesItsStretchTookAgain() throws Exception {
        engine.flow("pair", """
                let p = Task.run("good", {}, {queue: "tasks"})
                let q = Task.run("flaky", {}, {queue: "tasks", maxAttempts: 2, backoff: {initial: 0.01, factor: 1}})
                let r = await Promise.all([p, q])
                return r
                """);
        Worker flows = engine.worker(b -> b.queues("default"));
        WorkflowHandle pair = engine.client.start("pair", "{}", StartOptions.DEFAULT.withId("pair-1"));
        await("it waits at its await", () -> pair.steps().size() == 1);
        flows.shutdown();
        assertTrue(flows.awaitTermination(WAIT));
        // both outcomes come in while no worker runs the workflow: its next slice takes both, and fails
        engine.worker(b -> tasks(b.queues("tasks")));
        await("both tasks ended", () -> engine.one("SELECT count(*) FROM executions WHERE kind = 'task' AND finished_at IS NOT NULL").equals("2"));
        engine.worker(b -> b.queues("default"));
        WorkflowResult failed = pair.result(WAIT);
        assertEquals(ExecutionStatus.FAILED, failed.status(), failed.resultJson());
        assertEquals(List.of("resolved", "task_failed"), engine.column("SELECT kind FROM inbox WHERE execution_id = 'pair-1' ORDER BY id"),
                "what the failing slice took is kept with its checkpoint");
        assertEquals("1", engine.one("SELECT count(*) FROM checkpoints WHERE execution_id = 'pair-1'"));

        flakyFails.set(false);
        engine.client.withOperator("ann@ops").handle("pair-1").retry();
        assertCompleted("[{\"good\":true},{\"flaky\":1}]", pair.result(WAIT));
        assertEquals(1, ran("good"), "the task that had succeeded is not run again");
        assertEquals(3, ran("flaky"), "two failed attempts, then one fresh one");
        assertEquals("1", engine.one("SELECT attempt FROM executions WHERE id = 'pair-1.t1'"), "its attempt count was reset");
        assertTrue(operatorRows("pair-1").startsWith("operator.retry {\"by\":\"ann@ops\",\"from\":\"the checkpoint at pair.flow:3:9\",\"fresh attempts\":\"pair-1.t1\"}"),
                operatorRows("pair-1"));
        RefusedAction again = assertThrows(RefusedAction.class, pair::retry);
        assertEquals(RefusedAction.Reason.NOT_FAILED, again.reason());
        assertEquals("Execution 'pair-1' is completed, not failed; only a failed execution can be retried.", again.getMessage());
    }

    @Test
    void aRetryAfterAnErrorInTheFlowsCodeRunsTheStretchAgainWithTheSameOutcomes() throws Exception {
        engine.worker(this::tasks);
        engine.flow("calc", """
                let x = await Task.run("step", {n: 1})
                if (x > 0) { throw {name: "BugError", message: "x is " + x} }
                return x
                """);
        WorkflowHandle calc = engine.start("calc", "{}");
        WorkflowResult failed = calc.result(WAIT);
        assertTrue(failed.errorJson().contains("x is 1"), failed.errorJson());
        // the fix, deployed and moved to (what `rondo upgrade` does)
        engine.flow("calc", """
                let x = await Task.run("step", {n: 1})
                if (x > 100) { throw {name: "BugError", message: "x is " + x} }
                return x
                """);
        moveToHead(calc.id(), "calc");
        calc.retry();
        assertCompleted("1", calc.result(WAIT));
        assertEquals(1, ran("step 1"), "the stretch got the task's outcome again; the task did not run again");
    }

    @Test
    void aFailureInTheFirstStretchIsRetriedFromTheStartWithoutRunningItsTasksAgain() throws Exception {
        engine.worker(this::tasks);
        engine.flow("early", """
                let t = Task.run("step", {n: 7})
                throw {name: "BugError", message: "too early"}
                """);
        WorkflowHandle early = engine.start("early", "{}");
        assertEquals(ExecutionStatus.FAILED, early.result(WAIT).status());
        assertEquals("0", engine.one("SELECT count(*) FROM checkpoints WHERE execution_id = '" + early.id() + "'"));
        await("its task ended", () -> ran("step 7") == 1
                && engine.one("SELECT status FROM executions WHERE id = '" + early.id() + ".t0'").equals("completed"));
        engine.flow("early", """
                let t = Task.run("step", {n: 7})
                return await t
                """);
        moveToHead(early.id(), "early");
        early.retry();
        assertCompleted("7", early.result(WAIT));
        assertEquals(1, ran("step 7"), "the task the first stretch started is the same task: its outcome is replayed");
        assertTrue(operatorRows(early.id()).contains("\"from\":\"the start (it failed before its first await)\""), operatorRows(early.id()));
    }

    @Test
    void aFailedChildIsRetriedWithItsParentAndThenCannotBeRetriedAlone() throws Exception {
        engine.worker(this::tasks);
        engine.flow("child", """
                return await Task.run("flaky", {}, {maxAttempts: 1})
                """);
        engine.flow("parent", """
                let c = await Workflow.run("child", {})
                return {child: c}
                """);
        WorkflowHandle parent = engine.start("parent", "{}");
        assertEquals(ExecutionStatus.FAILED, parent.result(WAIT).status());
        WorkflowHandle child = engine.client.handle(parent.id() + ".w0");
        assertEquals(ExecutionStatus.FAILED, child.status());
        RefusedAction alone = assertThrows(RefusedAction.class, child::retry);
        assertEquals(RefusedAction.Reason.PARENT_WENT_ON, alone.reason());
        assertTrue(alone.getMessage().contains("retry the parent ('rondo retry " + parent.id() + "')"), alone.getMessage());

        flakyFails.set(false);
        parent.retry();
        assertCompleted("{\"child\":{\"flaky\":1}}", parent.result(WAIT));
        assertEquals(ExecutionStatus.COMPLETED, child.status());
        assertTrue(operatorRows(child.id()).contains("\"for\":\"the retry or rewind of " + parent.id() + "\""), operatorRows(child.id()));
        assertEquals("0", engine.one("SELECT count(*) FROM inbox WHERE execution_id = '" + parent.id() + "'"));
    }

    @Test
    void aChildWhoseParentCaughtItsFailureCannotBeRetried() throws Exception {
        engine.worker(this::tasks);
        engine.flow("child", "return await Task.run(\"flaky\", {}, {maxAttempts: 1})\n");
        engine.flow("parent", """
                try { await Workflow.run("child", {}) } catch (e) { print("caught") }
                return await Signal.next("done")
                """);
        WorkflowHandle parent = engine.start("parent", "{}");
        await("the parent saw the failure", () -> parent.logs(0).size() == 1);
        RefusedAction refused = assertThrows(RefusedAction.class, () -> engine.client.handle(parent.id() + ".w0").retry());
        assertEquals(RefusedAction.Reason.PARENT_WENT_ON, refused.reason());
        assertTrue(refused.getMessage().contains("has already seen this failure and gone on"), refused.getMessage());
    }

    @Test
    void retryRefusesUnknownIds() {
        assertThrows(RondoException.UnknownExecution.class, () -> engine.client.handle("nobody").retry());
        assertThrows(RondoException.UnknownExecution.class, () -> engine.client.handle("nobody").rewind(1));
        assertThrows(RondoException.UnknownExecution.class, () -> engine.client.fork("nobody", null, null));
        assertThrows(RondoException.UnknownExecution.class, () -> engine.client.handle("nobody").steps());
    }

    // ---- history, rewind, fork

    private static final String THREE_STEPS = """
            let a = await Task.run("step", {n: 1})
            let s = await Signal.next("go")
            let b = await Task.run("step", {n: 2, hold: s.hold})
            return [a, s.word, b]
            """;

    @Test
    void stepsListEachAwaitAndARewindToStepOneCompletesAndSaysWhatItDidNotUndo() throws Exception {
        engine.worker(this::tasks);
        engine.flow("three", THREE_STEPS);
        WorkflowHandle three = engine.client.start("three", "{}", StartOptions.DEFAULT.withId("three-1"));
        await("it waits for the signal", () -> three.steps().size() == 2);
        three.signal("go", "{\"word\": \"hi\", \"hold\": true}");
        await("the held task runs", () -> ran("step 2") == 1);
        List<Step> steps = three.steps();
        assertEquals(List.of(1, 2, 3), steps.stream().map(Step::step).toList());
        assertEquals("three.flow:1:9", steps.get(0).waitingAt());
        assertEquals(List.of("task step"), steps.get(0).waitingFor());
        assertEquals(List.of("signal go"), steps.get(1).waitingFor());

        RefusedAction bad = assertThrows(RefusedAction.class, () -> three.rewind(9));
        assertEquals("Execution 'three-1' has no step 9 in its checkpoint history; the steps kept are 1 to 3"
                + " ('rondo steps three-1' lists them).", bad.getMessage());

        assertFalse(three.rewind(3), "it stands at step 3 already: nothing to do, nothing recorded");
        assertTrue(three.rewind(1));
        String rows = operatorRows("three-1");
        assertTrue(rows.contains("\"to\":\"step 1 at three.flow:1:9\",\"step\":\"4\""), rows);
        assertTrue(rows.contains("\"not undone\":\"task step (three-1.t2, queued)\""), rows); // a task is 'queued' until it ends
        assertTrue(rows.contains("\"signals given back\":\"1\""), rows);
        assertTrue(rows.contains("\"outcomes delivered again\":\"three-1.t0\""), rows);
        assertEquals(1, rows.lines().count(), "the rewind to where it stood recorded nothing");
        // the stretch after step 1 runs again: the signal is taken again, the second task starts under a new id
        await("the second task starts again", () -> ran("step 2") == 2);
        releaseHeld.countDown();
        assertCompleted("[1,\"hi\",2]", three.result(WAIT));
        assertEquals(1, ran("step 1"), "the task step 1 waited on is not run again");
        List<String> taskIds = engine.column("SELECT id FROM executions WHERE parent_id = 'three-1' ORDER BY id");
        assertEquals(3, taskIds.size(), taskIds.toString());
        assertEquals(3, taskIds.stream().distinct().count());
    }

    @Test
    void aForkStartsFromAStepAndCompletesOnItsOwnWhileItsOriginIsUntouched() throws Exception {
        engine.worker(this::tasks);
        engine.flow("three", THREE_STEPS);
        WorkflowHandle origin = engine.client.start("three", "{}", StartOptions.DEFAULT.withId("origin"));
        await("it waits for the signal", () -> origin.steps().size() == 2);
        String originCheckpoint = engine.one("SELECT state FROM checkpoints WHERE execution_id = 'origin'");

        WorkflowHandle fork = origin.fork(1, "forked");
        assertEquals("forked", fork.id());
        assertEquals(new WorkflowHandle.Origin("origin", 1), fork.forkedFrom().orElseThrow());
        assertTrue(origin.forkedFrom().isEmpty());
        assertEquals("forked", origin.fork(1, "forked").id(), "the same fork asked again");
        RefusedAction taken = assertThrows(RefusedAction.class, () -> origin.fork(2, "forked"));
        assertEquals(RefusedAction.Reason.ID_TAKEN, taken.reason());
        await("the fork waits for its own signal", () -> fork.steps().size() == 2);
        fork.signal("go", "{\"word\": \"forked\"}");
        assertCompleted("[1,\"forked\",2]", fork.result(WAIT));
        assertEquals(1, ran("step 1"), "the task the fork's step waited on had completed: its result was delivered");
        assertEquals(ExecutionStatus.WAITING, origin.status());
        assertEquals(originCheckpoint, engine.one("SELECT state FROM checkpoints WHERE execution_id = 'origin'"));
        assertTrue(operatorRows("origin").contains("operator.fork {\"by\":"), operatorRows("origin"));
        assertTrue(engine.one("SELECT count(*) FROM executions WHERE parent_id = 'forked'").equals("1"),
                "one task of its own: the step 2 task");

        WorkflowHandle latest = engine.client.fork("origin", null, null);
        assertTrue(latest.id().startsWith("origin-fork-"), latest.id());
        assertEquals(2, latest.forkedFrom().orElseThrow().step());
        latest.signal("go", "{\"word\": \"again\"}");
        assertCompleted("[1,\"again\",2]", latest.result(WAIT));
        RefusedAction noStep = assertThrows(RefusedAction.class, () -> origin.fork(7));
        assertEquals(RefusedAction.Reason.NO_SUCH_STEP, noStep.reason());
    }

    @Test
    void aForkIssuesTheTaskItsStepWaitsOnAgainUnderItsOwnId() throws Exception {
        engine.worker(this::tasks);
        engine.flow("three", THREE_STEPS);
        WorkflowHandle origin = engine.start("three", "{}");
        await("it waits for the signal", () -> origin.steps().size() == 2);
        origin.signal("go", "{\"word\": \"w\", \"hold\": true}");
        await("the held task runs", () -> ran("step 2") == 1);
        WorkflowHandle fork = origin.fork(3, "fork-3");
        await("the fork's own task runs", () -> ran("step 2") == 2);
        assertEquals("fork-3", engine.one("SELECT parent_id FROM executions WHERE id = 'fork-3.t2'"));
        releaseHeld.countDown();
        assertCompleted("[1,\"w\",2]", fork.result(WAIT));
        assertCompleted("[1,\"w\",2]", origin.result(WAIT));
    }

    @Test
    void aFailedExecutionCanBeRewoundToAnEarlierStep() throws Exception {
        engine.worker(this::tasks);
        engine.flow("late", """
                let a = await Task.run("step", {n: 1})
                let s = await Signal.next("go")
                let b = await Task.run("flaky", {}, {maxAttempts: 1})
                return [a, s, b]
                """);
        WorkflowHandle late = engine.start("late", "{}");
        await("it waits for the signal", () -> late.steps().size() == 2);
        late.signal("go", "\"first\"");
        assertEquals(ExecutionStatus.FAILED, late.result(WAIT).status());
        assertEquals(List.of(1, 2, 3), late.steps().stream().map(Step::step).toList(), "a failed execution keeps its steps");
        flakyFails.set(false);
        assertTrue(late.rewind(2));
        assertEquals(ExecutionStatus.WAITING, late.status());
        assertTrue(operatorRows(late.id()).contains("\"was\":\"failed\""), operatorRows(late.id()));
        assertCompleted("[1,\"first\",{\"flaky\":1}]", late.result(WAIT));
        assertEquals(2, ran("flaky"), "the code after step 2 ran again and started the task again, under a new id");
        assertEquals(1, ran("step 1"));
    }

    @Test
    void aRewindOrForkOfAnExecutionThatCannotIsRefused() throws Exception {
        engine.worker(this::tasks);
        engine.flow("one", "return await Task.run(\"step\", {n: 1})\n");
        WorkflowHandle done = engine.start("one", "{}");
        assertCompleted("1", done.result(WAIT));
        RefusedAction completed = assertThrows(RefusedAction.class, () -> done.rewind(1));
        assertEquals(RefusedAction.Reason.NOT_REWINDABLE, completed.reason());
        assertEquals("Execution '" + done.id() + "' is completed; only a waiting, paused or failed execution can be rewound.",
                completed.getMessage());
        RefusedAction nothing = assertThrows(RefusedAction.class, done::fork);
        assertTrue(nothing.getMessage().contains("has no checkpoint to fork from"), nothing.getMessage());
        assertTrue(done.steps().isEmpty(), "a completed execution keeps no history by default");
        assertThrows(IllegalArgumentException.class, () -> done.fork(1, "bad.t1"));
    }

    @Test
    void theHistoryKeepsTheLastStepsAndOutlivesTheEndOnlyWhenAsked() throws Exception {
        engine.worker(b -> tasks(b).checkpointHistory(3).keepCheckpointHistoryAfterEnd(true));
        engine.flow("loop", """
                let total = 0
                for (let i = 0; i < 10; i++) { total += await Task.run("step", {n: i}) }
                return total
                """);
        WorkflowHandle loop = engine.start("loop", "{}");
        assertCompleted("45", loop.result(WAIT));
        assertEquals(List.of(8, 9, 10), loop.steps().stream().map(Step::step).toList(), "the last 3 of 10 awaits");
        WorkflowHandle fork = loop.fork(9);
        assertCompleted("45", fork.result(WAIT));
        assertEquals("0", engine.one("SELECT count(*) FROM checkpoints WHERE execution_id = '" + loop.id() + "'"));
        engine.client.prune(dev.rondo.client.PruneOptions.olderThan(Duration.ZERO));
        assertEquals("0", engine.one("SELECT count(*) FROM checkpoint_history"), "they went with their executions");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Worker.builder(engine.dataSource).checkpointHistory(-1));
        assertEquals("The checkpoint history keeps 0 to 1000000 steps per execution, not -1.", bad.getMessage());
        assertTrue(Worker.builder(engine.dataSource).checkpointHistory(3).build().configuration()
                .contains("checkpoint history 3 steps"));
    }

    @Test
    void theHistoryIsDroppedAtTheEndByDefault() throws Exception {
        engine.worker(this::tasks);
        engine.flow("two", "let a = await Task.run(\"step\", {n: 1})\nlet b = await Task.run(\"step\", {n: 2})\nreturn a + b\n");
        WorkflowHandle two = engine.start("two", "{}");
        assertCompleted("3", two.result(WAIT));
        assertEquals("0", engine.one("SELECT count(*) FROM checkpoint_history"));
    }

    // ---- the race with a slice in flight

    @Test
    void aRetryWaitsForTheSliceInFlightThatFailsTheExecution() throws Exception {
        CountDownLatch inSlice = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        AtomicBoolean held = new AtomicBoolean();
        // holds the slice that takes the task's failure (the task runs only after the slice before committed)
        SliceTestHook.set(name -> {
            if (name.equals("racy") && ran("flaky") >= 1 && held.compareAndSet(false, true)) {
                inSlice.countDown();
                try {
                    letGo.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        engine.worker(this::tasks);
        engine.flow("racy", """
                let x = await Signal.next("go")
                return await Task.run("flaky", {}, {maxAttempts: 1})
                """);
        WorkflowHandle racy = engine.start("racy", "{}");
        await("it waits", () -> racy.steps().size() == 1);
        racy.signal("go", "1");
        // the slice that takes the failure (and fails the workflow) holds the lock; a retry now must wait for it
        assertTrue(inSlice.await(60, TimeUnit.SECONDS));
        CompletableFuture<Void> retry = CompletableFuture.runAsync(racy::retry);
        assertThrows(TimeoutException.class, () -> retry.get(500, TimeUnit.MILLISECONDS),
                "the retry waits for the slice's lock");
        flakyFails.set(false);
        letGo.countDown();
        retry.get(60, TimeUnit.SECONDS);
        assertCompleted("{\"flaky\":1}", racy.result(WAIT));
    }

    @Test
    void aRewindWaitsForTheSliceInFlightAndGoesBackFromWhatItCommitted() throws Exception {
        CountDownLatch inSlice = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        AtomicBoolean hold = new AtomicBoolean(false);
        SliceTestHook.set(name -> {
            if (name.equals("three") && hold.getAndSet(false)) {
                inSlice.countDown();
                try {
                    letGo.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        engine.worker(this::tasks);
        engine.flow("three", THREE_STEPS);
        WorkflowHandle three = engine.start("three", "{}");
        await("it waits for the signal", () -> three.steps().size() == 2);
        hold.set(true);
        three.signal("go", "{\"word\": \"x\", \"hold\": true}");
        assertTrue(inSlice.await(60, TimeUnit.SECONDS));
        CompletableFuture<Boolean> rewind = CompletableFuture.supplyAsync(() -> three.rewind(2));
        assertThrows(TimeoutException.class, () -> rewind.get(500, TimeUnit.MILLISECONDS));
        letGo.countDown();
        assertTrue(rewind.get(60, TimeUnit.SECONDS));
        // the slice committed step 3 and started the task; the rewind came after it and gave the signal back
        String rows = operatorRows(three.id());
        assertTrue(rows.contains("\"step\":\"4\""), rows);
        assertTrue(rows.contains("\"signals given back\":\"1\""), rows);
        releaseHeld.countDown();
        assertCompleted("[1,\"x\",2]", three.result(WAIT));
    }
}
