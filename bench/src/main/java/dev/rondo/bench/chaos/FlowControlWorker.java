package dev.rondo.bench.chaos;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.worker.TaskContext;
import dev.rondo.worker.Worker;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A worker JVM for the flow-control chaos test (FlowControlChaosTest): its task {@code hold} records its
 * start (on the database's clock) and end (on this machine's, the same clock, written again and again until
 * PostgreSQL is back from a restart) in {@code runs} with this instance's name, so that a run cut by a kill -9
 * can be closed at the kill's time. Exits when its standard input closes.
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
                .task("hold", handlers::hold).task("paced", (input, ctx) -> input.get("i")).build().start();
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
        String task = ctx.idempotencyKey();
        try (Connection c = records.getConnection();
             PreparedStatement start = c.prepareStatement(
                     "INSERT INTO runs (key, task, attempt, instance, started_at) VALUES (?, ?, ?, ?, clock_timestamp())")) {
            start.setString(1, input.get("key").asText());
            start.setString(2, task);
            start.setInt(3, ctx.attempt());
            start.setString(4, instance);
            start.executeUpdate();
        } catch (SQLException e) {
            // a restart may have cut the answer of a commit that happened: close the row if it is there
            recordEnd(task, ctx.attempt(), Instant.now());
            throw e;
        }
        // long enough that the 180 runs (6 at once at most) last through most of the 30 s of faults
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextInt(300, 900));
        while (System.nanoTime() < until) {
            if (ctx.leaseAtRisk()) {
                // PostgreSQL has been away for most of the lease: stop before another worker may start it
                recordEnd(task, ctx.attempt(), Instant.now());
                ctx.checkCancelled();
            }
            Thread.sleep(10);
        }
        recordEnd(task, ctx.attempt(), Instant.now());
        return input.get("i");
    }

    /**
     * Records when a run ended, as read on this machine's clock when it did (PostgreSQL runs on the same
     * machine, so it is the clock of started_at too), trying again until PostgreSQL is back from a restart.
     */
    private void recordEnd(String task, int attempt, Instant at) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try (Connection c = records.getConnection();
                 PreparedStatement end = c.prepareStatement(
                         "UPDATE runs SET ended_at = ? WHERE task = ? AND attempt = ? AND instance = ?")) {
                end.setObject(1, at.atOffset(ZoneOffset.UTC));
                end.setString(2, task);
                end.setInt(3, attempt);
                end.setString(4, instance);
                end.executeUpdate();
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("could not record the end of " + task + " for 2 minutes", e);
                }
                Thread.sleep(200);
            }
        }
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
