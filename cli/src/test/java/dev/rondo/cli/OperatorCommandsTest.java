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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rondo pause|resume|terminate ID}, {@code rondo queue pause|resume|list} and {@code rondo bulk}, with a
 * worker running: output, {@code --json}, exit codes and refusals.
 */
class OperatorCommandsTest {

    @TempDir
    Path dir;

    private String url;
    private Cli rondo;

    @BeforeEach
    void deploy() throws Exception {
        url = TestDatabase.freshSchemaUrl("cli_operator");
        rondo = new Cli(url);
        Files.writeString(dir.resolve("wait.flow"), """
                let answer = await Signal.next("go")
                return answer
                """, StandardCharsets.UTF_8);
        assertEquals(0, rondo.run("deploy", dir.toString()).code());
    }

    private Worker worker(RondoClient client) {
        return Worker.builder(client.dataSource()).queues("cli").concurrency(2).build().start();
    }

    private static void awaitStatus(RondoClient client, String id, String status) throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!client.handle(id).status().text().equals(status)) {
            assertTrue(System.nanoTime() < deadline, id + " is not " + status + " within 30 s");
            never.await(20, TimeUnit.MILLISECONDS);
        }
    }

    @Test
    void pauseResumeAndTerminateOneExecution() throws Exception {
        rondo.run("start", "wait", "--queue", "cli", "--id", "w-1");
        try (RondoClient client = RondoClient.connect(url, 8); Worker ignored = worker(client)) {
            awaitStatus(client, "w-1", "waiting");
            Cli.Result paused = rondo.run("pause", "w-1");
            assertEquals(0, paused.code(), paused.err());
            assertEquals("paused w-1\n", paused.out());
            JsonNode again = rondo.run("pause", "w-1", "--json").json();
            assertFalse(again.get("changed").asBoolean());
            assertEquals("paused", again.get("status").asText());
            assertEquals("paused", rondo.run("status", "w-1").out().strip());
            assertEquals(1, rondo.run("list", "--json", "--where", "status=paused").json().size());

            JsonNode resumed = rondo.run("resume", "w-1", "--json").json();
            assertTrue(resumed.get("changed").asBoolean());
            assertEquals("waiting", resumed.get("status").asText());
            assertEquals("w-1 is not paused\n", rondo.run("resume", "w-1").out());

            Cli.Result terminated = rondo.run("terminate", "w-1", "--reason", "wrong customer");
            assertEquals(0, terminated.code(), terminated.err());
            assertEquals("terminated w-1\n", terminated.out());
            JsonNode result = rondo.run("result", "w-1", "--json").json();
            assertEquals("terminated", result.get("status").asText());
            Cli.Result refused = rondo.run("pause", "w-1");
            assertEquals(1, refused.code());
            assertTrue(refused.err().contains("has already terminated; it cannot be paused"), refused.err());
            assertEquals(1, rondo.run("terminate", "nope").code());
        }
    }

    @Test
    void queuePauseAndResume() throws Exception {
        assertEquals("paused queue cli\n", rondo.run("queue", "pause", "cli").out());
        JsonNode again = rondo.run("queue", "pause", "cli", "--json").json();
        assertFalse(again.get("changed").asBoolean());
        rondo.run("start", "wait", "--queue", "cli", "--id", "q-1");
        JsonNode listed = rondo.run("queue", "list", "--json").json();
        assertEquals("cli", listed.get(0).get("queue").asText());
        assertEquals(1, listed.get(0).get("waiting").asInt());
        try (RondoClient client = RondoClient.connect(url, 8); Worker ignored = worker(client)) {
            assertEquals("resumed queue cli\n", rondo.run("queue", "resume", "cli").out());
            awaitStatus(client, "q-1", "waiting");
        }
        assertEquals("no queue is paused\n", rondo.run("queue", "list").out());
        assertEquals(2, rondo.run("queue", "pause", "").code());
    }

    @Test
    void bulkWithDryRunBatchesAndResume() throws Exception {
        for (int i = 1; i <= 5; i++) {
            rondo.run("start", "wait", "--queue", "cli", "--id", "b-" + i);
        }
        try (RondoClient client = RondoClient.connect(url, 8); Worker ignored = worker(client)) {
            for (int i = 1; i <= 5; i++) {
                awaitStatus(client, "b-" + i, "waiting");
            }
            JsonNode dry = rondo.run("bulk", "pause", "--where", "status=waiting,workflow=wait", "--dry-run", "--json").json();
            assertEquals(5, dry.get("matched").asInt());
            assertEquals(0, dry.get("changed").asInt());
            assertEquals(5, dry.get("sample").size());
            assertEquals("waiting", rondo.run("status", "b-1").out().strip());

            // newest first: b-5 and b-4, then from the cursor on
            Cli.Result some = rondo.run("bulk", "pause", "--where", "workflow=wait", "--where", "since=1h", "--batch", "2",
                    "--resume-after", "b-4");
            assertEquals(0, some.code(), some.err());
            assertTrue(some.err().startsWith("batch 1: 2 examined, 2 paused, 0 unchanged, 0 refused; cursor b-2"), some.err());
            assertTrue(some.out().startsWith("3 paused, 0 unchanged, 0 refused, of 3 examined in 2 batches"), some.out());
            assertEquals("waiting", rondo.run("status", "b-5").out().strip());
            JsonNode all = rondo.run("bulk", "pause", "--where", "workflow=wait", "--json").json();
            assertEquals(2, all.get("changed").asInt());
            assertEquals(3, all.get("unchanged").asInt());
            assertEquals(2, rondo.run("bulk", "explode", "--where", "workflow=wait").code());
            assertEquals(2, rondo.run("bulk", "pause", "--where", "since=yesterday").code());
            JsonNode ended = rondo.run("bulk", "terminate", "--where", "status=paused", "--json").json();
            assertEquals(5, ended.get("changed").asInt());
        }
    }
}
