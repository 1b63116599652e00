package dev.rondo.client;

import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.RondoException;
import dev.rondo.store.Channels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code result(timeout)} returns as soon as the execution ends, woken by the engine's {@code rondo_done}
 * notification. The engine's side is played here by the statement it will run when an execution ends.
 */
class ResultTest {

    @TempDir
    Path dir;

    private DataSource db;
    private RondoClient rondo;
    private WorkflowHandle handle;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.freshSchema("result");
        rondo = RondoClient.create(db);
        Path flow = dir.resolve("answer.flow");
        Files.writeString(flow, "return 42\n");
        rondo.deploy(flow);
        handle = rondo.start("answer", "{}", StartOptions.DEFAULT.withId("answer-1"));
    }

    private void finish(String status, String result, String error) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("UPDATE executions SET status = '" + status + "', result = " + result + ", error = " + error
                    + ", finished_at = now() WHERE id = 'answer-1'");
            s.execute("SELECT pg_notify('" + Channels.DONE + "', 'answer-1')");
            c.commit();
        }
    }

    @Test
    void anExecutionThatEndedAlreadyAnswersAtOnce() throws Exception {
        finish("completed", "'42'", "null");
        WorkflowResult result = handle.result(Duration.ofSeconds(30));
        assertTrue(result.completed());
        assertEquals("42", result.resultJson());
    }

    @Test
    void aWaiterIsWokenWhenTheExecutionEnds() throws Exception {
        CompletableFuture<WorkflowResult> waiting = CompletableFuture.supplyAsync(() -> handle.result(Duration.ofSeconds(60)));
        finish("failed", "null", "'{\"name\":\"TaskError\",\"message\":\"declined\"}'");
        WorkflowResult result = waiting.get(60, TimeUnit.SECONDS);
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("{\"name\":\"TaskError\",\"message\":\"declined\"}", result.errorJson());
    }

    @Test
    void waitingTooLongOrForNobodyIsAClearError() {
        RondoException.ResultTimeout timeout = assertThrows(RondoException.ResultTimeout.class,
                () -> handle.result(Duration.ofMillis(200)));
        assertTrue(timeout.getMessage().contains("still running"), timeout.getMessage());
        assertThrows(RondoException.UnknownExecution.class, () -> rondo.handle("nobody").result(Duration.ofSeconds(1)));
    }
}
