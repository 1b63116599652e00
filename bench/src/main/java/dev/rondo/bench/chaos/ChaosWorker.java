package dev.rondo.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.worker.TaskContext;
import dev.rondo.worker.TaskFailure;
import dev.rondo.worker.Worker;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One worker process of the chaos suite: {@code ChaosWorker URL INSTANCE CONCURRENCY}. It serves the task
 * {@code effect}, whose side effect is a row in {@code chaos_effects} (keyed by a token of its own, with the
 * task's idempotency key, attempt and this instance), written on a small pool of its own before it returns;
 * so every attempt that acted is on record, and the check can tell the attempt whose result the engine kept
 * from attempts a fault cut off. Its connections carry the instance as {@code application_name}, which is
 * how the suite aims {@code pg_terminate_backend} at it. It exits when its standard input closes (the suite
 * that started it is gone), so no worker outlives a suite that was itself killed.
 */
public final class ChaosWorker {

    /** How long a handler keeps trying to record its effect while the database is away. */
    private static final Duration RECORD_PATIENCE = Duration.ofSeconds(90);

    private final HikariDataSource effects;
    private final String instance;

    private ChaosWorker(HikariDataSource effects, String instance) {
        this.effects = effects;
        this.instance = instance;
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String instance = args[1];
        int concurrency = Integer.parseInt(args[2]);
        HikariDataSource pool = pool(url, instance, Worker.connectionsNeeded(concurrency));
        HikariDataSource effects = pool(url, instance, 2);
        ChaosWorker handlers = new ChaosWorker(effects, instance);
        Worker worker = startWhenTheDatabaseIsUp(Worker.builder(pool)
                .id(instance)
                .concurrency(concurrency)
                .lease(Duration.ofSeconds(2))
                .rescueInterval(Duration.ofMillis(500))
                .pollInterval(Duration.ofSeconds(1))
                .task("effect", handlers::effect));
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; EOF is the signal
                }
            } catch (IOException ignored) {
                // treated as EOF
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
        System.out.println("ready " + instance);
        System.out.flush();
        worker.awaitTermination(Duration.ofDays(365));
    }

    /**
     * Starts the worker, trying again while the database is away (a restart can land while this process
     * starts), as a supervisor restarting a worker that exited would.
     */
    private static Worker startWhenTheDatabaseIsUp(Worker.Builder builder) throws InterruptedException {
        while (true) {
            try {
                return builder.build().start();
            } catch (RuntimeException e) {
                System.out.println("could not start yet: " + e);
                Thread.sleep(500);
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
        // fail at once rather than wait for the database at start: the suite restarts the process anyway
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("ApplicationName", instance);
        return new HikariDataSource(config);
    }

    /**
     * {@code {n, step, fail?}} → {@code {v: n * 10 + step, token}}. Takes a little time on either side of
     * recording its effect, so that a kill -9 lands before it acted as well as after. With {@code fail}, the
     * first attempt records a failed effect and fails (retryably).
     */
    private Object effect(JsonNode input, TaskContext ctx) throws InterruptedException {
        long n = input.get("n").asLong();
        int step = input.get("step").asInt();
        Instant started = Instant.now();
        Thread.sleep(ThreadLocalRandom.current().nextInt(0, 150));
        boolean failing = input.path("fail").asBoolean(false) && ctx.attempt() == 1;
        String token = UUID.randomUUID().toString();
        record(token, ctx, failing ? "failed" : "ok", started);
        if (failing) {
            throw TaskFailure.retryable("the first attempt of a failing effect fails, as planned");
        }
        Thread.sleep(ThreadLocalRandom.current().nextInt(0, 150));
        return Map.of("v", n * 10 + step, "token", token);
    }

    /** Inserts the effect, trying again while the database is away; the token makes a repeated insert a no-op. */
    private void record(String token, TaskContext ctx, String outcome, Instant started) throws InterruptedException {
        long deadline = System.nanoTime() + RECORD_PATIENCE.toNanos();
        while (true) {
            try (Connection c = effects.getConnection(); PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO chaos_effects (token, key, attempt, worker, outcome, started_at) VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (token) DO NOTHING")) {
                insert.setString(1, token);
                insert.setString(2, ctx.idempotencyKey());
                insert.setInt(3, ctx.attempt());
                insert.setString(4, instance);
                insert.setString(5, outcome);
                insert.setTimestamp(6, Timestamp.from(started));
                insert.executeUpdate();
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw TaskFailure.retryable("could not record the effect: " + e.getMessage());
                }
                Thread.sleep(200);
            }
        }
    }
}
