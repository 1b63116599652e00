package dev.rondo.worker;

import static dev.rondo.worker.Engine.assertCompleted;
import static dev.rondo.worker.WorkflowsOnTheEngineTest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.core.ExecutionStatus;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workers that die or lose the database: nothing is lost, and the work is finished by someone. */
class WorkerFaultsTest {

    @TempDir
    Path flows;

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = new Engine("faults", flows);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    /** A worker of its own pool, which the test can cut off from the database by closing that pool. */
    private HikariDataSource separatePool(String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(engine.dataSource.getJdbcUrl());
        config.setMaximumPoolSize(8);
        config.setPoolName(name);
        config.addDataSourceProperty("ApplicationName", name);
        return new HikariDataSource(config);
    }

    @Test
    void aTaskWhoseWorkerIsCutOffIsRescuedAndRunAgainElsewhere() throws Exception {
        engine.flow("charge", "return await Task.run(\"charge\", {})\n");
        List<String> ranOn = new CopyOnWriteArrayList<>();
        CountDownLatch firstAttemptStarted = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        HikariDataSource doomedPool = separatePool("doomed");
        Worker doomed = Worker.builder(doomedPool).lease(Duration.ofSeconds(1)).rescueInterval(Duration.ofMillis(200))
                .task("charge", (input, ctx) -> {
                    ranOn.add("doomed:" + ctx.attempt());
                    firstAttemptStarted.countDown();
                    never.await();
                    return "from the doomed worker";
                }).build().start();
        WorkflowHandle handle = engine.start("charge", "{}");
        firstAttemptStarted.await();
        doomedPool.close(); // the worker can no longer renew its lease nor end the attempt
        engine.worker(b -> b.lease(Duration.ofSeconds(1)).rescueInterval(Duration.ofMillis(200))
                .task("charge", (input, ctx) -> {
                    ranOn.add("healthy:" + ctx.attempt());
                    return "from the healthy worker";
                }));
        assertCompleted("\"from the healthy worker\"", handle.result(Duration.ofSeconds(60)));
        assertEquals(List.of("doomed:1", "healthy:2"), ranOn);
        assertEquals("2", engine.one("SELECT attempt FROM executions WHERE kind = 'task'"));
        doomed.shutdownNow();
        doomed.awaitTermination(Duration.ofSeconds(10));
    }

    @Test
    void aSliceWhoseWorkerDiedIsRedoneFromTheLastCheckpoint() {
        engine.flow("steps", """
                print("one")
                let a = await Task.run("echo", {n: 1})
                print("two")
                return a
                """);
        WorkflowHandle handle = engine.start("steps", "{}");
        // A worker that died holding the item: its lease has run out.
        engine.column("UPDATE queue_items SET lease_owner = 'dead-worker', lease_expires_at = now() - interval '1 second'"
                + " WHERE execution_id = '" + handle.id() + "' RETURNING id");
        engine.worker(b -> b.rescueInterval(Duration.ofMillis(100)).task("echo", (input, ctx) -> input));
        assertCompleted("{\"n\":1}", handle.result(Duration.ofSeconds(60)));
        assertEquals(List.of("one", "two"), engine.column("SELECT line FROM log_lines ORDER BY seq"));
    }

    @Test
    void workersReconnectAfterTheirConnectionsAreKilled() throws Exception {
        engine.flow("patient", """
                let first = await Signal.next("go")
                let r = await Task.run("echo", {got: first})
                return r
                """);
        HikariDataSource pool = separatePool("reconnecting");
        Worker worker = Worker.builder(pool).pollInterval(Duration.ofSeconds(30))
                .task("echo", (input, ctx) -> input).build().start();
        try {
            WorkflowHandle handle = engine.start("patient", "{}");
            awaitTrue(() -> ExecutionStatus.WAITING.equals(handle.status()) && worker.listening());
            try (Connection c = engine.dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'reconnecting'");
            }
            awaitTrue(worker::listening); // the LISTEN connection came back (it was dropped first)
            handle.signal("go", "\"now\"");
            assertCompleted("{\"got\":\"now\"}", handle.result(Duration.ofSeconds(60)));
        } finally {
            worker.shutdownNow();
            worker.awaitTermination(Duration.ofSeconds(10));
            pool.close();
        }
    }

    @Test
    void shutdownLetsRunningTasksFinishAndShutdownNowHandsThemBack() throws Exception {
        engine.flow("long", "return await Task.run(\"long\", {})\n");
        CountDownLatch started = new CountDownLatch(1);
        HikariDataSource pool = separatePool("stopping");
        Worker worker = Worker.builder(pool).task("long", (input, ctx) -> {
            started.countDown();
            new CountDownLatch(1).await(); // until interrupted
            return "unreachable";
        }).build().start();
        WorkflowHandle handle = engine.start("long", "{}");
        started.await();
        worker.shutdown();
        worker.shutdown(); // idempotent
        assertEquals(false, worker.awaitTermination(Duration.ofMillis(300)), "a running task keeps the worker busy");
        worker.shutdownNow();
        assertEquals(true, worker.awaitTermination(Duration.ofSeconds(10)));
        pool.close();
        // The interrupted attempt was handed back, uncounted: another worker runs it as attempt 1.
        engine.worker(b -> b.task("long", (input, ctx) -> Map.of("attempt", ctx.attempt())));
        assertCompleted("{\"attempt\":1}", handle.result(Duration.ofSeconds(60)));
    }
}
