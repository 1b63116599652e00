package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.testdb.TestDatabase;
import dev.rondo.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development worker prints the ends of its own queues' workflows, not every workflow's on the database. */
class WorkerEndsTest {

    @TempDir
    Path work;

    @Test
    void theDevelopmentWorkerPrintsOnlyItsQueuesEnds() throws Exception {
        String url = TestDatabase.freshSchemaUrl("cli_worker_ends");
        Cli cli = new Cli(url);
        RondoProcess.Running worker = deployAndServe(cli, url, "mine");
        try (RondoClient client = RondoClient.connect(url)) {
            String theirs = cli.run("start", "hello", "--queue", "theirs").out().strip();
            try (Worker other = Worker.builder(client.dataSource()).queues("theirs").build().start()) {
                assertTrue(client.handle(theirs).result(Duration.ofSeconds(60)).completed());
            }
            String mine = cli.run("start", "hello", "--queue", "mine").out().strip();
            assertTrue(client.handle(mine).result(Duration.ofSeconds(60)).completed());
            // the ends come in commit order: by the time mine is printed, theirs would have been
            String out = awaitOutput(worker, "workflow " + mine + " (hello) completed", null);
            assertFalse(out.contains(theirs), out);
        } finally {
            worker.process().destroy();
            worker.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Ends that come in one batch of notifications (one query for them all) are each printed once. */
    @Test
    void manyEndsAtOnceArePrintedEachOnce() throws Exception {
        String url = TestDatabase.freshSchemaUrl("cli_worker_many_ends");
        RondoProcess.Running worker = deployAndServe(new Cli(url), url, "many");
        try (RondoClient client = RondoClient.connect(url)) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                ids.add(client.start("hello", "{}", StartOptions.DEFAULT.withQueue("many")).id());
            }
            for (String id : ids) {
                assertTrue(client.handle(id).result(Duration.ofSeconds(60)).completed());
            }
            String out = "";
            for (String id : ids) {
                out = awaitOutput(worker, "workflow " + id + " (hello) completed", null);
            }
            for (String id : ids) {
                String line = "workflow " + id + " (hello) completed";
                assertEquals(out.indexOf(line), out.lastIndexOf(line), "printed twice: " + line);
            }
        } finally {
            worker.process().destroy();
            worker.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Deploys hello.flow and starts {@code rondo worker} on {@code queue}; returns once it serves it. */
    private RondoProcess.Running deployAndServe(Cli cli, String url, String queue) throws Exception {
        Files.writeString(work.resolve("hello.flow"), "return 1\n");
        assertEquals(0, cli.run("deploy", work.resolve("hello.flow").toString()).code());
        Map<String, String> env = new HashMap<>();
        env.put(Database.VARIABLE, null);
        RondoProcess.Running worker = new RondoProcess(env, work).start("worker", "--queue", queue, "--database-url", url);
        awaitOutput(worker, "", "serving " + queue);
        return worker;
    }

    /** Polls the worker's output file (there is no event to wait on) until it holds {@code line} on stdout or {@code errLine} on stderr. */
    private static String awaitOutput(RondoProcess.Running worker, String line, String errLine) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            String out = worker.stdout();
            if (errLine != null ? worker.stderr().contains(errLine) : out.contains(line)) {
                return out;
            }
            if (System.nanoTime() > deadline || !worker.process().isAlive()) {
                throw new AssertionError("no '" + (errLine != null ? errLine : line) + "': " + out + worker.stderr());
            }
            Thread.sleep(100);
        }
    }
}
