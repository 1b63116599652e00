package dev.rondo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rondo.migrations.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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

    private List<String> rows(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(r.getString(1));
            }
            return rows;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void signalsAreBufferedInOrderAndKeepOneWakeUp() throws Exception {
        approval.signal("approve", "{\"by\": \"ann\"}");
        approval.signal("approve", null);
        assertEquals(List.of("approve {\"by\":\"ann\"}", "approve null"),
                rows("SELECT name || ' ' || payload FROM signals WHERE consumed_at IS NULL ORDER BY id"));
        assertEquals(List.of("1 3"), rows("SELECT count(*) || ' ' || max(priority) FROM queue_items"));
    }

    @Test
    void aSignalToAnUnknownOrEndedExecutionIsRefused() throws Exception {
        assertThrows(RondoException.UnknownExecution.class, () -> rondo.handle("nobody").signal("approve", "1"));
        assertThrows(RondoException.InvalidPayload.class, () -> approval.signal("approve", "{oops"));
        execute("UPDATE executions SET status = 'completed' WHERE id = 'approval-1'");
        RondoException.ExecutionFinished finished = assertThrows(RondoException.ExecutionFinished.class,
                () -> approval.signal("approve", "true"));
        assertEquals("completed", finished.status());
        assertEquals(List.of("0"), rows("SELECT count(*) FROM signals"));
    }

    @Test
    void cancellingTwiceRecordsOneRequest() throws Exception {
        approval.cancel();
        approval.cancel();
        assertEquals(List.of("true"), rows("SELECT cancel_requested::text FROM executions"));
        assertEquals(List.of("cancel"), rows("SELECT kind FROM inbox"));
        execute("UPDATE executions SET status = 'cancelled' WHERE id = 'approval-1'");
        assertThrows(RondoException.ExecutionFinished.class, () -> approval.cancel());
        assertThrows(RondoException.UnknownExecution.class, () -> rondo.handle("nobody").cancel());
    }
}
