package dev.rondo.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.testing.RondoDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The worker stops with the application's context: what it runs is finished and committed, or handed back. */
@RondoDatabase
class RondoWorkerShutdownTest {

    @RondoDatabase
    static String url;
    @RondoDatabase
    static DataSource database;

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void closingTheContextLetsTheRunningTaskFinishAndCommitsIt() throws Exception {
        SlowTask first = new SlowTask();
        String id = "slow-graceful";
        RondoAutoConfigurationTest.application(url).withBean(SlowTask.class, () -> first).run(context -> {
            context.getBean(RondoClient.class).start("slow", "{}", StartOptions.DEFAULT.withId(id));
            assertTrue(first.started.await(60, TimeUnit.SECONDS), "the task started");
            RondoWorkerLifecycle lifecycle = context.getBean(RondoWorkerLifecycle.class);

            CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
            waitUntil(() -> !lifecycle.isRunning(), "the worker was told to stop");
            assertFalse(closing.isDone(), "the context waits for the running task");
            first.release.countDown();
            closing.get(60, TimeUnit.SECONDS);
            assertEquals(0, first.interrupted.get());
        });
        assertEquals("completed", taskStatus(id), "the task's end was committed before the worker stopped");

        // the next start of the application finishes the workflow without running the task again
        SlowTask second = new SlowTask();
        second.release.countDown();
        RondoAutoConfigurationTest.application(url).withBean(SlowTask.class, () -> second).run(context -> {
            WorkflowHandle slow = context.getBean(RondoClient.class).handle(id);
            assertEquals("\"done on attempt 1\"", slow.result(WAIT).resultJson());
            assertEquals(0, second.calls.get());
        });
        assertEquals(1, first.calls.get());
    }

    @Test
    void aTaskStillRunningAfterTheShutdownTimeoutIsInterruptedAndHandedBack() throws Exception {
        SlowTask stuck = new SlowTask();
        String id = "slow-interrupted";
        RondoAutoConfigurationTest.application(url).withBean(SlowTask.class, () -> stuck)
                .withPropertyValues("rondo.worker.shutdown-timeout=500ms").run(context -> {
                    context.getBean(RondoClient.class).start("slow", "{}", StartOptions.DEFAULT.withId(id));
                    assertTrue(stuck.started.await(60, TimeUnit.SECONDS), "the task started");
                    context.close();
                    assertEquals(1, stuck.interrupted.get(), "the handler was interrupted at the timeout");
                });

        SlowTask next = new SlowTask();
        next.release.countDown();
        RondoAutoConfigurationTest.application(url).withBean(SlowTask.class, () -> next).run(context -> {
            WorkflowHandle slow = context.getBean(RondoClient.class).handle(id);
            assertEquals(ExecutionStatus.COMPLETED, slow.result(WAIT).status());
            assertEquals(1, next.calls.get(), "the interrupted attempt went back to the queue and ran again");
        });
    }

    private static String taskStatus(String workflowId) throws Exception {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT status FROM executions WHERE parent_id = ? AND kind = 'task'")) {
            select.setString(1, workflowId);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next(), "the workflow has a task");
                return rows.getString(1);
            }
        }
    }

    /** Waits for a condition the code under test makes true, failing after a minute. */
    static void waitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within a minute: " + what);
            }
            Thread.sleep(10);
        }
    }
}
