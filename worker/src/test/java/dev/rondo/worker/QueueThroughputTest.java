package dev.rondo.worker;

import static dev.rondo.worker.Engine.assertCompleted;
import static dev.rondo.worker.WorkflowsOnTheEngineTest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.WorkflowHandle;
import dev.rondo.core.ExecutionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's per-queue finished counts (queue_throughput, V18) count every way an execution ends, each
 * once, on the queue it ran on: tasks that complete or fail, workflows that end, tasks cancelled before
 * they started, and whole trees terminated.
 */
class QueueThroughputTest {

    @TempDir
    Path flows;

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = new Engine("throughput", flows);
        engine.worker(b -> b.queues("default", "work").pollInterval(Duration.ofMinutes(1))
                .task("add", (input, ctx) -> Map.of("x", input.get("x").asInt() + 1))
                .task("refuse", (input, ctx) -> {
                    throw new IllegalStateException("no");
                }));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    private List<String> counts() {
        return engine.column("SELECT queue || '=' || sum(finished) FROM queue_throughput GROUP BY queue ORDER BY queue");
    }

    @Test
    void everyEndIsCountedOnceOnItsQueue() {
        engine.flow("three", """
                const all = await Promise.all([1, 2, 3].map((x) => Task.run("add", {x}, {queue: "work"})))
                try {
                    await Task.run("refuse", {}, {queue: "work", maxAttempts: 1})
                } catch (e) {
                }
                return all.length
                """);
        assertCompleted("3", engine.run("three", "{}"));
        assertCompleted("3", engine.run("three", "{}"));
        // 2 workflows on default; 8 tasks on work (6 completed, 2 failed)
        assertEquals(List.of("default=2", "work=8"), counts());

        // cancelled before it started (no worker serves "nobody"): the task ends with the cancel, its workflow after
        engine.flow("stranded", "await Task.run(\"add\", {x: 1}, {queue: \"nobody\"})\n");
        WorkflowHandle stranded = engine.start("stranded", "{}");
        awaitTrue(() -> engine.one("SELECT count(*) FROM executions WHERE parent_id = '" + stranded.id() + "'").equals("1"));
        stranded.cancel();
        assertEquals(ExecutionStatus.CANCELLED, stranded.result(Duration.ofSeconds(30)).status());
        assertEquals(List.of("default=3", "nobody=1", "work=8"), counts());

        // terminated while waiting, with a task no worker serves: both end, each counted on its queue
        engine.flow("waiting", """
                const stuck = Task.run("add", {x: 1}, {queue: "nobody"})
                await Signal.next("go")
                return await stuck
                """);
        WorkflowHandle waiting = engine.start("waiting", "{}");
        awaitTrue(() -> engine.one("SELECT status FROM executions WHERE id = '" + waiting.id() + "'").equals("waiting"));
        assertTrue(waiting.terminate("test"));
        assertEquals(List.of("default=4", "nobody=2", "work=8"), counts());
    }
}
