package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.Limits;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.RondoException;
import java.nio.file.Files;
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
 * Named limits (docs/scheduling.md, "Named limits"): a rate or concurrency limit declared once and referred
 * to by name from Task.run and StartOptions. The number holds across workers and follows a change of the
 * declaration for work already waiting; limits.json deploys create, change and remove them; a reference to
 * an undeclared limit fails clearly instead of waiting.
 */
class NamedLimitsTest {

    @TempDir
    Path flows;

    private Engine engine;

    @BeforeEach
    void setUp() throws SQLException {
        engine = new Engine("namedlimits", flows);
        try (Connection c = engine.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE runs (key text, task text, started_at timestamptz, ended_at timestamptz)");
        }
        engine.recordAdmissions();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    /** Records its run on the database's clock; sleeps {@code sleep} ms. */
    private Object work(com.fasterxml.jackson.databind.JsonNode input, TaskContext ctx) throws Exception {
        try (Connection c = engine.dataSource.getConnection();
             PreparedStatement start = c.prepareStatement("INSERT INTO runs VALUES (?, ?, clock_timestamp(), NULL)");
             PreparedStatement end = c.prepareStatement("UPDATE runs SET ended_at = clock_timestamp() WHERE task = ?")) {
            start.setString(1, input.path("key").asText("none"));
            start.setString(2, ctx.idempotencyKey());
            start.executeUpdate();
            Thread.sleep(input.path("sleep").asInt(0));
            end.setString(1, ctx.idempotencyKey());
            end.executeUpdate();
        }
        return input;
    }

    private void awaitCount(String sql, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Integer.parseInt(engine.one(sql)) < atLeast) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + sql + " >= " + atLeast);
            Thread.sleep(20);
        }
    }

    @Test
    void aNamedRateLimitHoldsAcrossWorkersAndFollowsAChangeOfItsDeclaration() throws Exception {
        engine.client.limits().setPerSecond("stripe", 4);
        engine.flow("charges", """
                const promises = []
                for (let i = 0; i < Inputs.n; i++) {
                  promises.push(Task.run("work", {i}, {rateLimit: "stripe"}))
                }
                return (await Promise.all(promises)).length
                """);
        for (int i = 0; i < 3; i++) {
            engine.worker(b -> b.concurrency(8).task("work", this::work));
        }
        WorkflowHandle run = engine.start("charges", "{\"n\": 36}");
        // two windows at 4 per second, then the declaration is raised to 16 while 28 still wait
        awaitCount("SELECT count(*) FROM admissions a JOIN executions e ON e.id = a.execution_id WHERE e.kind = 'task'", 8);
        engine.client.limits().setPerSecond("stripe", 16);
        String changedAt = engine.one("SELECT clock_timestamp()");
        Engine.assertCompleted("36", run.result(Duration.ofSeconds(60)));
        String tasks = "SELECT a.at FROM admissions a JOIN executions e ON e.id = a.execution_id WHERE e.kind = 'task'";
        String window = "SELECT max((SELECT count(*) FROM (" + tasks + ") b WHERE b.at >= a.at AND b.at < a.at + interval '950 milliseconds'))"
                + " FROM (" + tasks + ") a";
        String before = engine.one(window.replace("FROM (" + tasks + ") a", "FROM (" + tasks + ") a WHERE a.at < timestamptz '"
                + changedAt + "' - interval '1 second'"));
        String most = engine.one(window);
        String after = engine.one("SELECT round(EXTRACT(EPOCH FROM max(at) - timestamptz '" + changedAt + "') * 1000) FROM (" + tasks + ") a");
        System.out.println("NamedLimitsTest: 36 tasks, 'stripe' 4/s raised to 16/s after 8: most admissions in a 0.95 s window "
                + "before the change " + before + ", at any time " + most + "; the last admission " + after + " ms after the change");
        assertTrue(before == null || Integer.parseInt(before) <= 4, "before the change a 0.95 s window admitted " + before + " (limit 4)");
        assertTrue(Integer.parseInt(most) <= 16, "a 0.95 s window admitted " + most + " (limit 16)");
        // 28 left at 16 per second: two windows, the second about 1 s after the first; at 4 per second they
        // would have needed 7 s
        assertTrue(Long.parseLong(after) < 3_000, "the raised limit was not followed: the last admission came "
                + after + " ms after the change");
        assertEquals("36", engine.one("SELECT count(*) FROM runs"));
        assertEquals("0", engine.one("SELECT count(*) FROM concurrency_waiting"));
    }

    @Test
    void aNamedConcurrencyLimitHoldsAndFollowsAChange() throws Exception {
        Limits limits = engine.client.limits();
        limits.setConcurrency("ledger", 1);
        limits.setConcurrency("perAccount", 2);
        engine.flow("postings", """
                const promises = []
                for (let i = 0; i < Inputs.n; i++) {
                  promises.push(Task.run("work", {i, key: "ledger", sleep: 150}, {concurrency: "ledger"}))
                  promises.push(Task.run("work", {i, key: "acct-7", sleep: 50}, {concurrency: {key: "acct-7", limit: "perAccount"}}))
                }
                return (await Promise.all(promises)).length
                """);
        for (int i = 0; i < 3; i++) {
            engine.worker(b -> b.concurrency(6).task("work", this::work));
        }
        WorkflowHandle run = engine.start("postings", "{\"n\": 10}");
        awaitCount("SELECT count(*) FROM runs WHERE key = 'ledger' AND ended_at IS NOT NULL", 2);
        limits.setConcurrency("ledger", 3);
        String changedAt = engine.one("SELECT clock_timestamp()");
        Engine.assertCompleted("20", run.result(Duration.ofSeconds(60)));
        String overlap = "SELECT coalesce(max((SELECT count(*) FROM runs b WHERE b.key = a.key AND b.started_at <= a.started_at"
                + " AND b.ended_at > a.started_at)), 0) FROM runs a WHERE a.key = '%s' %s";
        String ledgerBefore = engine.one(overlap.formatted("ledger", "AND a.started_at < timestamptz '" + changedAt + "'"));
        String ledgerAfter = engine.one(overlap.formatted("ledger", ""));
        String account = engine.one(overlap.formatted("acct-7", ""));
        System.out.println("NamedLimitsTest: max overlap of 'ledger' (1, raised to 3): " + ledgerBefore + " before the change, "
                + ledgerAfter + " in all; of acct-7 under 'perAccount' (2): " + account);
        assertEquals("1", ledgerBefore);
        assertTrue(Integer.parseInt(ledgerAfter) <= 3 && Integer.parseInt(ledgerAfter) >= 2,
                "after raising 'ledger' to 3, its max overlap was " + ledgerAfter);
        assertTrue(Integer.parseInt(account) <= 2, "acct-7 overlapped " + account + " (limit 2)");
        assertEquals("20", engine.one("SELECT count(*) FROM runs"));
    }

    @Test
    void anUndeclaredLimitFailsTheTaskRunWithAClearErrorTheFlowCanCatch() {
        engine.client.limits().setPerSecond("stripe", 10);
        engine.flow("undeclared", """
                const caught = []
                try {
                  await Task.run("work", {}, {rateLimit: "nope"})
                } catch (e) {
                  caught.push(e.name + ": " + e.message)
                }
                try {
                  await Task.run("work", {}, {concurrency: "stripe"})
                } catch (e) {
                  caught.push(e.message)
                }
                return caught
                """);
        engine.flow("uncaught", "return await Task.run(\"work\", {}, {concurrency: {key: \"acct-1\", limit: \"perAcount\"}})");
        engine.worker(b -> b.concurrency(4).task("work", this::work));
        WorkflowResult result = engine.run("undeclared", "{}");
        assertEquals(ExecutionStatus.COMPLETED, result.status(), result.errorJson());
        assertTrue(result.resultJson().contains("TaskError: Task.run(\\\"work\\\"): No limit named 'nope' is declared; declare it with"
                + " `rondo limit set nope --per-second N`, or as {\\\"name\\\": \\\"nope\\\", \\\"perSecond\\\": N} in the limits.json"),
                result.resultJson());
        assertTrue(result.resultJson().contains("The limit 'stripe' is a rate limit (10 per second), not a concurrency limit"),
                result.resultJson());
        WorkflowResult uncaught = engine.run("uncaught", "{}");
        assertEquals(ExecutionStatus.FAILED, uncaught.status());
        assertTrue(uncaught.errorJson().contains("No limit named 'perAcount' is declared"), uncaught.errorJson());
        assertEquals("0", engine.one("SELECT count(*) FROM runs"), "no task ran");
        assertEquals("0", engine.one("SELECT count(*) FROM concurrency_waiting"), "nothing waits");
        // a start that names an undeclared limit starts nothing
        RondoException refused = assertThrows(RondoException.UnknownLimit.class,
                () -> engine.client.start("uncaught", "{}", StartOptions.DEFAULT.withId("never").withRateLimit("nope")));
        assertTrue(refused.getMessage().contains("No limit named 'nope' is declared"), refused.getMessage());
        assertEquals("0", engine.one("SELECT count(*) FROM executions WHERE id = 'never'"));
    }

    @Test
    void workflowStartsUnderANamedLimit() {
        engine.flow("echo", "return Inputs");
        engine.client.limits().setConcurrency("reports", 2);
        List<WorkflowHandle> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(engine.client.start("echo", "{\"n\": " + i + "}", StartOptions.DEFAULT.withConcurrency("reports")));
        }
        assertEquals(List.of("waiting for concurrency slot reports (2/2 in use)"), runs.get(2).describe().hints());
        engine.client.limits().setConcurrency("reports", 1);
        assertEquals(List.of("waiting for concurrency slot reports (2/1 in use)"), runs.get(2).describe().hints(),
                "describe shows the limit's current value, as the admission reads it");
        engine.worker(b -> b.concurrency(4));
        for (int i = 0; i < runs.size(); i++) {
            Engine.assertCompleted("{\"n\":" + i + "}", runs.get(i).result(Duration.ofSeconds(30)));
        }
    }

    @Test
    void limitsJsonIsDeployedWithTheFlows() throws Exception {
        Path folder = flows.resolve("app");
        Files.createDirectories(folder.resolve("billing"));
        Files.writeString(folder.resolve("billing/charge.flow"), "return await Task.run(\"work\", {}, {rateLimit: \"stripe\"})");
        Files.writeString(folder.resolve("limits.json"), """
                [{"name": "stripe", "perSecond": 20}, {"name": "ledger", "concurrency": 1}]""");
        Limits limits = engine.client.limits();
        limits.setConcurrency("by-hand", 5);
        engine.client.deploy(folder);
        assertEquals(List.of("by-hand 5 at once false", "ledger 1 at once true", "stripe 20 per second true"),
                limits.list().stream().map(l -> l.name() + " " + l.what() + " " + l.declared()).toList());
        assertEquals(List.of("billing/charge"), limits.get("stripe").orElseThrow().declaredFor());
        // changed by the file
        Files.writeString(folder.resolve("limits.json"), """
                [{"name": "stripe", "perSecond": 25}]""");
        engine.client.deploy(folder);
        assertEquals(List.of("by-hand 5 at once false", "stripe 25 per second true"),
                limits.list().stream().map(l -> l.name() + " " + l.what() + " " + l.declared()).toList());
        // a declared limit is changed through its file, not by hand
        IllegalArgumentException byHand = assertThrows(IllegalArgumentException.class, () -> limits.setPerSecond("stripe", 1));
        assertTrue(byHand.getMessage().contains("declared in the limits.json"), byHand.getMessage());
        // mistakes name the file, the entry and what is wrong; nothing is deployed
        for (String[] bad : List.of(
                new String[] {"[{\"name\": \"stripe\", \"perSecnd\": 25}]", "limits.json: limit 1: unknown key 'perSecnd'; the keys are [concurrency, name, perSecond]"},
                new String[] {"[{\"name\": \"stripe\", \"perSecond\": 0}]", "limits.json: limit 1: \"perSecond\" must be a whole number of 1 or more, not 0"},
                new String[] {"[{\"name\": \"stripe\", \"perSecond\": 2, \"concurrency\": 1}]", "limits.json: limit 1: give either \"concurrency\""},
                new String[] {"{\"stripe\": 2}", "limits.json: must hold an array of limits"},
                new String[] {"[{\"name\": \"stripe\", \"perSecond\": 2},", "limits.json: not valid JSON"})) {
            Files.writeString(folder.resolve("limits.json"), bad[0]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engine.client.deploy(folder), bad[0]);
            assertTrue(e.getMessage().startsWith("Nothing was deployed: ") && e.getMessage().contains(bad[1]), e.getMessage());
            assertTrue(e.getMessage().contains(folder.resolve("limits.json").toString()), e.getMessage());
        }
        assertEquals(25, limits.get("stripe").orElseThrow().value(), "a bad file changed nothing");
        // a limit set by hand is never taken over by a deploy
        Files.writeString(folder.resolve("limits.json"), "[{\"name\": \"stripe\", \"perSecond\": 25}, {\"name\": \"by-hand\", \"concurrency\": 9}]");
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class, () -> engine.client.deploy(folder));
        assertTrue(taken.getMessage().contains("declares limit 'by-hand', which was set by hand"), taken.getMessage());
        assertEquals(5, limits.get("by-hand").orElseThrow().value());
        // with a limits.json, the flows beside it may name only limits that exist: declared there, or set by hand
        Files.writeString(folder.resolve("limits.json"), "[{\"name\": \"stripe\", \"perSecond\": 25}]");
        Files.writeString(folder.resolve("billing/refund.flow"), """
                await Task.run("work", {}, {concurrency: {key: "acct-1", limit: "by-hand"}})
                await Task.run("work", {}, {rateLimit: {key: "acct-1", perSecond: "stirpe"}})
                await Task.run("work", {}, {concurrency: "stripe"})
                """);
        dev.rondo.core.CompileException typo = assertThrows(dev.rondo.core.CompileException.class, () -> engine.client.deploy(folder));
        assertEquals(List.of("billing/refund.flow:2:67: error: Task.run names the rate limit 'stirpe', which limits.json"
                        + " does not declare and no limit of that name is set; add {\"name\": \"stirpe\", \"perSecond\": N} to it.",
                "billing/refund.flow:3:42: error: Task.run names 'stripe' as a concurrency limit, but it is declared as a rate limit."),
                typo.diagnostics().stream().map(d -> d.toString().replace(folder + "/", "")).toList());
        assertTrue(engine.one("SELECT count(*) FROM flow_heads WHERE name = 'billing/refund'").equals("0"), "nothing was deployed");
        Files.delete(folder.resolve("billing/refund.flow"));
        // deleting the file and deploying removes the declared ones; the one set by hand stays
        Files.delete(folder.resolve("limits.json"));
        engine.client.deploy(folder);
        assertEquals(List.of("by-hand"), limits.list().stream().map(Limits.Limit::name).toList());
        assertTrue(limits.delete("by-hand"));
        assertFalse(limits.delete("by-hand"));
        assertTrue(limits.list().isEmpty());
    }

    @Test
    void aDeletedLimitLeavesWaitingWorkItsNumber() throws Exception {
        engine.flow("echo", "return Inputs");
        engine.client.limits().setConcurrency("reports", 1);
        List<WorkflowHandle> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(engine.client.start("echo", "{\"n\": " + i + "}", StartOptions.DEFAULT.withConcurrency("reports")));
        }
        assertTrue(engine.client.limits().delete("reports"));
        engine.worker(b -> b.concurrency(4));
        for (int i = 0; i < runs.size(); i++) {
            Engine.assertCompleted("{\"n\":" + i + "}", runs.get(i).result(Duration.ofSeconds(30)));
        }
    }
}
