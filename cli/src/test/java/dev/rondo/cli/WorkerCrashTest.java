package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.RondoClient;
import dev.rondo.client.WorkflowResult;
import dev.rondo.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test: executions are started, a {@code rondo worker} process is killed with
 * SIGKILL in the middle of their tasks, a new worker with a short lease takes the work over, and every
 * execution completes with each checkpoint once (each task once, each log line once). The new worker
 * then stops gracefully on SIGTERM.
 */
class WorkerCrashTest {

    private static final int EXECUTIONS = 4;

    @TempDir
    Path work;

    @Test
    void aKilledWorkersExecutionsCompleteOnANewWorkerWithEachCheckpointOnce() throws Exception {
        String url = TestDatabase.freshSchemaUrl("cli_worker");
        Cli cli = new Cli(url);
        Files.writeString(work.resolve("order.flow"), """
                print(`start ${Inputs.n}`)
                let a = await Task.run("slow", {n: Inputs.n})
                print(`slow done ${Inputs.n}`)
                let b = await Task.run("fast", {n: Inputs.n})
                return {n: Inputs.n, a: a.ok, b: b.ok}
                """);
        assertEquals(0, cli.run("deploy", work.resolve("order.flow").toString()).code());
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= EXECUTIONS; n++) {
            Cli.Result started = cli.run("start", "order", "--queue", "work", "--input", "{\"n\":" + n + "}");
            assertEquals(0, started.code(), started.err());
            ids.add(started.out().strip());
        }
        Map<String, String> env = new HashMap<>();
        env.put(Database.VARIABLE, null);
        RondoProcess rondo = new RondoProcess(env, work);

        RondoProcess.Running doomed = rondo.start("worker", "--queue", "work", "--lease", "2", "--concurrency", "4", "--database-url", url,
                "--mock", "slow={\"ok\":1}", "--mock-delay", "slow=60", "--mock", "fast={\"ok\":2}");
        awaitRunningSlowTasks(url, EXECUTIONS, doomed);
        doomed.process().destroyForcibly(); // SIGKILL: no shutdown hook, no lease released
        assertTrue(doomed.process().waitFor(30, TimeUnit.SECONDS));

        RondoProcess.Running rescuer = rondo.start("worker", "--queue", "work", "--lease", "2", "--concurrency", "4", "--database-url", url,
                "--mock", "slow={\"ok\":1}", "--mock", "fast={\"ok\":2}");
        try (RondoClient client = RondoClient.connect(url)) {
            for (int n = 1; n <= EXECUTIONS; n++) {
                String id = ids.get(n - 1);
                WorkflowResult result = client.handle(id).result(Duration.ofSeconds(90));
                assertTrue(result.completed(), id + ": " + result.error() + "\n" + rescuer.stderr());
                assertEquals("{\"n\":" + n + ",\"a\":1,\"b\":2}", result.resultJson());
                assertEquals(List.of("start " + n, "slow done " + n), client.handle(id).logs(0), "each log line once");
            }
        }
        assertEquals(Map.of("slow", EXECUTIONS, "fast", EXECUTIONS), taskCounts(url), "each task once per execution");
        String rescued = rescuer.stdout();
        for (String id : ids) {
            assertTrue(rescued.contains("task slow attempt") && rescued.contains("of workflow " + id + ": returned {\"ok\":1}"), rescued);
        }

        rescuer.process().destroy(); // SIGTERM: a graceful stop
        assertTrue(rescuer.process().waitFor(60, TimeUnit.SECONDS), rescuer.stderr());
        assertTrue(rescuer.stderr().contains("rondo worker: stopped"), rescuer.stderr());
    }

    /** Polls (with a deadline) until the doomed worker holds {@code count} slow tasks' items: there is no event to wait on. */
    private static void awaitRunningSlowTasks(String url, int count, RondoProcess.Running worker) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM queue_items q JOIN executions e ON e.id = q.execution_id "
                        + "WHERE e.kind = 'task' AND e.name = 'slow' AND q.lease_owner IS NOT NULL")) {
                    rs.next();
                    if (rs.getInt(1) >= count) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline || !worker.process().isAlive()) {
                    throw new AssertionError("the worker never ran " + count + " slow tasks: " + worker.stderr());
                }
                Thread.sleep(100);
            }
        }
    }

    private static Map<String, Integer> taskCounts(String url) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, count(*) FROM executions WHERE kind = 'task' GROUP BY name")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }
}
