package dev.rondo.worker;

import static dev.rondo.worker.Engine.assertCompleted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.WorkflowHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Handlers cannot starve the engine: handlers that spin and ignore interruption are failed at their
 * deadline, their leases are let go, the worker keeps running workflow slices, and it claims no task
 * attempts while all its handler slots are held by such handlers.
 */
class HandlerIsolationTest {

    @TempDir
    Path flows;

    private Engine engine;
    /** The spinners spin until the test ends (they ignore interrupts), then return. */
    private volatile boolean released;
    private final CountDownLatch spinning = new CountDownLatch(2);

    private Worker worker(int concurrency) {
        engine = new Engine("isolation", flows);
        engine.flow("spinning", """
                try { await Task.run("spin", {}, {timeout: 1, maxAttempts: 1}) } catch (e) { return e.message }
                """);
        engine.flow("plain", """
                await Timer.delay(0.05)
                return "done"
                """);
        engine.flow("chore", """
                return await Task.run("noop", {})
                """);
        return engine.worker(b -> b.concurrency(concurrency)
                .task("spin", (input, ctx) -> {
                    spinning.countDown();
                    long spins = 0;
                    while (!released) {
                        spins++; // busy: no blocking call, so an interrupt changes nothing
                    }
                    return spins;
                })
                .task("noop", (input, ctx) -> "ok"));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        released = true;
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void spinningHandlersAreFailedAtTheirDeadlineAndTheEngineKeepsItsPace() throws InterruptedException {
        Worker worker = worker(2);
        WorkflowHandle first = engine.start("spinning", "{}");
        WorkflowHandle second = engine.start("spinning", "{}");
        assertTrue(spinning.await(30, TimeUnit.SECONDS), "both spinners started");
        long started = System.nanoTime();

        // failed at the deadline (1 s), although the handlers never return: generous bounds, not a speed goal
        assertCompleted("\"Task 'spin' timed out after 1 seconds.\"", first.result(Duration.ofSeconds(30)));
        assertCompleted("\"Task 'spin' timed out after 1 seconds.\"", second.result(Duration.ofSeconds(30)));
        long failedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(failedAfter < 10_000, "the attempts were failed " + failedAfter + " ms after they started");
        // their leases are let go: the tasks are over and no item of theirs is held any more
        assertEquals("0", engine.one("SELECT count(*) FROM queue_items WHERE lease_owner = '" + worker.id() + "'"));

        // an unrelated workflow still runs on the same worker while both handlers spin
        assertCompleted("\"done\"", engine.start("plain", "{}").result(Duration.ofSeconds(30)));

        // a task attempt is not claimed while every handler slot is held by a stuck handler…
        WorkflowHandle chore = engine.start("chore", "{}");
        assertCompleted("\"done\"", engine.start("plain", "{}").result(Duration.ofSeconds(30)));
        assertEquals("0", engine.one("SELECT attempt FROM executions WHERE kind = 'task' AND name = 'noop'"));
        assertEquals("1", engine.one("SELECT count(*) FROM queue_items q JOIN executions e ON e.id = q.execution_id"
                + " WHERE e.name = 'noop' AND q.lease_owner IS NULL"));

        // …and is once one returns
        released = true;
        assertCompleted("\"ok\"", chore.result(Duration.ofSeconds(30)));
    }

    @Test
    void aHandlerThatNeverEndsDoesNotHoldTheWorkerOrTheProcess() throws InterruptedException {
        Worker worker = worker(1);
        WorkflowHandle spinner = engine.start("spinning", "{}");
        assertCompleted("\"Task 'spin' timed out after 1 seconds.\"", spinner.result(Duration.ofSeconds(30)));
        assertCompleted("\"done\"", engine.start("plain", "{}").result(Duration.ofSeconds(30)));

        // the worker stops although the handler still spins (on a daemon thread, so the process can exit too)
        worker.shutdown();
        assertTrue(worker.awaitTermination(Duration.ofSeconds(20)), "the worker stopped");
        assertEquals(false, released);
    }
}
