package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.ExecutionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two workers share 2,000 workflows of 5 tasks and a signal each; halfway through one of them is stopped
 * with shutdownNow (its running attempts are handed back) and a third takes its place. Every task must
 * have run exactly once, and every log line, checkpoint and signal must have happened exactly once.
 */
class ClusterTest {

    private static final int WORKFLOWS = Integer.getInteger("rondo.cluster.workflows", 2_000);
    private static final int TASKS = 5;

    @TempDir
    Path flows;

    private Engine engine;
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final AtomicInteger ended = new AtomicInteger();

    @BeforeEach
    void setUp() {
        engine = new Engine("cluster", flows);
        engine.flow("pipeline", """
                let total = 0
                for (let i = 0; i < 5; i++) {
                  let r = await Task.run("step", {i: i})
                  total += r.i
                  print("step " + i)
                }
                let go = await Signal.next("go")
                return {total: total, go: go}
                """);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    private Worker.Builder configured(Worker.Builder b) {
        return b.concurrency(16).task("step", (input, ctx) -> {
            // a task completes only once its run is counted; an interrupted run is handed back, not counted
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            runs.computeIfAbsent(ctx.executionId(), k -> new AtomicInteger()).incrementAndGet();
            ended.incrementAndGet();
            return input;
        });
    }

    @Test
    void everyTaskRunsOnceAndEverythingHappensExactlyOnce() throws Exception {
        Worker first = engine.worker(this::configured);
        engine.worker(this::configured);
        List<WorkflowHandle> handles = new ArrayList<>();
        for (int i = 0; i < WORKFLOWS; i++) {
            WorkflowHandle handle = engine.start("pipeline", "{}");
            handle.signal("go", Integer.toString(i));
            handles.add(handle);
        }
        WorkflowsOnTheEngineTest.awaitTrue(() -> ended.get() >= WORKFLOWS * TASKS / 2);
        first.shutdownNow();
        engine.worker(this::configured);
        long started = System.nanoTime();
        for (int i = 0; i < WORKFLOWS; i++) {
            WorkflowResult result;
            try {
                result = handles.get(i).result(Duration.ofMinutes(3));
            } catch (RuntimeException e) {
                String id = handles.get(i).id();
                throw new AssertionError("stuck: " + engine.column("SELECT e.id || ' ' || e.kind || ' ' || e.status || ' ' || coalesce(q.lease_owner, '-') || ' '"
                        + " || coalesce(q.run_at::text, 'no item') || ' ' || coalesce(c.waiting_at, '') FROM executions e"
                        + " LEFT JOIN queue_items q ON q.execution_id = e.id LEFT JOIN checkpoints c ON c.execution_id = e.id"
                        + " WHERE e.id = '" + id + "' OR e.parent_id = '" + id + "'")
                        + " inbox " + engine.column("SELECT kind || ' ' || promise FROM inbox WHERE execution_id = '" + id + "'")
                        + " unfinished " + engine.one("SELECT count(*) FROM executions WHERE finished_at IS NULL"), e);
            }
            assertEquals(ExecutionStatus.COMPLETED, result.status(), result::errorJson);
            assertEquals("{\"total\":10,\"go\":" + i + "}", result.resultJson());
        }
        System.out.printf("cluster: %d workflows ended %.1f s after the last start%n", WORKFLOWS, (System.nanoTime() - started) / 1e9);
        assertEquals(WORKFLOWS * TASKS, runs.size(), "task executions that ran");
        assertEquals(List.of(), runs.entrySet().stream().filter(e -> e.getValue().get() != 1).map(Map.Entry::getKey).toList(),
                "tasks that ran more than once");
        assertEquals(String.valueOf(WORKFLOWS * TASKS), engine.one("SELECT count(*) FROM executions WHERE kind = 'task' AND status = 'completed'"));
        assertEquals(String.valueOf(WORKFLOWS * TASKS), engine.one("SELECT count(*) FROM log_lines"));
        assertEquals("0", engine.one("SELECT count(*) FROM (SELECT execution_id, line FROM log_lines GROUP BY 1, 2 HAVING count(*) > 1) d"),
                "log lines written twice");
        assertEquals(String.valueOf(WORKFLOWS), engine.one("SELECT count(*) FROM signals WHERE consumed_at IS NOT NULL"));
        // One checkpoint per task await, each written once (a redone slice would repeat its history row).
        assertEquals(String.valueOf(WORKFLOWS * TASKS), engine.one("SELECT count(*) FROM history WHERE kind = 'waiting' AND detail LIKE 'pipeline.flow:3:%'"));
        assertEquals("0", engine.one("SELECT count(*) FROM queue_items"));
        assertEquals("0", engine.one("SELECT count(*) FROM inbox"));
        assertEquals("0", engine.one("SELECT count(*) FROM checkpoints"));
    }
}
