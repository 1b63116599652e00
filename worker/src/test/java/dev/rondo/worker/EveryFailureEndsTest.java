package dev.rondo.worker;

import static dev.rondo.worker.Engine.assertCompleted;
import static dev.rondo.worker.WorkflowsOnTheEngineTest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.worker.internal.SliceTestHook;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every failure ends somewhere (docs/engine.md, "Failures and cancellation"): a slice whose commit fails
 * for good, or whose interpreter throws an Error, fails its execution after a few tries instead of being
 * tried forever; cancel always wins; a tree is cancelled in one statement; child nesting is bounded;
 * engine-made ids that are taken fail loudly; an id too long for NOTIFY still lets its execution end.
 *
 * <p>The poison here is put at the commit itself with a trigger (the edge checks refuse the issue's own
 * inputs, a NUL or a 10,000-character queue, before they get that far, but the engine must not loop
 * whatever the database refuses).
 */
class EveryFailureEndsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path flows;

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = new Engine("failures", flows);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        SliceTestHook.set(null);
        engine.close();
    }

    private void execute(String sql) {
        try (Connection c = engine.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * A log line containing {@code marker} makes the slice's commit fail with {@code sqlState} (the first
     * {@code times} times; always when negative); the sequence {@code hits} counts the tries (sequences are
     * not rolled back).
     */
    private void poisonLogLines(String marker, String sqlState, int times) {
        execute("CREATE SEQUENCE hits");
        execute("CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE hit bigint; BEGIN "
                + "IF NEW.line LIKE '%" + marker + "%' THEN hit := nextval('hits'); "
                + "IF " + times + " < 0 OR hit <= " + times + " THEN "
                + "RAISE EXCEPTION 'poisoned line' USING ERRCODE = '" + sqlState + "'; END IF; END IF; RETURN NEW; END $$");
        execute("CREATE TRIGGER poison BEFORE INSERT ON log_lines FOR EACH ROW EXECUTE FUNCTION poison()");
    }

    private int hits() {
        return Integer.parseInt(engine.one("SELECT last_value FROM hits"));
    }

    @Test
    void aSliceWhoseCommitFailsForGoodFailsItsExecutionAfterThreeTries() {
        poisonLogLines("POISON", "22021", -1); // as a NUL would: invalid byte sequence
        engine.flow("poison", "print(\"POISON\")\nawait Timer.delay(0.01)\nreturn 1\n");
        engine.worker(b -> b);
        WorkflowResult result = engine.start("poison", "{}").result(WAIT);
        assertEquals(ExecutionStatus.FAILED, result.status());
        String error = result.errorJson();
        assertTrue(error.contains("\"name\":\"Error\""), error);
        assertTrue(error.contains("could not save the workflow's progress at poison.flow:2:"), error);
        assertTrue(error.contains("poisoned line") && error.contains("SQLSTATE 22021"), error);
        assertTrue(error.contains("\"file\":\"poison.flow\",\"line\":2"), error);
        assertEquals(3, hits()); // tried three times, then failed: never loops
        assertEquals("0", engine.one("SELECT count(*) FROM queue_items"));
    }

    @Test
    void theIssuesQueueNameTooLongForNotifyEndsInAFailureWithItsPosition() {
        // before the edge checks this reached the commit (NOTIFY: payload string too long) and looped; with
        // them it is refused at the call: either way the execution fails, saying where, and nothing loops
        engine.flow("q", "await Task.run(\"noop\", {}, {queue: \"q\".repeat(10000)})\n");
        engine.worker(b -> b.task("noop", (input, ctx) -> "ran"));
        WorkflowResult result = engine.start("q", "{}").result(WAIT);
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertTrue(result.errorJson().contains("\"file\":\"q.flow\",\"line\":1"), result.errorJson());
        assertEquals("0", engine.one("SELECT count(*) FROM queue_items"));
    }

    @Test
    void aTransientFailureIsRetriedAndNeverCounted() {
        poisonLogLines("FLAKY", "40001", 3); // a serialization failure three times, then fine
        engine.flow("flaky", "print(\"FLAKY\")\nawait Timer.delay(0.01)\nreturn 2\n");
        engine.worker(b -> b);
        assertCompleted("2", engine.start("flaky", "{}").result(WAIT));
        assertEquals(4, hits());
        assertEquals("0", engine.one("SELECT slice_failures FROM executions"));
    }

    @Test
    void aDatabaseShuttingDownIsTransientToo() {
        poisonLogLines("RESTART", "57P01", 1); // admin_shutdown once: the slice is redone after its lease
        engine.flow("restart", "print(\"RESTART\")\nawait Timer.delay(0.01)\nreturn 3\n");
        engine.worker(b -> b.lease(Duration.ofSeconds(1)));
        assertCompleted("3", engine.start("restart", "{}").result(WAIT));
        assertEquals(2, hits());
    }

    @Test
    void cancelWinsOverAPoisonedSlice() {
        poisonLogLines("POISON", "22021", -1);
        engine.flow("compensate", """
                try {
                  await Signal.next("go")
                } finally {
                  print("POISON in the compensation")
                }
                """);
        engine.worker(b -> b);
        WorkflowHandle handle = engine.start("compensate", "{}");
        awaitTrue(() -> ExecutionStatus.WAITING.equals(handle.status()));
        handle.cancel();
        WorkflowResult result = handle.result(WAIT);
        assertEquals(ExecutionStatus.CANCELLED, result.status(), result.errorJson());
        assertTrue(result.errorJson().contains("CancelledError"), result.errorJson());
        assertEquals(1, hits()); // ended at its first failure: a cancelled workflow is not tried again
    }

    @Test
    void anOutOfMemoryErrorInASliceFailsTheExecutionNotTheWorker() {
        AtomicInteger thrown = new AtomicInteger();
        SliceTestHook.set(name -> {
            if (name.equals("hog")) {
                thrown.incrementAndGet();
                throw new OutOfMemoryError("Java heap space");
            }
        });
        engine.flow("hog", "await Timer.delay(0.01)\nreturn 1\n");
        engine.flow("fine", "await Timer.delay(0.01)\nreturn \"fine\"\n");
        engine.worker(b -> b);
        WorkflowResult result = engine.start("hog", "{}").result(WAIT);
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertTrue(result.errorJson().contains("\"name\":\"LimitError\""), result.errorJson());
        assertTrue(result.errorJson().contains("ran out of the worker's memory (java.lang.OutOfMemoryError: Java heap space)"),
                result.errorJson());
        assertEquals(3, thrown.get());
        assertCompleted("\"fine\"", engine.run("fine", "{}")); // the worker goes on
    }

    @Test
    void aStackOverflowErrorInASliceFailsTheExecution() {
        SliceTestHook.set(name -> {
            if (name.equals("deep")) {
                throw new StackOverflowError();
            }
        });
        engine.flow("deep", "return 1\n");
        engine.worker(b -> b);
        WorkflowResult result = engine.start("deep", "{}").result(WAIT);
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertTrue(result.errorJson().contains("\"name\":\"LimitError\"") && result.errorJson().contains("StackOverflowError"),
                result.errorJson());
    }

    @Test
    void aWorkflowWhoseSlicesKeepLosingTheirWorkersIsFailedWithoutRunningAgain() {
        engine.flow("doomed", "await Signal.next(\"go\")\nreturn 1\n");
        engine.worker(b -> b);
        WorkflowHandle handle = engine.start("doomed", "{}");
        awaitTrue(() -> ExecutionStatus.WAITING.equals(handle.status()));
        // what five rescues in a row leave behind (each requeue_workflow.sql counts one; see the next test)
        execute("UPDATE executions SET slice_failures = 5");
        AtomicInteger ran = new AtomicInteger();
        SliceTestHook.set(name -> ran.incrementAndGet());
        handle.signal("go", "{}");
        WorkflowResult result = handle.result(WAIT);
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertTrue(result.errorJson().contains("lost 5 times in a row"), result.errorJson());
        assertEquals(0, ran.get());
    }

    @Test
    void aRescuedSliceCountsAsAFailedOneUntilASliceCommits() throws Exception {
        engine.flow("hang", "return \"done\"\n"); // no await: no slice commits in between to end the run
        CountDownLatch hung = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        SliceTestHook.set(name -> {
            if (first.getAndSet(false)) {
                hung.countDown();
                try {
                    never.await(); // the worker hangs in the slice, then loses the database
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(engine.dataSource.getJdbcUrl());
        config.setMaximumPoolSize(8);
        HikariDataSource doomedPool = new HikariDataSource(config);
        Worker doomed = Worker.builder(doomedPool).lease(Duration.ofSeconds(1)).rescueInterval(Duration.ofMillis(200))
                .build().start();
        WorkflowHandle handle = engine.start("hang", "{}");
        hung.await();
        doomedPool.close();
        engine.worker(b -> b.lease(Duration.ofSeconds(1)));
        assertCompleted("\"done\"", handle.result(WAIT));
        assertEquals("1", engine.one("SELECT slice_failures FROM executions"));
        never.countDown();
        doomed.shutdownNow();
        doomed.awaitTermination(Duration.ofSeconds(10));
    }

    @Test
    void cancellingTheRootOfADeepTreeFlagsEveryDescendantInOneStatement() {
        engine.flow("chain", """
                if (Inputs.n > 0) {
                  await Workflow.run("chain", {n: Inputs.n - 1})
                } else {
                  await Signal.next("never")
                }
                """);
        engine.worker(b -> b);
        WorkflowHandle root = engine.start("chain", "{\"n\": 50}");
        awaitTrue(() -> engine.column("SELECT 1 FROM executions WHERE status = 'waiting'").size() == 51);
        root.cancel();
        // one statement reached all 51 levels: nothing is left to a slice per level
        assertEquals("51", engine.one("SELECT count(*) FROM executions WHERE cancel_requested"));
        assertEquals(ExecutionStatus.CANCELLED, root.result(WAIT).status());
        awaitTrue(() -> engine.column("SELECT 1 FROM executions WHERE status = 'cancelled'").size() == 51);
    }

    @Test
    void aWorkflowThatStartsItselfStopsAtTheNestingLimitWithACatchableLimitError() {
        engine.flow("childloop", """
                try {
                  return await Workflow.run("childloop", {})
                } catch (e) {
                  return e.cause.name + ": " + e.cause.message
                }
                """);
        engine.worker(b -> b.maxChildDepth(5));
        WorkflowResult result = engine.run("childloop", "{}");
        assertEquals(ExecutionStatus.COMPLETED, result.status(), result.errorJson());
        assertTrue(result.resultJson().startsWith("\"LimitError: Workflow.run(\\\"childloop\\\") would nest child workflows 6 deep,"
                + " over the limit of 5"), result.resultJson());
        assertTrue(result.resultJson().contains("Worker.builder(...).maxChildDepth(n)"), result.resultJson());
        assertEquals("6", engine.one("SELECT count(*) FROM executions"));
        assertEquals("5", engine.one("SELECT max(depth) FROM executions"));
    }

    /**
     * Runs workflow {@code x} (id X, waiting for signal "go" before its start call) once {@code taken}
     * has inserted rows under the ids its call will get, whatever that call's promise number.
     */
    private WorkflowResult runAfterIdsAreTaken(java.util.function.IntFunction<String> taken) {
        WorkflowHandle handle = engine.client.start("x", "{}", dev.rondo.client.StartOptions.DEFAULT.withId("X"));
        awaitTrue(() -> ExecutionStatus.WAITING.equals(handle.status()));
        for (int n = 1; n <= 4; n++) {
            execute(taken.apply(n));
        }
        handle.signal("go", "{}");
        WorkflowResult result = handle.result(WAIT);
        assertEquals(ExecutionStatus.COMPLETED, result.status(), result.errorJson());
        return result;
    }

    @Test
    void aTaskIdTakenByAnotherExecutionFailsTheTaskLoudly() {
        engine.flow("x", """
                await Signal.next("go")
                try {
                  return await Task.run("noop", {})
                } catch (e) {
                  return e.message
                }
                """);
        engine.worker(b -> b.task("noop", (input, ctx) -> "ran"));
        WorkflowResult result = runAfterIdsAreTaken(n -> "INSERT INTO executions (id, kind, name, queue, status, input)"
                + " VALUES ('X.t" + n + "', 'task', 'other', 'default', 'completed', '{}')");
        assertTrue(result.resultJson().matches("\"Task id 'X\\.t\\d', which Rondo made for this Task\\.run\\(\\\\\"noop\\\\\"\\),"
                + " is taken by another task \\('other'\\); the task was not started\\..*"), result.resultJson());
    }

    @Test
    void aChildIdTakenByAnotherWorkflowIsNotAdopted() {
        engine.flow("child", "return \"child ran\"\n");
        engine.flow("x", """
                await Signal.next("go")
                try {
                  return await Workflow.run("child", {})
                } catch (e) {
                  return e.cause.message
                }
                """);
        engine.worker(b -> b);
        // an unfinished workflow with no parent: the old code adopted it as the child
        WorkflowResult result = runAfterIdsAreTaken(n -> "INSERT INTO executions (id, kind, name, definition_hash, queue,"
                + " status, input) SELECT 'X.w" + n + "', 'workflow', 'stranger', hash, 'nowhere', 'waiting', '{}'"
                + " FROM flow_heads WHERE name = 'child'");
        assertTrue(result.resultJson().matches("\"Child id 'X\\.w\\d', which Rondo made for this Workflow\\.run\\(\\\\\"child\\\\\"\\),"
                + " is taken by another workflow \\('stranger'\\); the child was not started\\..*"), result.resultJson());
        assertEquals("0", engine.one("SELECT count(*) FROM executions WHERE parent_id = 'X'"));
    }

    @Test
    void aChildIdChosenByTheFlowThatBelongsToAnotherWorkflowIsAConflict() throws InterruptedException {
        engine.flow("child", "return \"child ran\"\n");
        engine.flow("other", "await Signal.next(\"never\")\n");
        engine.flow("x", """
                try {
                  return await Workflow.run("child", {}, {id: "shared-id"})
                } catch (e) {
                  return e.cause.name + ": " + e.cause.message
                }
                """);
        engine.worker(b -> b);
        engine.client.start("other", "{}", dev.rondo.client.StartOptions.DEFAULT.withId("shared-id"));
        // at its wait first, so that the check below sees the conflict leave it there (not a first slice to come)
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!engine.one("SELECT status FROM executions WHERE id = 'shared-id'").equals("waiting")) {
            assertTrue(System.nanoTime() < deadline, "the other workflow did not reach its wait");
            Thread.sleep(20);
        }
        WorkflowResult result = engine.client.start("x", "{}", dev.rondo.client.StartOptions.DEFAULT.withId("X")).result(WAIT);
        assertCompleted("\"IdConflict: Execution id 'shared-id' belongs to workflow 'other', not 'child'; the child was"
                + " not started. Choose another id.\"", result);
        assertEquals("waiting", engine.one("SELECT status FROM executions WHERE id = 'shared-id'"));
    }

    @Test
    void anIdTooLongForNotifyStillEnds() {
        engine.flow("short", "await Timer.delay(0.01)\nreturn 7\n");
        String id = "a".repeat(8100);
        // inserted as the client did before ids were limited: the engine must end it whatever its length
        execute("INSERT INTO executions (id, kind, name, definition_hash, queue, status, input) SELECT '" + id
                + "', 'workflow', 'short', hash, 'default', 'queued', '{}' FROM flow_heads WHERE name = 'short'");
        execute("INSERT INTO queue_items (execution_id, queue, priority) VALUES ('" + id + "', 'default', 0)");
        engine.worker(b -> b);
        assertCompleted("7", engine.client.handle(id).result(WAIT));
    }
}
