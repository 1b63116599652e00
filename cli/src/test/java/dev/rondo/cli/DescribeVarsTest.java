package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.client.RondoClient;
import dev.rondo.testdb.TestDatabase;
import dev.rondo.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rondo describe ID --vars}: a waiting execution's variables from its checkpoint, after its worker stopped. */
class DescribeVarsTest {

    @TempDir
    Path dir;

    @Test
    void varsShowsEveryOpenScopeAsATreeAndAsJsonWithNoWorkerRunning() throws Exception {
        String url = TestDatabase.freshSchemaUrl("cli_vars");
        Cli rondo = new Cli(url);
        Files.writeString(dir.resolve("order.flow"), """
                let order = {id: Inputs.id, lines: [1, 2]}
                for (let i = 0; i < 2; i++) {
                  let note = `größe ${i}`
                  if (i == 1) { await Signal.next("go") }
                }
                """, StandardCharsets.UTF_8);
        assertEquals(0, rondo.run("deploy", dir.toString()).code());
        assertEquals(0, rondo.run("start", "order", "--input", "{\"id\":\"o-7\"}", "--queue", "vars", "--id", "o-7").code());
        try (RondoClient client = RondoClient.connect(url, 4);
             Worker worker = Worker.builder(client.dataSource()).queues("vars").concurrency(1).build().start()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!client.handle("o-7").status().text().equals("waiting")) {
                assertTrue(System.nanoTime() < deadline, "o-7 never waited");
                Thread.sleep(50);
            }
        } // the worker is stopped: what follows reads the checkpoint only

        Cli.Result described = rondo.run("describe", "o-7", "--vars");
        assertEquals(0, described.code(), described.err());
        assertTrue(described.out().endsWith("""
                variables:
                  order = {"id":"o-7","lines":[1,2]}
                    i = 1
                      note = "größe 1"
                """), described.out());
        JsonNode json = rondo.run("describe", "o-7", "--vars", "--json").json();
        assertEquals("o-7", json.get("variables").get(0).get("variables").get("order").get("id").asText());
        assertEquals(1, json.get("variables").get(1).get("variables").get("i").asInt());
        assertEquals("größe 1", json.get("variables").get(2).get("variables").get("note").asText());
        assertEquals(2, json.get("variables").get(2).get("depth").asInt());
    }
}
