package dev.rondo.bench.chaos;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.worker.TaskContext;
import dev.rondo.worker.Worker;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A worker JVM for the flow-control chaos test (FlowControlChaosTest): its task {@code hold} records its
 * start and end on the database's clock in {@code runs} with this instance's name, so that a run cut by a
 * kill -9 can be closed at the kill's time. Exits when its standard input closes.
 */
public final class FlowControlWorker {

    private final HikariDataSource records;
    private final String instance;

    private FlowControlWorker(HikariDataSource records, String instance) {
        this.records = records;
        this.instance = instance;
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String instance = args[1];
        int concurrency = Integer.parseInt(args[2]);
        HikariDataSource pool = pool(url, instance, Worker.connectionsNeeded(concurrency));
        FlowControlWorker handlers = new FlowControlWorker(pool(url, instance, concurrency), instance);
        Worker worker = Worker.builder(pool).id(instance).concurrency(concurrency).lease(Duration.ofSeconds(2))
                .rescueInterval(Duration.ofMillis(500)).pollInterval(Duration.ofSeconds(1))
                .task("hold", handlers::hold).build().start();
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // EOF is the signal
                }
            } catch (IOException ignored) {
                // treated as EOF
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        System.out.println("ready " + instance);
        worker.awaitTermination(Duration.ofDays(365));
    }

    private Object hold(JsonNode input, TaskContext ctx) throws Exception {
        try (Connection c = records.getConnection();
             PreparedStatement start = c.prepareStatement(
                     "INSERT INTO runs (key, task, attempt, instance, started_at) VALUES (?, ?, ?, ?, clock_timestamp())");
             PreparedStatement end = c.prepareStatement(
                     "UPDATE runs SET ended_at = clock_timestamp() WHERE task = ? AND attempt = ? AND instance = ?")) {
            start.setString(1, input.get("key").asText());
            start.setString(2, ctx.idempotencyKey());
            start.setInt(3, ctx.attempt());
            start.setString(4, instance);
            start.executeUpdate();
            Thread.sleep(ThreadLocalRandom.current().nextInt(20, 120));
            end.setString(1, ctx.idempotencyKey());
            end.setInt(2, ctx.attempt());
            end.setString(3, instance);
            end.executeUpdate();
        }
        return input.get("i");
    }

    private static HikariDataSource pool(String url, String instance, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName(instance);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(5_000);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
