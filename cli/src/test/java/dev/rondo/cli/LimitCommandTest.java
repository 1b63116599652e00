package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code rondo limit set|list|delete}, {@code rondo start} under a named limit and with a trailing debounce,
 * and a {@code limits.json} deployed by {@code rondo deploy}: output, --json, exit codes, refusals.
 */
class LimitCommandTest {

    @TempDir
    Path dir;

    private Cli rondo;
    private PGSimpleDataSource db;

    @BeforeEach
    void deploy() throws Exception {
        String url = TestDatabase.freshSchemaUrl("cli_limits");
        db = new PGSimpleDataSource();
        db.setUrl(url);
        rondo = new Cli(url);
        Files.writeString(dir.resolve("report.flow"), "return Inputs");
        assertEquals(0, rondo.run("deploy", dir.toString()).code());
    }

    @Test
    void setListDelete() {
        Cli.Result set = rondo.run("limit", "set", "stripe", "--per-second", "20");
        assertEquals(0, set.code(), set.err());
        assertEquals("Limit stripe: 20 per second\n", set.out());
        JsonNode ledger = rondo.run("limit", "set", "ledger", "--concurrency", "1", "--json").json();
        assertEquals("concurrency", ledger.get("kind").asText());
        assertEquals(1, ledger.get("concurrency").asInt());
        assertEquals(0, rondo.run("limit", "set", "stripe", "--per-second", "25").code(), "set changes a limit");

        Cli.Result listed = rondo.run("limit", "list");
        assertTrue(listed.out().startsWith("NAME "), listed.out());
        assertTrue(listed.out().contains("stripe") && listed.out().contains("25 per second"), listed.out());
        assertTrue(listed.out().contains("1 at once"), listed.out());
        JsonNode all = rondo.run("limit", "list", "--json").json();
        assertEquals(2, all.size());
        assertEquals("ledger", all.get(0).get("name").asText());
        assertEquals(25, all.get(1).get("perSecond").asInt());

        assertEquals(0, rondo.run("limit", "delete", "ledger").code());
        Cli.Result gone = rondo.run("limit", "delete", "ledger");
        assertEquals(1, gone.code());
        assertTrue(gone.err().contains("No limit is named 'ledger'"), gone.err());
    }

    @Test
    void badArgumentsAreUsageErrors() {
        Cli.Result neither = rondo.run("limit", "set", "x");
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("give --per-second N or --concurrency N"), neither.err());
        Cli.Result both = rondo.run("limit", "set", "x", "--per-second", "2", "--concurrency", "2");
        assertEquals(2, both.code());
        Cli.Result zero = rondo.run("limit", "set", "x", "--concurrency", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--concurrency must be 1 or more"), zero.err());
        assertEquals(2, rondo.run("limit").code(), "a bare 'rondo limit' prints its usage");
    }

    @Test
    void startsUnderANamedLimitAndAnUndeclaredOneIsRefused() throws Exception {
        Cli.Result undeclared = rondo.run("start", "report", "--rate-limit", "stripe");
        assertEquals(1, undeclared.code());
        assertTrue(undeclared.err().contains("No limit named 'stripe' is declared; declare it with `rondo limit set stripe --per-second N`"),
                undeclared.err());
        assertEquals(List.of("0"), Sql.rows(db, "SELECT count(*) FROM executions"));
        assertEquals(0, rondo.run("limit", "set", "stripe", "--per-second", "20").code());
        assertEquals(0, rondo.run("limit", "set", "ledger", "--concurrency", "1").code());
        assertEquals(0, rondo.run("start", "report", "--rate-limit", "stripe").code());
        assertEquals(0, rondo.run("start", "report", "--rate-limit", "acct-1=stripe").code());
        for (int i = 0; i < 2; i++) {
            assertEquals(0, rondo.run("start", "report", "--concurrency", "ledger").code());
            assertEquals(0, rondo.run("start", "report", "--concurrency-key", "acct-2", "--concurrency-limit", "ledger").code());
        }
        Cli.Result wrongKind = rondo.run("start", "report", "--concurrency", "stripe");
        assertEquals(1, wrongKind.code());
        assertTrue(wrongKind.err().contains("The limit 'stripe' is a rate limit (20 per second), not a concurrency limit"), wrongKind.err());
        // the second of each concurrency key waits (ledger: 1 at once), with the limit's name for its admission
        assertEquals(List.of("acct-2 ledger", "ledger ledger"),
                Sql.rows(db, "SELECT key || ' ' || limit_name FROM concurrency_waiting ORDER BY key"));
        assertEquals(List.of("\u001Frate:acct-1", "\u001Frate:stripe"),
                Sql.rows(db, "SELECT concurrency_key FROM executions WHERE concurrency_key LIKE '%rate:%' ORDER BY 1"));
    }

    @Test
    void trailingDebounce() throws Exception {
        Cli.Result first = rondo.run("start", "report", "--input", "{\"n\": 1}", "--debounce", "k=30", "--debounce-max-wait", "120");
        Cli.Result second = rondo.run("start", "report", "--input", "{\"n\": 2}", "--debounce", "k=30", "--debounce-max-wait", "120");
        assertEquals(0, first.code(), first.err());
        assertEquals(first.out(), second.out(), "both starts name the window's execution");
        // the second start pushed the run back to 30 s after it, within the 120 s of the window's first start
        assertEquals(List.of("1 {\"n\":2} true true"), Sql.rows(db, "SELECT count(*) || ' ' || max(e.input::text) || ' '"
                + " || bool_and(q.run_at > e.created_at + interval '29 seconds') || ' '"
                + " || bool_and(d.max_due_at BETWEEN e.created_at + interval '119 seconds' AND e.created_at + interval '121 seconds')"
                + " FROM executions e JOIN queue_items q ON q.execution_id = e.id JOIN debounces d ON d.execution_id = e.id"));
    }

    @Test
    void limitsJsonIsDeployedAndAMistakeNamesTheFile() throws Exception {
        Files.writeString(dir.resolve("limits.json"), "[{\"name\": \"stripe\", \"perSecond\": 20}]");
        assertEquals(0, rondo.run("deploy", dir.toString()).code());
        Cli.Result listed = rondo.run("limit", "list");
        assertTrue(listed.out().contains("limits.json of report"), listed.out());
        Cli.Result byHand = rondo.run("limit", "set", "stripe", "--per-second", "1");
        assertEquals(2, byHand.code());
        assertTrue(byHand.err().contains("is declared in the limits.json deployed with [report]"), byHand.err());
        Files.writeString(dir.resolve("limits.json"), "[{\"name\": \"stripe\", \"rate\": 20}]");
        Cli.Result bad = rondo.run("deploy", dir.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains(dir.resolve("limits.json") + ": limit 1: unknown key 'rate'"), bad.err());
        Files.delete(dir.resolve("limits.json"));
        assertEquals(0, rondo.run("deploy", dir.toString()).code());
        assertEquals("[]", rondo.run("limit", "list", "--json").json().toString());
    }
}
