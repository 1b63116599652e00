package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The command line takes JSON, names and ids by the client's rules (one set of limits for both), says what
 * is wrong and where in its own words (exit 2, before connecting), and never prints a password.
 */
class InputRulesTest {

    @TempDir
    Path dir;

    private DataSource db;
    private Cli rondo;

    @BeforeEach
    void deploy() throws Exception {
        String url = TestDatabase.freshSchemaUrl("cli_inputs");
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        db = source;
        rondo = new Cli(url);
        Files.writeString(dir.resolve("greet.flow"), "print(Inputs)\nawait Signal.next('go')\n", StandardCharsets.UTF_8);
        assertEquals(0, rondo.run("deploy", dir.toString()).code());
    }

    private Cli.Result refused(String... args) {
        Cli.Result result = rondo.run(args);
        assertEquals(2, result.code(), result.out() + result.err());
        assertFalse(result.err().contains("Source: "), result.err());
        assertFalse(result.err().contains("jackson"), result.err());
        return result;
    }

    @Test
    void aNumberTooLargeForADoubleIsRefusedAsTheClientRefusesIt() throws Exception {
        Cli.Result input = refused("start", "greet", "--input", "{\"x\":1e400}");
        assertEquals("rondo: --input: the value holds a number out of range: The number \"1e400\" in the JSON text is too"
                + " large. JSON numbers here must fit a double (at most about 1.8e308).\n", input.err());
        Cli.Result payload = refused("signal", "any-id", "go", "--payload", "[1, -1e400]");
        assertTrue(payload.err().startsWith("rondo: --payload: the value holds a number out of range: The number \"-1e400\""),
                payload.err());
        assertEquals(List.of("0"), Sql.rows(db, "SELECT count(*) FROM executions"));
    }

    @Test
    void debouncedStartsOfAKeyPrintOneIdAndABadDebounceIsRefused() throws Exception {
        Cli.Result first = rondo.run("start", "greet", "--input", "{\"n\": 1}", "--debounce", "greet-k=30");
        Cli.Result second = rondo.run("start", "greet", "--input", "{\"n\": 2}", "--debounce", "greet-k=30");
        assertEquals(0, first.code(), first.err());
        assertEquals(first.out(), second.out(), "both starts name the window's execution");
        assertEquals(List.of("1 {\"n\":2}"), Sql.rows(db, "SELECT count(*) || ' ' || max(input::text) FROM executions"));
        assertTrue(refused("start", "greet", "--debounce", "k").err().contains("--debounce takes KEY=SECONDS"));
        assertTrue(refused("start", "greet", "--debounce", "k=0").err().contains("--debounce takes KEY=SECONDS"));
        assertTrue(refused("start", "greet", "--debounce-keep-first").err().contains("needs --debounce"));
        refused("start", "greet", "--debounce", "k=1", "--delay", "5");
        assertTrue(refused("start", "greet", "--rate-limit", "k=0").err().contains("--rate-limit takes KEY=PER_SECOND"));
        assertTrue(refused("start", "greet", "--rate-limit", "=5").err().contains("--rate-limit takes KEY=PER_SECOND"));
        assertTrue(refused("start", "greet", "--debounce-max-wait", "5").err().contains("--debounce-max-wait needs --debounce"));
        assertTrue(refused("start", "greet", "--debounce", "k=10", "--debounce-max-wait", "5").err()
                .contains("maximum wait must be at least its delay"));
        assertEquals(0, rondo.run("start", "greet", "--rate-limit", "reports=5").code());
        assertEquals(List.of("1"), Sql.rows(db, "SELECT count(*) FROM executions WHERE concurrency_key LIKE '%rate:reports'"));
    }

    @Test
    void aFairnessKeyAndWeightAreStoredOnTheStartAndItsQueueItem() throws Exception {
        assertEquals(0, rondo.run("start", "greet", "--id", "f-1", "--fairness", "acme:3").code());
        assertEquals(0, rondo.run("start", "greet", "--id", "f-2", "--fairness", "region:eu").code());
        assertEquals(List.of("f-1 acme 3 acme 3", "f-2 region:eu 1 region:eu 1"), Sql.rows(db,
                "SELECT e.id || ' ' || e.fair_key || ' ' || e.fair_weight || ' ' || q.fair_key || ' ' || q.fair_weight"
                        + " FROM executions e JOIN queue_items q ON q.execution_id = e.id WHERE e.id LIKE 'f-%' ORDER BY e.id"));
        assertTrue(refused("start", "greet", "--fairness", "acme:0").err().contains("--fairness takes KEY or KEY:WEIGHT"));
        assertTrue(refused("start", "greet", "--fairness", "acme:101").err().contains("--fairness takes KEY or KEY:WEIGHT"));
        assertTrue(refused("start", "greet", "--fairness", ":2").err().contains("--fairness takes KEY or KEY:WEIGHT"));
    }

