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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits held across workers: three workers of eight slots run 40 tasks of one rate limit (10 per
 * second) beside tasks without one. A trigger records each task's admission (its queue item's insert) on the
 * database's clock and the handler its start: no one-second window holds more than 10 admissions, the 40
 * take at least three seconds (four windows), every task runs once, and nothing is left waiting. (Without
 * the limit, the 40 are admitted in a few milliseconds.)
 */
class RateLimitsTest {

    @TempDir
    Path flows;

    private Engine engine;

    @BeforeEach
    void setUp() throws SQLException {
        engine = new Engine("ratelimits", flows);
        engine.flow("fanout", """
                const promises = []
                for (let i = 0; i < Inputs.n; i++) {
                  const options = i % 4 == 3 ? {} : {rateLimit: {key: "stripe", perSecond: 10}}
                  promises.push(Task.run("work", {i, limited: i % 4 != 3}, options))
                }
                const done = await Promise.all(promises)
                return done.length
                """);
        try (Connection c = engine.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE runs (task text, limited boolean, attempt int, started_at timestamptz)");
        }
        engine.recordAdmissions();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    private Object work(com.fasterxml.jackson.databind.JsonNode input, TaskContext ctx) throws Exception {
        try (Connection c = engine.dataSource.getConnection();
             PreparedStatement start = c.prepareStatement("INSERT INTO runs VALUES (?, ?, ?, clock_timestamp())")) {
            start.setString(1, ctx.idempotencyKey());
            start.setBoolean(2, input.get("limited").asBoolean());
            start.setInt(3, ctx.attempt());
            start.executeUpdate();
        }
        return input;
    }

    @Test
    void noOneSecondWindowAdmitsMoreThanTheRateAcrossWorkers() throws Exception {
        for (int i = 0; i < 3; i++) {
            engine.worker(b -> b.concurrency(8).task("work", this::work));
        }
        List<WorkflowHandle> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(engine.start("fanout", "{\"n\": 26}"));
        }
        for (WorkflowHandle run : runs) {
            Engine.assertCompleted("26", run.result(Duration.ofSeconds(60)));
        }
        // admissions of the limited tasks: their queue items, each with the time of its insert
        String limited = "SELECT a.at FROM admissions a JOIN runs r ON r.task = a.execution_id WHERE r.limited";
        // an admission's window is counted from the clock read when it took the key's lock; the trigger reads
        // the clock a little later, in the same statement, so the check allows it 50 ms of that
        String most = engine.one("SELECT max((SELECT count(*) FROM (" + limited + ") b WHERE b.at >= a.at AND b.at < a.at + interval '950 milliseconds'))"
                + " FROM (" + limited + ") a");
        String spread = engine.one("SELECT round(EXTRACT(EPOCH FROM max(at) - min(at)) * 1000) FROM (" + limited + ") a");
        String startsMost = engine.one("SELECT max((SELECT count(*) FROM runs b WHERE b.limited AND b.started_at >= a.started_at"
                + " AND b.started_at < a.started_at + interval '1 second')) FROM runs a WHERE a.limited");
        System.out.println("RateLimitsTest: 3 workers x 8 slots, 40 tasks at 10/s: most admissions in a 0.95 s window " + most
                + ", most handler starts in a 1 s window " + startsMost + ", first to last admission " + spread + " ms");
        assertEquals("40", engine.one("SELECT count(*) FROM runs WHERE limited"), "every limited task ran once");
        assertEquals("12", engine.one("SELECT count(*) FROM runs WHERE NOT limited"));
        assertTrue(Integer.parseInt(most) <= 10, "a 0.95 s window admitted " + most + " (limit 10)");
        // the limit bounds admissions; a handler starts at its claim, so a worker that lags (a cold one: the
        // first window's tasks started 0.6 s after their admission in one run) can bring two windows' starts
        // closer together, but never more than two windows' worth
        assertTrue(Integer.parseInt(startsMost) <= 20, "a 1 s window saw " + startsMost + " handler starts (limit 10 per second)");
        assertTrue(Long.parseLong(spread) >= 3_000, "40 tasks at 10 per second were admitted within " + spread + " ms");
        assertTrue(Long.parseLong(spread) < 10_000, "40 tasks at 10 per second took " + spread + " ms to admit");
        assertEquals("0", engine.one("SELECT count(*) FROM concurrency_waiting"));
    }

    @Test
    void workflowStartsOfARateLimitAreAdmittedAtItsRate() throws Exception {
        engine.flow("echo", "return Inputs");
        for (int i = 0; i < 2; i++) {
            engine.worker(b -> b.concurrency(4));
        }
        List<WorkflowHandle> runs = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            runs.add(engine.client.start("echo", "{\"i\": " + i + "}", dev.rondo.client.StartOptions.DEFAULT.withRateLimit("reports", 5)));
        }
        for (int i = 0; i < runs.size(); i++) {
            Engine.assertCompleted("{\"i\":" + i + "}", runs.get(i).result(Duration.ofSeconds(30)));
        }
        String first = "SELECT execution_id, min(at) AS at FROM admissions GROUP BY execution_id";
        String most = engine.one("SELECT max((SELECT count(*) FROM (" + first + ") b WHERE b.at >= a.at AND b.at < a.at + interval '950 milliseconds'))"
                + " FROM (" + first + ") a");
        String spread = engine.one("SELECT round(EXTRACT(EPOCH FROM max(at) - min(at)) * 1000) FROM (" + first + ") a");
        System.out.println("RateLimitsTest: 15 workflow starts at 5/s: most admissions in a 0.95 s window " + most
                + ", first to last admission " + spread + " ms");
        assertTrue(Integer.parseInt(most) <= 5, "a 0.95 s window admitted " + most + " (limit 5)");
        assertTrue(Long.parseLong(spread) >= 2_000, "15 starts at 5 per second were admitted within " + spread + " ms");
        assertEquals("0", engine.one("SELECT count(*) FROM concurrency_waiting"));
    }

    @Test
    void describeSaysWhatAStartWaitsFor() {
        engine.flow("echo", "return Inputs");
        dev.rondo.client.StartOptions limited = dev.rondo.client.StartOptions.DEFAULT.withRateLimit("reports", 1);
        engine.client.start("echo", "{}", limited);
        WorkflowHandle second = engine.client.start("echo", "{}", limited);
        assertEquals(List.of("waiting for rate limit reports (1 per second)"), second.describe().hints());
    }
}
