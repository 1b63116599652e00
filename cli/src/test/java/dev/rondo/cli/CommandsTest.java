package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.client.RondoClient;
import dev.rondo.testdb.TestDatabase;
import dev.rondo.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that talks to a database, in this JVM on the test database: output, {@code --json}
 * parsed as JSON, exit codes, and errors for unknown ids and names and bad JSON. Executions are run by a
 * worker built with the Java API, on queue "cli".
 */
class CommandsTest {

    @TempDir
    Path dir;

    private String url;
    private Cli rondo;

    @BeforeEach
    void deploy() throws Exception {
        url = TestDatabase.freshSchemaUrl("cli_commands");
        rondo = new Cli(url);
        Files.writeString(dir.resolve("greet.flow"), """
                print(`hello ${Inputs.name}`)
                let answer = await Signal.next("approve")
                print("approved")
                if (answer == "no") { throw Error("refused") }
                return {name: Inputs.name, answer}
                """, StandardCharsets.UTF_8);
    }

    private Worker worker(RondoClient client) {
        return Worker.builder(client.dataSource()).queues("cli").concurrency(2).build().start();
    }

    @Test
    void listHidesTheRunsOfRondoRunUnlessAll() throws Exception {
        Files.writeString(dir.resolve("01_hi.flow"), "print('hi')\n", StandardCharsets.UTF_8);
        Cli.Result run = rondo.run("run", dir.resolve("01_hi.flow").toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(0, rondo.run("list", "--json").json().size());
        JsonNode all = rondo.run("list", "--json", "--all").json();
        assertEquals(1, all.size());
        assertTrue(all.get(0).get("workflow").asText().startsWith("rondo-run-"), all.toString());
    }

    @Test
    void deployPrintsNameHashAndWhetherItChanged() {
        Cli.Result first = rondo.run("deploy", dir.resolve("greet.flow").toString());
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("NAME "), first.out());
        assertTrue(first.out().lines().skip(1).findFirst().orElseThrow().matches("greet\\s+[0-9a-f]{12}\\s+yes"), first.out());
        JsonNode again = rondo.run("deploy", "--json", dir.toString()).json();
        assertEquals("greet", again.get(0).get("name").asText());
        assertEquals(64, again.get(0).get("hash").asText().length());
        assertFalse(again.get(0).get("changed").asBoolean(), "the same source again changes nothing");
    }

    @Test
    void aBrokenFileIsNotDeployedAndExitsTwo() throws Exception {
        Files.writeString(dir.resolve("broken.flow"), "let a = )\n");
        Cli.Result result = rondo.run("deploy", dir.toString());
        assertEquals(2, result.code());
        assertTrue(result.err().contains("broken.flow:1:"), result.err());
        assertEquals(1, rondo.run("start", "greet").code(), "nothing was deployed, not even the good file");
    }

    @Test
    void startSignalStatusResultLogsListAndDescribeAWorkflow() throws Exception {
        rondo.run("deploy", dir.toString());
        Cli.Result started = rondo.run("start", "greet", "--input", "{\"name\":\"Ada\"}", "--queue", "cli", "--id", "g-1");
        assertEquals(0, started.code(), started.err());
        assertEquals("g-1\n", started.out());
        assertEquals("g-1", rondo.run("start", "greet", "--id", "g-1", "--queue", "cli", "--json").json().get("id").asText(),
                "starting the same id again gives the same execution");

        try (RondoClient client = RondoClient.connect(url, 8); Worker ignored = worker(client)) {
            Cli.Result running = rondo.run("result", "g-1", "--wait", "0.2", "--json");
            assertEquals(3, running.code(), running.err());
            assertFalse(running.json().get("status").asText().equals("completed"));
            assertEquals(3, rondo.run("result", "g-1").code());
            awaitStatus(client, "g-1", "waiting");

            assertEquals("waiting\n", rondo.run("status", "g-1").out());
            assertEquals("waiting", rondo.run("status", "g-1", "--json").json().get("status").asText());
            Cli.Result described = rondo.run("describe", "g-1");
            assertEquals(0, described.code(), described.err());
            assertTrue(described.out().contains("waiting for signal approve at greet.flow:2:"), described.out());
            assertTrue(described.out().contains("> 2 | let answer = await Signal.next(\"approve\")"), described.out());
            assertTrue(described.out().contains("  1 | print(`hello ${Inputs.name}`)"), described.out());
            JsonNode describedJson = rondo.run("describe", "g-1", "--json").json();
            assertEquals("signal approve", describedJson.get("waitingFor").get(0).asText());
            assertEquals("hello Ada\n", rondo.run("logs", "g-1").out());
            assertEquals("{\"n\":1,\"line\":\"hello Ada\"}\n", rondo.run("logs", "g-1", "--json").out());

            Path payload = dir.resolve("payload.json");
            Files.writeString(payload, "\"yes\"");
            Cli.Result signalled = rondo.run("signal", "g-1", "approve", "--payload", "@" + payload);
            assertEquals(0, signalled.code(), signalled.err());
            Cli.Result result = rondo.run("result", "g-1", "--wait", "30");
            assertEquals(0, result.code(), result.err());
            assertEquals("{\"name\":\"Ada\",\"answer\":\"yes\"}\n", result.out());
            JsonNode resultJson = rondo.run("result", "g-1", "--json").json();
            assertEquals("completed", resultJson.get("status").asText());
            assertEquals("yes", resultJson.get("result").get("answer").asText());
            assertEquals("hello Ada\napproved\n", rondo.run("logs", "g-1", "--follow").out());

            rondo.run("start", "greet", "--input", "{\"name\":\"Bo\"}", "--queue", "cli", "--id", "g-2");
            rondo.run("signal", "g-2", "approve", "--payload", "\"no\"");
            Cli.Result failed = rondo.run("result", "g-2", "--wait", "30");
            assertEquals(1, failed.code());
            assertEquals("greet.flow:4:23: Error: refused\n", failed.err());
            assertEquals("refused", rondo.run("result", "g-2", "--json").json().get("error").get("message").asText());

            Cli.Result finished = rondo.run("signal", "g-1", "approve");
            assertEquals(1, finished.code());
            assertTrue(finished.err().contains("has already completed"), finished.err());
        }

        JsonNode listed = rondo.run("list", "--json").json();
        assertEquals(List.of("g-2", "g-1"), List.of(listed.get(0).get("id").asText(), listed.get(1).get("id").asText()));
        assertEquals("greet", listed.get(0).get("workflow").asText());
        assertEquals(1, rondo.run("list", "--json", "--status", "failed").json().size());
        JsonNode page = rondo.run("list", "--json", "--limit", "1", "--after", "g-2").json();
        assertEquals("g-1", page.get(0).get("id").asText());
        String table = rondo.run("list", "--workflow", "greet").out();
        assertTrue(table.startsWith("ID   WORKFLOW  STATUS     QUEUE  CREATED"), table);
        assertTrue(table.contains("g-2  greet     failed     cli"), table);
        assertEquals(2, rondo.run("list", "--status", "sleeping").code());
    }