    @Test
    void deepInputsAreTakenAsTheClientTakesThem() throws Exception {
        String deep = "[".repeat(5000) + "1" + "]".repeat(5000);
        Path file = dir.resolve("deep.json");
        Files.writeString(file, "{\"deep\": " + deep + "}");
        Cli.Result started = rondo.run("start", "greet", "--input", "@" + file, "--id", "deep-1");
        assertEquals(0, started.code(), started.err());
        assertEquals(List.of("{\"deep\":" + deep + "}"), Sql.rows(db, "SELECT input FROM executions WHERE id = 'deep-1'"));
        Cli.Result signalled = rondo.run("signal", "deep-1", "go", "--payload", deep);
        assertEquals(0, signalled.code(), signalled.err());
    }

    @Test
    void inputsOverTheSizeLimitAreRefusedInOurWords() throws Exception {
        Path big = dir.resolve("big.json");
        Files.writeString(big, "{\"s\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}");
        Cli.Result result = refused("start", "greet", "--input", "@" + big);
        assertEquals("rondo: --input: the value is larger than the 4 MiB limit.\n", result.err());
        Path huge = dir.resolve("huge.json");
        Files.writeString(huge, "\"" + "y".repeat(21 * 1024 * 1024) + "\"");
        assertEquals("rondo: --payload: the value is larger than the 4 MiB limit.\n",
                refused("signal", "any-id", "go", "--payload", "@" + huge).err());
    }

    @Test
    void aNulInTheInputOrPayloadIsRefusedSayingWhere() throws Exception {
        Cli.Result input = refused("start", "greet", "--input", "{\"name\":\"a\\u0000b\"}");
        assertEquals("rondo: --input: the value holds the NUL character (U+0000) at $.name, which Rondo cannot store"
                + " (PostgreSQL text cannot hold it); remove or replace it.\n", input.err());
        assertTrue(refused("signal", "any-id", "go", "--payload", "[\"\\u0000\"]").err().contains(" at $[0], "));
        assertEquals(List.of("0"), Sql.rows(db, "SELECT count(*) FROM executions"));
    }

    @Test
    void namesAndIdsFollowTheClientsRules() throws Exception {
        assertTrue(refused("start", "greet", "--id", "order.t1").err()
                .startsWith("rondo: The execution id \"order.t1\" ends in '.t1', the form of the ids the engine gives"));
        assertTrue(refused("start", "greet", "--id", "a".repeat(8100)).err()
                .contains("is 8100 bytes long (UTF-8); the limit is 255 bytes"));
        assertTrue(refused("start", "greet", "--queue", "q\u0001").err().contains("control character U+0001"));
        assertTrue(refused("start", "gr\u0001eet").err().startsWith("rondo: The workflow name"));
        assertTrue(refused("signal", "any-id", "g\u0007o").err().startsWith("rondo: The signal name"));
        assertTrue(refused("status", "").err().startsWith("rondo: The execution id is empty"));
        assertEquals(List.of("0"), Sql.rows(db, "SELECT count(*) FROM executions"));
    }

    @Test
    void aPasswordWithAnAtSignIsHiddenWhole() {
        Cli.Result result = new Cli("postgres://u:p@ss@127.0.0.1:1/db").run("migrate");
        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().startsWith("rondo: 'postgres://u:***@127.0.0.1:1/db' has more than one '@' before its host"),
                result.err());
        assertFalse(result.err().contains("ss@"), result.err());
        Cli.Result encoded = new Cli("postgres://u:p%40ss@127.0.0.1:1/db").run("migrate");
        assertTrue(encoded.err().startsWith("rondo: Cannot connect to postgres://u:***@127.0.0.1:1/db"), encoded.err());
        assertFalse(encoded.err().contains("p%40ss"), encoded.err());
    }
}
