package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.WorkflowHandle;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrency keys held across workers: four workers of eight slots each run tasks of two keys (limits 1
 * and 3) beside tasks without a key; the handler records its start and end on the database's clock, and
 * one attempt in five fails and is retried. At no moment do more tasks of a key run than its limit, and
 * every task ends.
 */
class ConcurrencyKeysTest {

    @TempDir
    Path flows;

    private Engine engine;

    @BeforeEach
    void setUp() throws SQLException {
        engine = new Engine("concurrency", flows);
        engine.flow("fanout", """
                const promises = []
                for (let i = 0; i < Inputs.n; i++) {
                  const key = i % 3 == 0 ? null : (i % 3 == 1 ? "acct-1" : "acct-3")
                  const options = key == null ? {} : {concurrency: {key, limit: key == "acct-1" ? 1 : 3}, backoff: {initial: 0.05}}
                  promises.push(Task.run("work", {i, key}, options))
                }
                const done = await Promise.all(promises)
                return done.length
                """);
        try (Connection c = engine.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE runs (key text, task text, attempt int, started_at timestamptz, ended_at timestamptz)");
        }
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    private Object work(com.fasterxml.jackson.databind.JsonNode input, TaskContext ctx) throws Exception {
        String key = input.get("key").isNull() ? "none" : input.get("key").asText();
        try (Connection c = engine.dataSource.getConnection();
             PreparedStatement start = c.prepareStatement("INSERT INTO runs VALUES (?, ?, ?, clock_timestamp(), NULL)");
             PreparedStatement end = c.prepareStatement("UPDATE runs SET ended_at = clock_timestamp() WHERE task = ? AND attempt = ?")) {
            start.setString(1, key);
            start.setString(2, ctx.idempotencyKey());
            start.setInt(3, ctx.attempt());
            start.executeUpdate();
            Thread.sleep(ThreadLocalRandom.current().nextInt(5, 30));
            end.setString(1, ctx.idempotencyKey());
            end.setInt(2, ctx.attempt());
            end.executeUpdate();
        }
        if (ctx.attempt() == 1 && ThreadLocalRandom.current().nextInt(5) == 0) {
            throw new IllegalStateException("planned failure");
        }
        return input;
    }

    @Test
    void noMoreTasksOfAKeyRunAtOnceThanItsLimitAcrossWorkers() throws Exception {
        for (int i = 0; i < 4; i++) {
            engine.worker(b -> b.concurrency(8).task("work", this::work));
        }
        List<WorkflowHandle> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(engine.start("fanout", "{\"n\": 36}"));
        }
        for (WorkflowHandle run : runs) {
            Engine.assertCompleted("36", run.result(Duration.ofSeconds(90)));
        }
        // the most runs of a key in progress at any run's start
        List<String> overlap = engine.column("""
                SELECT a.key || '=' || max((SELECT count(*) FROM runs b
                                            WHERE b.key = a.key AND b.started_at <= a.started_at AND b.ended_at > a.started_at))
                FROM runs a GROUP BY a.key ORDER BY a.key""");
        System.out.println("ConcurrencyKeysTest: 4 workers x 8 slots, max overlap per key (limits acct-1=1, acct-3=3): " + overlap
                + "; mean gap between acct-1 runs " + engine.one("""
                SELECT round(avg(gap) * 1000) || ' ms' FROM (SELECT EXTRACT(EPOCH FROM started_at - lag(ended_at) OVER (ORDER BY started_at)) AS gap
                FROM runs WHERE key = 'acct-1') g"""));
        assertEquals(3, overlap.size(), overlap.toString());
        assertEquals("acct-1=1", overlap.get(0), overlap.toString());
        int acct3 = Integer.parseInt(overlap.get(1).substring("acct-3=".length()));
        assertTrue(acct3 >= 2 && acct3 <= 3, "acct-3 ran " + acct3 + " at once (limit 3): " + overlap);
        int none = Integer.parseInt(overlap.get(2).substring("none=".length()));
        assertTrue(none > 3, "tasks without a key ran " + none + " at once");
        assertEquals("0", engine.one("SELECT count(*) FROM concurrency_waiting"));
        assertEquals("144", engine.one("SELECT count(DISTINCT task) FROM runs WHERE ended_at IS NOT NULL"));
    }
}
