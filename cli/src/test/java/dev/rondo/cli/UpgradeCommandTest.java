package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.client.RondoClient;
import dev.rondo.core.Executable;
import dev.rondo.core.Execution;
import dev.rondo.core.Limits;
import dev.rondo.core.Outcome;
import dev.rondo.core.value.FlowObject;
import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rondo upgrade}: the report (moved, refused with the reason), {@code --dry-run}, {@code --json},
 * {@code --from}, progress on stderr, exit codes. The executions are written as the engine leaves them: a
 * waiting one and a failed one with the checkpoint kept from before the failing await.
 */
class UpgradeCommandTest {

    private static final String V1 = """
            let order = Inputs.order
            let receipt = await Task.run("chargeCard", {order})
            if (receipt == "held") {
              await Signal.next("release")
            }
            print(receipt)
            """;
    private static final String V2 = """
            let order = Inputs.order
            print("v2")
            let receipt = await Task.run("chargeCard", {order})
            print("v2 " + receipt)
            """;

    @TempDir
    Path dir;

    private RondoClient client;
    private Cli rondo;
    private String v1;

    @BeforeEach
    void executions() throws Exception {
        String url = TestDatabase.freshSchemaUrl("cli_upgrade");
        rondo = new Cli(url);
        client = RondoClient.connect(url);
        Path flow = dir.resolve("process.flow");
        Files.writeString(flow, V1);
        client.deploy(flow);
        v1 = Sql.rows(client.dataSource(), "SELECT hash FROM flow_heads").getFirst();
        Executable program = Executable.compile("process.flow", V1);
        Execution atCharge = Execution.start(program, new FlowObject(), new FlowObject(), Limits.DEFAULTS);
        atCharge.run(List.of(), 0);
        Execution atRelease = Execution.start(program, new FlowObject(), new FlowObject(), Limits.DEFAULTS);
        atRelease.run(List.of(), 0);
        atRelease.run(List.of(new Outcome.Resolved(0, "held")), 0);
        insert("e1", "waiting", atCharge.checkpointJson());
        insert("e2", "failed", atRelease.checkpointJson());
        Files.writeString(flow, V2);
        client.deploy(flow);
    }

    private void insert(String id, String status, String checkpoint) throws SQLException {
        Sql.execute(client.dataSource(), "INSERT INTO executions (id, kind, name, definition_hash, queue, status, input) VALUES ('"
                + id + "', 'workflow', 'process', '" + v1 + "', 'default', '" + status + "', '{}')");
        Sql.execute(client.dataSource(), "INSERT INTO checkpoints (execution_id, state, waiting_at) VALUES ('" + id + "', '"
                + checkpoint.replace("'", "''") + "', 'process.flow:2:15')");
    }

    @AfterEach
    void close() {
        client.close();
    }

    private List<String> hashes() throws SQLException {
        return Sql.rows(client.dataSource(), "SELECT id || ' ' || status || ' ' || (definition_hash = '" + v1
                + "') FROM executions ORDER BY id");
    }

    @Test
    void aDryRunReportsAndAnUpgradeMovesWhatMaps() throws SQLException {
        Cli.Result dry = rondo.run("upgrade", "process", "--dry-run");
        assertEquals(1, dry.code(), "a refusal is exit 1: " + dry.err());
        String short1 = v1.substring(0, 12);
        assertEquals(List.of(
                "e1: would move (waiting) from " + short1 + " at 2:15 to 3:15",
                "e2: refused: process.flow:4:1: the await at 4:3 in the old version has no counterpart (nothing in the"
                        + " new version awaits Signal.next(\"release\") inside if)"),
                dry.out().lines().toList().subList(0, 2));
        assertTrue(dry.out().lines().toList().get(2).startsWith("process: 1 would move, 1 refused (current version "), dry.out());
        assertTrue(dry.err().contains("rondo: 2 examined, 1 would move, 1 refused"), dry.err());
        assertEquals(List.of("e1 waiting true", "e2 failed true"), hashes(), "a dry run moves nothing");

        JsonNode json = rondo.run("upgrade", "process", "--json", "--from", v1.substring(0, 8)).json();
        assertEquals(1, json.get("moved").asInt());
        assertEquals(1, json.get("refused").asInt());
        assertEquals("moved", json.get("executions").get(0).get("outcome").asText());
        assertEquals("3:15", json.get("executions").get(0).get("to").asText());
        assertEquals(List.of("e1 waiting false", "e2 failed true"), hashes());
        assertEquals(List.of("process.flow:3:15"), Sql.rows(client.dataSource(),
                "SELECT waiting_at FROM checkpoints WHERE execution_id = 'e1'"));

        Cli.Result again = rondo.run("upgrade", "process");
        assertEquals(List.of("e2"), again.out().lines().filter(l -> l.startsWith("e")).map(l -> l.substring(0, 2)).toList(),
                "an execution on the current version is not examined again");
    }

    @Test
    void anUnknownWorkflowOrABadHashIsRefused() {
        Cli.Result unknown = rondo.run("upgrade", "nobody");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("nobody"), unknown.err());
        Cli.Result badHash = rondo.run("upgrade", "process", "--from", "not-a-hash");
        assertEquals(2, badHash.code(), badHash.err());
        assertTrue(badHash.err().contains("'not-a-hash' is not a version hash"), badHash.err());
        Cli.Result none = rondo.run("upgrade", "process", "--from", "0000", "--json");
        assertEquals(0, none.code(), none.err());
        assertEquals(0, none.json().get("executions").size());
    }
}
