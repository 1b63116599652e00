package dev.rondo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.RondoException;
import dev.rondo.store.Channels;
import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** Starting writes the execution and its queue item in one transaction and wakes the queue's workers. */
class StartTest {

    @TempDir
    Path dir;

    private DataSource db;
    private RondoClient rondo;
    private Path flow;

    @BeforeEach
    void deploy() throws IOException {
        db = TestDatabase.freshSchema("start");
        rondo = RondoClient.create(db);
        flow = dir.resolve("greet.flow");
        Files.writeString(flow, "print(Inputs.name)\n");
        rondo.deploy(flow);
    }


    @Test
    void aStartIsQueuedPinnedToTheCurrentVersionAndWakesTheQueue() throws Exception {
        try (Connection listener = db.getConnection(); Statement s = listener.createStatement()) {
            s.execute("LISTEN " + Channels.WORK);
            WorkflowHandle handle = rondo.start("greet", "{\"name\": \"Ada\", \"n\": 1.0}", StartOptions.DEFAULT.withQueue("orders"));
            assertEquals(ExecutionStatus.QUEUED, handle.status());
            PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(10_000);
            assertEquals(List.of("orders"), Arrays.stream(notifications).map(PGNotification::getParameter).toList());
            assertEquals(List.of("{\"name\":\"Ada\",\"n\":1}"), Sql.rows(db, "SELECT input FROM executions"));
            assertEquals(Sql.rows(db, "SELECT hash FROM flow_heads WHERE name = 'greet'"), Sql.rows(db, "SELECT definition_hash FROM executions"));
            assertEquals(List.of(handle.id() + " orders"), Sql.rows(db, "SELECT execution_id || ' ' || queue FROM queue_items"));
        }
    }

    @Test
    void startingTheSameIdAgainReturnsTheFirstExecution() throws Exception {
        WorkflowHandle first = rondo.start("greet", "{}", StartOptions.DEFAULT.withId("greet-1"));
        WorkflowHandle again = rondo.start("greet", "{\"other\": true}", StartOptions.DEFAULT.withId("greet-1"));
        assertEquals(first.id(), again.id());
        assertEquals(List.of("1"), Sql.rows(db, "SELECT count(*) FROM executions"));
        assertEquals(List.of("1"), Sql.rows(db, "SELECT count(*) FROM queue_items"));
        assertEquals(List.of("{}"), Sql.rows(db, "SELECT input FROM executions"));
    }

    @Test
    void aRunningExecutionKeepsItsVersionAfterARedeploy() throws Exception {
        WorkflowHandle handle = rondo.start("greet", null, StartOptions.DEFAULT);
        String before = Sql.rows(db, "SELECT definition_hash FROM executions").get(0);
        Files.writeString(flow, "print('v2')\n");
        rondo.deploy(flow);
        assertEquals(List.of(before), Sql.rows(db, "SELECT definition_hash FROM executions WHERE id = '" + handle.id() + "'"));
    }

    @Test
    void aDelayedStartIsDueLater() throws Exception {
        rondo.start("greet", "{}", StartOptions.DEFAULT.withDelay(Duration.ofMinutes(5)).withPriority(7));
        assertEquals(List.of("true 7"), Sql.rows(db, "SELECT (run_at > now() + interval '4 minutes')::text || ' ' || priority FROM queue_items"));
    }

    @Test
    void unknownWorkflowsAndBadInputAreClearErrorsThatStartNothing() throws Exception {
        RondoException.UnknownWorkflow unknown = assertThrows(RondoException.UnknownWorkflow.class,
                () -> rondo.start("nope", "{}", StartOptions.DEFAULT));
        assertTrue(unknown.getMessage().contains("'nope'"), unknown.getMessage());
        RondoException.InvalidPayload notJson = assertThrows(RondoException.InvalidPayload.class,
                () -> rondo.start("greet", "{name: ", StartOptions.DEFAULT));
        assertTrue(notJson.getMessage().startsWith("The workflow input is not valid JSON"), notJson.getMessage());
        String huge = "\"" + "x".repeat(5 * 1024 * 1024) + "\"";
        assertThrows(RondoException.InvalidPayload.class, () -> rondo.start("greet", huge, StartOptions.DEFAULT));
        assertThrows(IllegalArgumentException.class, () -> StartOptions.DEFAULT.withQueue(" "));
        assertEquals(List.of("0"), Sql.rows(db, "SELECT count(*) FROM executions"));
        assertEquals(List.of("0"), Sql.rows(db, "SELECT count(*) FROM queue_items"));
    }
}
