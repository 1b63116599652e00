package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowResult;
import dev.rondo.testdb.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rondo worker --eager-tasks}: a slice's tasks start on its worker without a claim, and the metric counts them. */
class WorkerEagerTasksTest {

    private static final Pattern METRICS_AT = Pattern.compile("metrics at (http://\\S+/metrics)");
    private static final Pattern EAGER = Pattern.compile("(?m)^rondo_task_eager_total\\{queue=\"eager\",?\\} (\\S+)$");

    @TempDir
    Path work;

    @Test
    void theFlagRunsASlicesTasksEagerly() throws Exception {
        String url = TestDatabase.freshSchemaUrl("cli_worker_eager");
        Cli cli = new Cli(url);
        Files.writeString(work.resolve("fan.flow"), """
                let pending = []
                for (let i = 0; i < 3; i++) { pending.push(Task.run("work", {i})) }
                return (await Promise.all(pending)).length
                """);
        assertEquals(0, cli.run("deploy", work.resolve("fan.flow").toString()).code());
        Map<String, String> env = new HashMap<>();
        env.put(Database.VARIABLE, null);
        RondoProcess.Running worker = new RondoProcess(env, work).start("worker", "--queue", "eager", "--eager-tasks",
                "--metrics-port", "0", "--mock", "work={\"ok\":true}", "--database-url", url);
        try (RondoClient client = RondoClient.connect(url)) {
            String metrics = awaitMetricsAddress(worker);
            String id = client.start("fan", "{}", StartOptions.DEFAULT.withQueue("eager")).id();
            WorkflowResult result = client.handle(id).result(Duration.ofSeconds(60));
            assertTrue(result.completed(), result.toString());
            assertEquals("3", result.resultJson());
            // its slice held one of the 16 slots: all three tasks ran eagerly, none was claimed
            Matcher eager = EAGER.matcher(get(metrics));
            assertTrue(eager.find(), "no eager count: " + get(metrics));
            assertEquals(3.0, Double.parseDouble(eager.group(1)));
        } finally {
            worker.process().destroy();
            worker.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String awaitMetricsAddress(RondoProcess.Running worker) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Matcher at = METRICS_AT.matcher(worker.stderr());
            if (at.find() && worker.stderr().contains("serving eager")) {
                return at.group(1);
            }
            if (System.nanoTime() > deadline || !worker.process().isAlive()) {
                throw new AssertionError("the worker did not start: " + worker.stdout() + worker.stderr());
            }
            Thread.sleep(100);
        }
    }

    private static String get(String address) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(address)).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
