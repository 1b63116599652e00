package dev.rondo.client;

import dev.rondo.core.RondoException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.Executable;
import dev.rondo.core.Execution;
import dev.rondo.core.FlowCompiler;
import dev.rondo.core.Limits;
import dev.rondo.core.Variables;
import dev.rondo.core.value.FlowObject;
import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** variables() reads a waiting execution's locals from its checkpoint row, with no worker. */
class VariablesTest {

    @TempDir
    Path dir;

    @Test
    void aWaitingExecutionShowsTheLocalsOfItsCheckpointAndAnEndedOneNone() throws Exception {
        DataSource db = TestDatabase.freshSchema("variables");
        RondoClient rondo = RondoClient.create(db);
        String source = "let total = 3\nif (total > 1) {\n  let who = 'ada'\n  await Signal.next('go')\n}\n";
        Files.writeString(dir.resolve("vars.flow"), source);
        rondo.deploy(dir);
        WorkflowHandle handle = rondo.start("vars", "{}", StartOptions.DEFAULT.withId("v-1"));
        assertTrue(handle.variables().isEmpty(), "no checkpoint before the first slice");

        // The checkpoint the engine's core writes at the await, stored as a worker's slice stores it.
        Execution execution = Execution.start(Executable.of(FlowCompiler.compile("vars.flow", source).program()),
                new FlowObject(), Execution.context("v-1", "vars", "default", null, "2026-01-01T00:00:00Z"), Limits.DEFAULTS);
        assertTrue(execution.run(List.of(), 0).suspended());
        try (Connection c = db.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO checkpoints (execution_id, state) VALUES ('v-1', ?)")) {
            insert.setString(1, execution.checkpointJson());
            insert.executeUpdate();
        }
        Sql.execute(db, "UPDATE executions SET status = 'waiting' WHERE id = 'v-1'");

        Variables variables = handle.variables();
        assertEquals(2, variables.scopes().size());
        assertEquals(List.of(new Variables.Variable("total", "3")), variables.scopes().get(0).variables());
        assertEquals(new Variables.Scope(1, List.of(new Variables.Variable("who", "\"ada\""))), variables.scopes().get(1));

        Sql.execute(db, "UPDATE executions SET status = 'completed', finished_at = now() WHERE id = 'v-1'");
        assertEquals(Variables.NONE, handle.variables());
        assertThrows(RondoException.UnknownExecution.class, () -> rondo.handle("nobody").variables());
        rondo.close();
    }
}
