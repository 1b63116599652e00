package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.testdb.TestDatabase;
import dev.rondo.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rondo steps | retry | rewind | fork}, with and without --json, and their refusals, with a worker running. */
class RetryCommandsTest {

    @TempDir
    Path dir;

    @Test
    void stepsRetryRewindAndForkOnTheCommandLine() throws Exception {
        String url = TestDatabase.freshSchemaUrl("cli_retry");
        Cli rondo = new Cli(url);
        Files.writeString(dir.resolve("cli.flow"), """
                let a = await Task.run("step", {n: 1})
                let s = await Signal.next("go")
                let b = await Task.run("flaky", {}, {maxAttempts: 1})
                return [a, s, b]
                """, StandardCharsets.UTF_8);
        AtomicBoolean fails = new AtomicBoolean(true);
        try (RondoClient client = RondoClient.connect(url, 4);
             Worker worker = Worker.builder(client.dataSource()).concurrency(2)
                     .task("step", (input, ctx) -> input.get("n").asInt())
                     .task("flaky", (input, ctx) -> {
                         if (fails.get()) {
                             throw new IllegalStateException("downstream is down");
                         }
                         return "ok";
                     }).build().start()) {
            client.deploy(dir.resolve("cli.flow"));
            WorkflowHandle c1 = client.start("cli", "{}", StartOptions.DEFAULT.withId("c1"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (c1.steps().size() < 2) {
                assertTrue(System.nanoTime() < deadline, "c1 never waited for its signal");
                Thread.sleep(50); // no event tells of a checkpoint
            }
            Cli.Result steps = rondo.run("steps", "c1");
            assertEquals(0, steps.code(), steps.err());
            assertTrue(steps.out().startsWith("step  waiting at    waiting for  at\n1     cli.flow:1:9  task step    "), steps.out());
            JsonNode json = rondo.run("steps", "c1", "--json").json();
            assertEquals("c1", json.get("id").asText());
            assertEquals(2, json.get("steps").size());
            assertEquals("cli.flow:2:9", json.get("steps").get(1).get("waitingAt").asText());
            assertEquals("signal go", json.get("steps").get(1).get("waitingFor").get(0).asText());

            c1.signal("go", "\"yes\"");
            assertEquals(ExecutionStatus.FAILED, c1.result(Duration.ofSeconds(60)).status());

            Cli.Result badStep = rondo.run("rewind", "c1", "--to", "9");
            assertEquals(1, badStep.code());
            assertEquals("rondo: Execution 'c1' has no step 9 in its checkpoint history; the steps kept are 1 to 3"
                    + " ('rondo steps c1' lists them).\n", badStep.err());
            Cli.Result zero = rondo.run("rewind", "c1", "--to", "0");
            assertEquals(2, zero.code());
            assertTrue(zero.err().startsWith("rondo: --to: steps are numbered from 1, not 0"), zero.err());

            Cli.Result fork = rondo.run("fork", "c1", "--at", "2", "--id", "c1-fork", "--json");
            assertEquals(0, fork.code(), fork.err());
            assertEquals("{\"id\":\"c1-fork\",\"forkedFrom\":\"c1\",\"step\":2}", fork.json().toString());
            JsonNode described = rondo.run("describe", "c1-fork", "--json").json();
            assertEquals("c1", described.get("forkedFrom").asText());
            assertEquals(2, described.get("forkedAtStep").asInt());
            assertTrue(rondo.run("describe", "c1-fork").out().contains("forked from  c1 at step 2"));
            Cli.Result taken = rondo.run("fork", "c1", "--at", "1", "--id", "c1-fork");
            assertEquals(1, taken.code());
            assertTrue(taken.err().contains("that id belongs to another execution"), taken.err());
            assertEquals(2, rondo.run("fork", "c1", "--id", "x.t1").code(), "an id of the engine's form is a usage error");

            fails.set(false);
            Cli.Result retried = rondo.run("retry", "c1", "--json");
            assertEquals(0, retried.code(), retried.err());
            assertEquals("{\"id\":\"c1\",\"retried\":true,\"status\":\"waiting\"}", retried.json().toString());
            assertEquals("[1,\"yes\",\"ok\"]", c1.result(Duration.ofSeconds(60)).resultJson());
            Cli.Result again = rondo.run("retry", "c1");
            assertEquals(1, again.code());
            assertEquals("rondo: Execution 'c1' is completed, not failed; only a failed execution can be retried.\n", again.err());
            Cli.Result unknown = rondo.run("retry", "nobody");
            assertEquals(1, unknown.code());
            assertEquals("rondo: No workflow execution has the id 'nobody'.\n", unknown.err());

            client.handle("c1-fork").signal("go", "\"forked\"");
            assertEquals("[1,\"forked\",\"ok\"]", client.handle("c1-fork").result(Duration.ofSeconds(60)).resultJson());
            Cli.Result rewound = rondo.run("rewind", "c1-fork", "--to", "1");
            assertEquals(1, rewound.code(), "a completed execution cannot be rewound");
            assertTrue(rewound.err().contains("is completed; only a waiting, paused or failed execution can be rewound"), rewound.err());
        }
    }
}
