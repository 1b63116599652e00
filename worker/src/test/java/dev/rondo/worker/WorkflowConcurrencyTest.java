package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.Description;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workflow concurrency key: a start over the limit waits, says so in describe, and runs when the holder ends. */
class WorkflowConcurrencyTest {

    @TempDir
    Path flows;

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = new Engine("workflow_concurrency", flows);
        engine.flow("three", """
                const all = []
                for (const i of [1, 2, 3]) {
                  all.push(Task.run("slow", {i}, {concurrency: {key: "acct-9", limit: 1}}))
                }
                return await Promise.all(all)
                """);
        engine.flow("hold", """
                await Signal.next("go")
                return Inputs.n
                """);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    @Test
    void aSecondStartOfAKeyWaitsForTheFirstToEnd() throws Exception {
        engine.worker(b -> b);
        engine.worker(b -> b);
        StartOptions acct42 = StartOptions.DEFAULT.withConcurrency("acct-42", 1);
        WorkflowHandle first = engine.client.start("hold", "{\"n\": 1}", acct42);
        WorkflowHandle second = engine.client.start("hold", "{\"n\": 2}", acct42);
        WorkflowHandle other = engine.client.start("hold", "{\"n\": 3}", StartOptions.DEFAULT.withConcurrency("acct-7", 1));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!first.describe().status().text().equals("waiting") || !other.describe().status().text().equals("waiting")) {
            assertTrue(System.nanoTime() < deadline, "the first of each key runs");
            Thread.sleep(20);
        }
        Description waiting = second.describe();
        assertEquals("queued", waiting.status().text());
        assertEquals(List.of("waiting for concurrency slot acct-42 (1/1 in use)"), waiting.hints());
        first.signal("go", "true");
        Engine.assertCompleted("1", first.result(Duration.ofSeconds(10)));
        deadline = System.nanoTime() + 10_000_000_000L;
        while (!second.describe().status().text().equals("waiting")) {
            assertTrue(System.nanoTime() < deadline, "the second runs once the first ended");
            Thread.sleep(20);
        }
        second.signal("go", "true");
        other.signal("go", "true");
        Engine.assertCompleted("2", second.result(Duration.ofSeconds(10)));
        Engine.assertCompleted("3", other.result(Duration.ofSeconds(10)));
    }

    @Test
    void aKeyedStartInTheCallersTransactionIsAdmittedAtItsCommitNotAtTheNextSweep() throws Exception {
        engine.worker(b -> b); // the default poll interval: an idle admitter sweeps only every 60 s
        Thread.sleep(2_500); // past the worker's first sweeps, which found nothing waiting
        WorkflowHandle started;
        try (java.sql.Connection connection = engine.dataSource.getConnection()) {
            connection.setAutoCommit(false);
            started = engine.client.start(connection, "hold", "{\"n\": 5}", StartOptions.DEFAULT.withConcurrency("acct-5", 1));
            connection.commit(); // the client could not admit it inside the transaction; the NOTIFY at commit does
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!started.describe().status().text().equals("waiting")) {
            assertTrue(System.nanoTime() < deadline, "admitted within seconds of the commit, not at the 60 s sweep");
            Thread.sleep(20);
        }
        started.signal("go", "true");
        Engine.assertCompleted("5", started.result(Duration.ofSeconds(10)));
    }

    @Test
    void cancellingAWorkflowEndsItsTasksThatWaitForASlotWithoutRunningThem() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();
        engine.worker(b -> b.task("slow", (input, ctx) -> {
            ran.incrementAndGet();
            release.await();
            return input;
        }));
        WorkflowHandle three = engine.start("three", "{}");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!engine.one("SELECT count(*) FROM concurrency_waiting").equals("2")) {
            assertTrue(System.nanoTime() < deadline, "one task runs, two wait");
            Thread.sleep(20);
        }
        List<String> hints = three.describe().hints();
        assertEquals(2, hints.size(), hints.toString());
        assertTrue(hints.stream().allMatch(h -> h.startsWith("waiting for concurrency slot acct-9 (1/1 in use): task " + three.id() + ".t")),
                hints.toString());
        three.cancel();
        assertEquals("cancelled", three.result(Duration.ofSeconds(10)).status().text());
        release.countDown();
        assertEquals("0", engine.one("SELECT count(*) FROM concurrency_waiting"));
        assertEquals("2", engine.one("SELECT count(*) FROM executions WHERE parent_id = '" + three.id()
                + "' AND status = 'cancelled' AND started_at IS NULL"), "the two waiting tasks ended without running");
        assertEquals(1, ran.get());
    }
}
