package dev.rondo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.RondoException;
import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signals are buffered in order and wake the workflow; cancellation is recorded once; ended executions refuse both. */
class SignalAndCancelTest {

    @TempDir
    Path dir;

    private DataSource db;
    private RondoClient rondo;
    private WorkflowHandle approval;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.freshSchema("signal");
        rondo = RondoClient.create(db);
        Path flow = dir.resolve("approve.flow");
        Files.writeString(flow, "let answer = await Signal.next('approve')\nreturn answer\n");
        rondo.deploy(flow);
        approval = rondo.start("approve", "{}", StartOptions.DEFAULT.withId("approval-1").withPriority(3));
    }



    @Test
    void signalsAreBufferedInOrderAndKeepOneWakeUp() throws Exception {
        approval.signal("approve", "{\"by\": \"ann\"}");
        approval.signal("approve", null);
        assertEquals(List.of("approve {\"by\":\"ann\"}", "approve null"),
                Sql.rows(db, "SELECT name || ' ' || payload FROM signals WHERE consumed_at IS NULL ORDER BY id"));
        assertEquals(List.of("1 3"), Sql.rows(db, "SELECT count(*) || ' ' || max(priority) FROM queue_items"));
    }

    @Test
    void aSignalToAnUnknownOrEndedExecutionIsRefused() throws Exception {
        assertThrows(RondoException.UnknownExecution.class, () -> rondo.handle("nobody").signal("approve", "1"));
        assertThrows(RondoException.InvalidPayload.class, () -> approval.signal("approve", "{oops"));
        Sql.execute(db, "UPDATE executions SET status = 'completed' WHERE id = 'approval-1'");
        RondoException.ExecutionFinished finished = assertThrows(RondoException.ExecutionFinished.class,
                () -> approval.signal("approve", "true"));
        assertEquals(ExecutionStatus.COMPLETED, finished.status());
        assertEquals(List.of("0"), Sql.rows(db, "SELECT count(*) FROM signals"));
    }

    @Test
    void cancellingTwiceRecordsOneRequest() throws Exception {
        approval.cancel();
        rondo.withOperator("ann@ops").handle("approval-1").cancel();
        assertEquals(List.of("true"), Sql.rows(db, "SELECT cancel_requested::text FROM executions"));
        assertEquals(List.of("cancel"), Sql.rows(db, "SELECT kind FROM inbox"));
        assertEquals(List.of("operator.cancel " + "{\"by\":\"" + rondo.operator() + "\"}"),
                Sql.rows(db, "SELECT kind || ' ' || detail FROM history WHERE kind LIKE 'operator.%'"));
        Sql.execute(db, "UPDATE executions SET status = 'cancelled' WHERE id = 'approval-1'");
        assertThrows(RondoException.ExecutionFinished.class, () -> approval.cancel());
        assertThrows(RondoException.UnknownExecution.class, () -> rondo.handle("nobody").cancel());
    }

    @Test
    void aCancelIsRecordedAsDoneByTheClientsOperator() throws Exception {
        rondo.withOperator("ann@ops").handle("approval-1").cancel();
        assertEquals(List.of("operator.cancel {\"by\":\"ann@ops\"}"),
                Sql.rows(db, "SELECT kind || ' ' || detail FROM history WHERE kind LIKE 'operator.%'"));
        assertTrue(rondo.operator().contains("@"), rondo.operator());
        assertThrows(IllegalArgumentException.class, () -> rondo.withOperator(" "));
        assertThrows(IllegalArgumentException.class, () -> rondo.withOperator("ann\nops"));
    }
}
