package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.Description;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.core.ExecutionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workers table: a row per running worker, heartbeats, pruning, and describe()'s hint about unserved queues. */
class WorkerRegistryTest {

    @TempDir
    Path flows;

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = new Engine("registry", flows);
        engine.flow("elsewhere", """
                return await Task.run("noop", {}, {queue: "elsewhere"})
                """);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    @Test
    void aWorkerHasARowWhileItRunsAndHeartbeatsIt() throws InterruptedException {
        Worker worker = engine.worker(b -> b.queues("one", "two").concurrency(3).heartbeatInterval(Duration.ofMillis(100)));
        String row = "SELECT %s FROM workers WHERE id = '" + worker.id() + "'";
        assertEquals("{one,two}", engine.one(row.formatted("queues")));
        assertEquals("3", engine.one(row.formatted("concurrency")));
        assertEquals(String.valueOf(ProcessHandle.current().pid()), engine.one(row.formatted("pid")));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (engine.one(row.formatted("last_seen > started_at")).equals("f")) {
            assertTrue(System.nanoTime() < deadline, "no heartbeat");
            Thread.sleep(50); // no event to wait on: the row is polled, with a deadline
        }

        worker.shutdown();
        assertTrue(worker.awaitTermination(Duration.ofSeconds(30)));
        assertEquals(List.of(), engine.column(row.formatted("id")));
    }

    @Test
    void rowsOfWorkersThatDiedLongAgoArePruned() {
        engine.one("INSERT INTO workers (id, host, pid, queues, concurrency, last_seen)"
                + " VALUES ('dead', 'h', 1, '{default}', 1, now() - interval '2 hours') RETURNING id");
        engine.one("INSERT INTO workers (id, host, pid, queues, concurrency, last_seen)"
                + " VALUES ('late', 'h', 1, '{default}', 1, now() - interval '2 minutes') RETURNING id");
        Worker worker = engine.worker(b -> b);
        assertEquals(List.of("late", worker.id()), engine.column("SELECT id FROM workers ORDER BY id = '" + worker.id() + "', id"));
    }

    @Test
    void describeSaysWhenNoWorkerServesTheQueueAnExecutionWaitsOn() throws InterruptedException {
        WorkflowHandle queued = engine.start("elsewhere", "{}");
        assertEquals(List.of("no worker has served queue default in the last 5 minutes; start one with `rondo worker --queue default`"),
                queued.describe().hints());

        engine.worker(b -> b);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Description waiting;
        while ((waiting = queued.describe()).status() != ExecutionStatus.WAITING) {
            assertTrue(System.nanoTime() < deadline, "never waited");
            Thread.sleep(50); // polled, with a deadline
        }
        assertEquals(List.of(Description.unservedQueueHint("elsewhere")), waiting.hints());

        engine.worker(b -> b.queues("elsewhere").task("noop", (input, ctx) -> "done"));
        assertEquals(ExecutionStatus.COMPLETED, queued.result(Duration.ofSeconds(30)).status());
        assertEquals(List.of(), queued.describe().hints());
    }
}
