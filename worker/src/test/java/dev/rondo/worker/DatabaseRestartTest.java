package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.ExecutionStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole PostgreSQL server stops in the middle of the work and starts again on the same data: workers
 * and the client reconnect, LISTEN resumes, and every workflow ends with each log line written once.
 * This test runs a server of its own (embedded, on a data folder it keeps), whatever
 * {@code RONDO_TEST_DATABASE_URL} says, because it must be able to stop it.
 */
class DatabaseRestartTest {

    private static final int WORKFLOWS = 40;
    private static final int STEPS = 4;

    @TempDir
    Path folder;

    private EmbeddedPostgres server;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void workflowsFinishAcrossARestartOfTheServer() throws Exception {
        int port = freePort();
        Path data = folder.resolve("data");
        server = startServer(data, port);
        String url = server.getJdbcUrl("postgres", "postgres");
        Path flows = Files.createDirectories(folder.resolve("flows"));
        Files.writeString(flows.resolve("steps.flow"), """
                let total = 0
                for (let i = 0; i < %d; i++) {
                  total += await Task.run("step", {i})
                  print(`step ${i} of ${Inputs.n}`)
                }
                return total
                """.formatted(STEPS));

        HikariDataSource clientPool = pool(url, "client");
        RondoClient client = RondoClient.create(clientPool);
        toClose.add(client);
        client.deploy(flows.resolve("steps.flow"));

        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch halfway = new CountDownLatch(WORKFLOWS * STEPS / 2);
        Worker worker = Worker.builder(pool(url, "worker"))
                .concurrency(8)
                .lease(Duration.ofSeconds(2))
                .rescueInterval(Duration.ofMillis(300))
                .task("step", (input, ctx) -> {
                    attempts.incrementAndGet();
                    halfway.countDown();
                    return input.get("i").asInt() + 1;
                })
                .build().start();
        toClose.add(() -> {
            worker.shutdownNow();
            worker.awaitTermination(Duration.ofSeconds(10));
        });

        List<WorkflowHandle> handles = new ArrayList<>();
        for (int n = 0; n < WORKFLOWS; n++) {
            handles.add(client.start("steps", "{\"n\": " + n + "}", StartOptions.DEFAULT));
        }
        // A caller already waiting for a result when the server stops keeps waiting on a new connection.
        CompletableFuture<WorkflowResult> waitedThroughRestart = CompletableFuture.supplyAsync(
                () -> handles.getLast().result(Duration.ofSeconds(120)));
        halfway.await();
        server.close(); // a fast shutdown: every connection of the workers and the client is cut
        server = startServer(data, port);
        assertEquals(ExecutionStatus.COMPLETED, waitedThroughRestart.get().status());

        for (WorkflowHandle handle : handles) {
            WorkflowResult result = handle.result(Duration.ofSeconds(120));
            assertEquals(ExecutionStatus.COMPLETED, result.status(), () -> handle.id() + ": " + result.errorJson());
            assertEquals(String.valueOf(STEPS * (STEPS + 1) / 2), result.resultJson());
        }
        try (Connection c = clientPool.getConnection(); Statement s = c.createStatement()) {
            assertEquals(WORKFLOWS * STEPS, count(s, "SELECT count(*) FROM log_lines"));
            assertEquals(WORKFLOWS * STEPS, count(s, "SELECT count(DISTINCT (execution_id, line)) FROM log_lines"));
            assertEquals(0, count(s, "SELECT count(*) FROM queue_items"));
            assertEquals(0, count(s, "SELECT count(*) FROM executions WHERE status NOT IN ('completed')"));
        }
        // Attempts cut off by the stop run again (at least once), but never fewer than one per task.
        assertEquals(true, attempts.get() >= WORKFLOWS * STEPS, "attempts: " + attempts.get());
    }

    private static EmbeddedPostgres startServer(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private HikariDataSource pool(String url, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(10);
        config.setPoolName(name);
        config.setConnectionTimeout(5_000);
        HikariDataSource pool = new HikariDataSource(config);
        toClose.add(pool);
        return pool;
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
