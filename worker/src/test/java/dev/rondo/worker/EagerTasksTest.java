package dev.rondo.worker;

import static dev.rondo.worker.Engine.assertCompleted;
import static dev.rondo.worker.WorkflowsOnTheEngineTest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.worker.internal.SliceTestHook;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Eager dispatch (docs/engine.md, "How a task gets to a worker"): the tasks a slice starts run on its own
 * worker, in the slots it has free, without a claim; the rest, and tasks that must wait their turn, go to the
 * queue for every worker.
 *
 * <p>Whether an attempt was claimed is read from its queue item: an item leased by the slice that started its
 * task was written by the same transaction as the task's row (the same {@code xmin}), while a claim is an
 * update of the item, a later transaction.
 */
class EagerTasksTest {

    @TempDir
    Path flows;

    private Engine engine;
    /** Each attempt that ran: task id → "worker:eager" or "worker:claimed", in the order they started. */
    private final Map<String, String> ran = new ConcurrentHashMap<>();
    private final Map<String, Integer> runs = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() {
        engine = new Engine("eager", flows);
        engine.flow("fan", """
                let pending = []
                for (let i = 0; i < Inputs.n; i++) { pending.push(Task.run("work", {i: i})) }
                return (await Promise.all(pending)).length
                """);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        SliceTestHook.setAfterCommit(null);
        engine.close();
    }

    /** Whether the attempt of {@code taskId} holds an item written by the transaction that started its task. */
    private boolean leasedBySlice(String taskId) {
        return engine.one("SELECT q.xmin::text = e.xmin::text FROM queue_items q JOIN executions e ON e.id = q.execution_id"
                + " WHERE q.execution_id = '" + taskId + "'").equals("t");
    }

    /** A handler that records where its attempt ran and how it got there. */
    private TaskHandler recording(String worker) {
        return (input, ctx) -> {
            ran.put(ctx.executionId(), worker + ":" + (leasedBySlice(ctx.executionId()) ? "eager" : "claimed"));
            runs.merge(ctx.executionId(), 1, Integer::sum);
            return input;
        };
    }

    private long count(String value) {
        return ran.values().stream().filter(value::equals).count();
    }

    @Test
    void aSlicesTasksRunOnItsWorkerWithoutAClaim() {
        Map<String, String> leases = new ConcurrentHashMap<>();
        TaskHandler record = recording("a");
        Worker worker = engine.worker(b -> b.concurrency(8).eagerTasks(true).task("work", (input, ctx) -> {
            // leased as a claim leases: to this worker, for its lease (30 s by default)
            leases.put(ctx.executionId(), engine.one("SELECT lease_owner || ' ' || (lease_expires_at - now() > interval '25 seconds')"
                    + " FROM queue_items WHERE execution_id = '" + ctx.executionId() + "'"));
            return record.handle(input, ctx);
        }));
        assertCompleted("5", engine.run("fan", "{\"n\": 5}"));
        assertEquals(5, count("a:eager"), ran.toString());
        assertEquals(List.of(worker.id() + " true"), leases.values().stream().distinct().toList());
    }

    @Test
    void byDefaultEveryTaskIsClaimed() {
        engine.worker(b -> b.concurrency(8).task("work", recording("a")));
        assertCompleted("5", engine.run("fan", "{\"n\": 5}"));
        assertEquals(5, count("a:claimed"), ran.toString());
    }