    @Test
    void cancelEndsAWaitingExecutionAsCancelled() throws Exception {
        rondo.run("deploy", dir.toString());
        String id = rondo.run("start", "greet", "--queue", "cli").out().strip();
        try (RondoClient client = RondoClient.connect(url, 8); Worker ignored = worker(client)) {
            Cli.Result cancelled = rondo.run("cancel", id);
            assertEquals(0, cancelled.code(), cancelled.err());
            Cli.Result result = rondo.run("result", id, "--wait", "30", "--json");
            assertEquals(1, result.code(), result.err());
            assertEquals("cancelled", result.json().get("status").asText());
            assertEquals(1, rondo.run("cancel", id).code(), "an ended execution cannot be cancelled");
        }
    }

    @Test
    void logsFollowPrintsLinesAsTheyComeUntilTheExecutionEnds() throws Exception {
        rondo.run("deploy", dir.toString());
        rondo.run("start", "greet", "--input", "{\"name\":\"Cy\"}", "--queue", "cli", "--id", "f-1");
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (RondoClient client = RondoClient.connect(url, 8); Worker ignored = worker(client)) {
            Future<Cli.Result> following = background.submit(() -> rondo.run("logs", "f-1", "--follow"));
            awaitStatus(client, "f-1", "waiting");
            assertFalse(following.isDone(), "it follows while the execution runs");
            rondo.run("signal", "f-1", "approve", "--payload", "\"yes\"");
            Cli.Result followed = following.get(60, TimeUnit.SECONDS);
            assertEquals(0, followed.code(), followed.err());
            assertEquals("hello Cy\napproved\n", followed.out());
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void unknownIdsNamesAndBadJsonSayWhatIsWrong() {
        rondo.run("deploy", dir.toString());
        Cli.Result unknownWorkflow = rondo.run("start", "nope");
        assertEquals(1, unknownWorkflow.code());
        assertTrue(unknownWorkflow.err().contains("No workflow named 'nope' is deployed"), unknownWorkflow.err());
        for (String command : new String[] {"status", "result", "cancel", "describe", "logs"}) {
            Cli.Result unknown = rondo.run(command, "no-such-id");
            assertEquals(1, unknown.code(), command + ": " + unknown.err());
            assertTrue(unknown.err().contains("'no-such-id'"), command + ": " + unknown.err());
        }
        assertEquals(1, rondo.run("signal", "no-such-id", "approve").code());
        Cli.Result badInput = rondo.run("start", "greet", "--input", "{name:");
        assertEquals(2, badInput.code());
        assertEquals("rondo: --input: the value is not valid JSON: Unexpected character 'n' in the JSON text at line 1, column 2.\n", badInput.err());
        Cli.Result badPayload = rondo.run("signal", "x", "approve", "--payload", "nope");
        assertEquals(2, badPayload.code());
        assertTrue(badPayload.err().contains("--payload: the value is not valid JSON"), badPayload.err());
        Cli.Result missingFile = rondo.run("start", "greet", "--input", "@" + dir.resolve("missing.json"));
        assertEquals(2, missingFile.code());
        assertTrue(missingFile.err().contains("cannot read"), missingFile.err());
    }

    @Test
    void migrateSaysWhereWithoutThePassword() {
        Cli.Result migrated = rondo.run("migrate");
        assertEquals(0, migrated.code(), migrated.err());
        assertTrue(migrated.out().startsWith("schema up to date in jdbc:postgresql://"), migrated.out());
        Cli.Result unreachable = new Cli("postgres://ada:secret@127.0.0.1:1/rondo").run("migrate");
        assertEquals(1, unreachable.code());
        assertTrue(unreachable.err().contains("Cannot connect to postgres://ada:***@127.0.0.1:1/rondo"), unreachable.err());
        assertTrue(unreachable.err().contains("hint: check the server and the URL given with --database-url"), unreachable.err());
        assertFalse(unreachable.err().contains("secret"), unreachable.err());
    }

    /** Waits for the worker to bring the execution to {@code status} (polling with a deadline: no event to wait on). */
    private static void awaitStatus(RondoClient client, String id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!client.handle(id).status().text().equals(status)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(id + " never became " + status + "; it is " + client.handle(id).status());
            }
            Thread.sleep(50);
        }
    }
}
