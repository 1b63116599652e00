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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by the chaos suite (a PostgreSQL restart longer than the lease): a worker whose lease on a task ran
 * out, and which then claimed the same task again itself, must not have the end of the stale attempt
 * accepted. Before the fix the items were fenced by worker only, so attempt 1's result was kept, the task
 * counted one attempt, and attempt 2, which had run too, was unaccounted for.
 */
class StaleAttemptTest {

    @TempDir
    Path flows;

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = new Engine("stale_attempt", flows);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    @Test
    void theEndOfAnAttemptWhoseLeaseRanOutIsNotKeptWhenTheSameWorkerRunsTheNextOne() throws Exception {
        engine.flow("once", "return await Task.run(\"work\", {}, {backoff: {initial: 0.1, factor: 1, max: 0.1}})\n");
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch secondMayEnd = new CountDownLatch(1);
        // a long lease, so the test's own expiry below is not undone by a renewal before the rescue sees it
        engine.worker(b -> b.lease(Duration.ofSeconds(30)).rescueInterval(Duration.ofMillis(100)).task("work", (input, ctx) -> {
            if (ctx.attempt() == 1) {
                firstStarted.countDown();
                firstMayEnd.await();
                return "first";
            }
            secondStarted.countDown();
            secondMayEnd.await();
            return "second";
        }));
        WorkflowHandle handle = engine.start("once", "{}");
        assertTrue(firstStarted.await(30, TimeUnit.SECONDS));
        // the lease runs out as when the database was away longer than the lease
        engine.column("UPDATE queue_items SET lease_expires_at = now() - interval '1 second'"
                + " WHERE execution_id LIKE '" + handle.id() + ".t%' RETURNING id");
        assertTrue(secondStarted.await(30, TimeUnit.SECONDS), "the same worker runs attempt 2");
        firstMayEnd.countDown();
        // the stale attempt's end goes through the batching finisher; give it the time to be (wrongly) kept
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < deadline && !"completed".equals(engine.one("SELECT status FROM executions WHERE kind = 'task' AND parent_id = '" + handle.id() + "'"))) {
            Thread.sleep(20);
        }
        secondMayEnd.countDown();
        assertCompleted("\"second\"", handle.result(Duration.ofSeconds(30)));
        assertEquals("2", engine.one("SELECT attempt FROM executions WHERE kind = 'task' AND parent_id = '" + handle.id() + "'"));
    }
    @Test
    void aStaleAttemptThatFailsDoesNotFreeTheItemUnderTheNextAttempt() throws Exception {
        engine.flow("retried", "return await Task.run(\"work\", {}, {maxAttempts: 5, backoff: {initial: 0.1, factor: 1, max: 0.1}})\n");
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch secondMayEnd = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        engine.worker(b -> b.lease(Duration.ofSeconds(30)).rescueInterval(Duration.ofMillis(100)).task("work", (input, ctx) -> {
            calls.incrementAndGet();
            if (ctx.attempt() == 1) {
                firstStarted.countDown();
                firstMayEnd.await();
                throw new IllegalStateException("the stale attempt fails");
            }
            secondStarted.countDown();
            secondMayEnd.await();
            return "second";
        }));
        WorkflowHandle handle = engine.start("retried", "{}");
        assertTrue(firstStarted.await(30, TimeUnit.SECONDS));
        engine.column("UPDATE queue_items SET lease_expires_at = now() - interval '1 second'"
                + " WHERE execution_id LIKE '" + handle.id() + ".t%' RETURNING id");
        assertTrue(secondStarted.await(30, TimeUnit.SECONDS), "the same worker runs attempt 2");
        firstMayEnd.countDown();
        // before the fence the stale retry freed the item (and set the count back), so a third attempt
        // started beside the second within the 0.1 s backoff
        Thread.sleep(1500);
        assertEquals(2, calls.get(), "no attempt runs beside attempt 2");
        secondMayEnd.countDown();
        assertCompleted("\"second\"", handle.result(Duration.ofSeconds(30)));
        assertEquals("2", engine.one("SELECT attempt FROM executions WHERE kind = 'task' AND parent_id = '" + handle.id() + "'"));
    }
}