    @Test
    void aSliceTakesOnlyTheSlotsItsWorkerHasFreeAndLeavesTheRestToOtherWorkers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TaskHandler record = recording("a");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        engine.worker(b -> b.concurrency(4).eagerTasks(true).meterRegistry(meters).task("work", (input, ctx) -> {
            Object out = record.handle(input, ctx);
            release.await(30, TimeUnit.SECONDS); // a stays full while b takes the rest
            return out;
        }));
        WorkflowHandle handle = engine.start("fan", "{\"n\": 10}");
        // its slice held one of a's four slots: three tasks ran at once on a, leased by the slice itself
        awaitTrue(() -> count("a:eager") == 3);
        awaitTrue(() -> engine.column("SELECT 1 FROM queue_items WHERE lease_owner IS NULL").size() == 6);
        engine.worker(b -> b.concurrency(10).eagerTasks(true).task("work", recording("b")));
        awaitTrue(() -> count("b:claimed") == 6);
        release.countDown();
        assertCompleted("10", handle.result(Duration.ofSeconds(60)));
        assertEquals(3, count("a:eager"), ran.toString());
        assertEquals(1, count("a:claimed"), ran.toString()); // the slot its slice freed
        assertEquals(6, count("b:claimed"), ran.toString());
        // the metric counts a's eager attempts, not the one it claimed
        assertEquals(3.0, meters.get("rondo.task.eager").tag("queue", "default").counter().count());
        assertEquals(10, runs.size());
        assertTrue(runs.values().stream().allMatch(n -> n == 1), runs.toString());
    }

    @Test
    void eagerTasksOfAWorkerThatDiesAfterTheCommitRunElsewhereOnce() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(engine.dataSource.getJdbcUrl());
        config.setMaximumPoolSize(8);
        config.setPoolName("doomed");
        HikariDataSource doomedPool = new HikariDataSource(config);
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        // the doomed worker commits the first slice, then stops dead before it runs the tasks it leased
        SliceTestHook.setAfterCommit(id -> {
            if (first.compareAndSet(true, false)) {
                stalled.countDown();
                try {
                    end.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("the worker is dead");
            }
        });
        Worker doomed = Worker.builder(doomedPool).concurrency(8).eagerTasks(true).lease(Duration.ofSeconds(1))
                .rescueInterval(Duration.ofMillis(200)).task("work", recording("doomed")).build().start();
        try {
            WorkflowHandle handle = engine.start("fan", "{\"n\": 4}");
            assertTrue(stalled.await(30, TimeUnit.SECONDS));
            assertEquals(List.of(doomed.id(), doomed.id(), doomed.id(), doomed.id()),
                    engine.column("SELECT lease_owner FROM queue_items WHERE execution_id LIKE '" + handle.id() + ".t%'"));
            doomedPool.close(); // killed: it renews nothing, ends nothing
            engine.worker(b -> b.lease(Duration.ofSeconds(1)).rescueInterval(Duration.ofMillis(200)).eagerTasks(true)
                    .task("work", recording("healthy")));
            assertCompleted("4", handle.result(Duration.ofSeconds(60)));
            assertEquals(4, count("healthy:claimed"), ran.toString());
            assertTrue(runs.values().stream().allMatch(n -> n == 1), runs.toString());
            // the lost attempt counts, as for any attempt whose worker died
            assertEquals(List.of("2", "2", "2", "2"), engine.column("SELECT attempt FROM executions WHERE kind = 'task'"));
        } finally {
            end.countDown();
            doomed.shutdownNow();
            doomed.awaitTermination(Duration.ofSeconds(10));
        }
    }

    @Test
    void aPausedQueuesTasksAreNotRunEagerlyButWaitForItsResume() throws Exception {
        engine.flow("side", """
                return (await Promise.all([Task.run("work", {}, {queue: "side"}), Task.run("work", {}, {queue: "side"})])).length
                """);
        engine.worker(b -> b.queues("default", "side").concurrency(8).eagerTasks(true).task("work", recording("a")));
        assertTrue(engine.client.pauseQueue("side"));
        WorkflowHandle parked = engine.start("side", "{}");
        awaitTrue(() -> engine.column("SELECT 1 FROM queue_items WHERE queue = 'side' AND lease_owner IS NULL").size() == 2);
        Thread.sleep(300); // what an eager start would have run by now
        assertEquals(Map.of(), ran);
        assertEquals(ExecutionStatus.WAITING, parked.status());
        assertTrue(engine.client.resumeQueue("side"));
        assertCompleted("2", parked.result(Duration.ofSeconds(20)));
        assertEquals(2, count("a:claimed"), ran.toString());
        // and once the queue is resumed, its tasks run eagerly again. A claim of "side" that the worker's
        // dispatcher happens to have in flight when the slice commits holds the free slots (claims reserve
        // them first), and the tasks are then claimed: so up to three workflows, one of which must run both
        // its tasks eagerly (while the queue was paused, none could)
        List<String> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 3 && count("a:eager") < 2; i++) {
            ran.clear();
            assertCompleted("2", engine.run("side", "{}"));
            seen.add(ran.toString());
        }
        assertEquals(2, count("a:eager"), seen.toString());
    }

    @Test
    void tasksThatMustWaitTheirTurnAreNeverRunEagerly() {
        engine.flow("turns", """
                return (await Promise.all([
                    Task.run("work", {k: "concurrency"}, {concurrency: {key: "k", limit: 5}}),
                    Task.run("work", {k: "rate"}, {rateLimit: {key: "r", perSecond: 100}}),
                    Task.run("work", {k: "fair"}, {fairness: {key: "f"}}),
                    Task.run("work", {k: "plain"})
                ])).length
                """);
        engine.worker(b -> b.concurrency(8).eagerTasks(true).task("work", recording("a")));
        WorkflowHandle handle = engine.start("turns", "{}");
        assertCompleted("4", handle.result(Duration.ofSeconds(30)));
        assertEquals("a:eager", ran.get(handle.id() + ".t3"), ran.toString());
        assertEquals(3, count("a:claimed"), ran.toString());
        // a workflow with a fairness key gives it to its tasks: they keep the fair claim's order
        ran.clear();
        WorkflowHandle fair = engine.client.start("fan", "{\"n\": 3}", StartOptions.DEFAULT.withFairness("tenant"));
        assertCompleted("3", fair.result(Duration.ofSeconds(30)));
        assertEquals(3, count("a:claimed"), ran.toString());
    }

    @ParameterizedTest(name = "eager {0}")
    @ValueSource(booleans = {true, false})
    void cancellingTheWorkflowReachesItsRunningTasksAsWithClaimedOnes(boolean eager) throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        Map<String, Boolean> eagerly = new ConcurrentHashMap<>();
        engine.worker(b -> b.concurrency(8).eagerTasks(eager).task("work", (input, ctx) -> {
            eagerly.put(ctx.executionId(), leasedBySlice(ctx.executionId()));
            started.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!ctx.cancelled() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            return ctx.cancelled() ? "noticed" : "missed";
        }));
        WorkflowHandle handle = engine.start("fan", "{\"n\": 2}");
        assertTrue(started.await(30, TimeUnit.SECONDS));
        assertEquals(Map.of(handle.id() + ".t0", eager, handle.id() + ".t1", eager), eagerly);
        handle.cancel();
        WorkflowResult result = handle.result(Duration.ofSeconds(30));
        assertEquals(ExecutionStatus.CANCELLED, result.status());
        awaitTrue(() -> engine.column("SELECT result FROM executions WHERE kind = 'task' AND finished_at IS NOT NULL")
                .equals(List.of("\"noticed\"", "\"noticed\"")));
    }
}
