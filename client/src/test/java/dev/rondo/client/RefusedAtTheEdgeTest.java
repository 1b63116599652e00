package dev.rondo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.RondoException;
import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * What PostgreSQL could not store, or the engine could not carry, is refused by the client before any SQL
 * runs, with Rondo's own sentence (what is wrong, where, the limit), never a driver error quoting SQL; and
 * nothing is written.
 */
class RefusedAtTheEdgeTest {

    @TempDir
    Path dir;

    private DataSource db;
    private RondoClient rondo;
    private WorkflowHandle waiting;

    @BeforeEach
    void deploy() throws Exception {
        db = TestDatabase.freshSchema("edge");
        rondo = RondoClient.create(db);
        Files.writeString(dir.resolve("greet.flow"), "print(Inputs.name)\nawait Signal.next('go')\n");
        rondo.deploy(dir);
        waiting = rondo.start("greet", "{\"name\": \"Ada\"}", StartOptions.DEFAULT.withId("greet-1"));
    }

    private static <T extends Throwable> String refused(Class<T> type, Executable call) {
        T e = assertThrows(type, call);
        String message = e.getMessage();
        for (String leak : List.of("INSERT", "SELECT", "jdbi", "statement", "invalid byte sequence", "ERROR:")) {
            assertFalse(message.contains(leak), "leaks '" + leak + "': " + message);
        }
        return message;
    }

    private void nothingWrittenSinceTheFirstStart() throws Exception {
        assertEquals(List.of("1"), Sql.rows(db, "SELECT count(*) FROM executions"));
        assertEquals(List.of("0"), Sql.rows(db, "SELECT count(*) FROM signals"));
    }

    @Test
    void aNulInAWorkflowNameIsOurErrorNotTheDrivers() throws Exception {
        String message = refused(IllegalArgumentException.class, () -> rondo.start("gr\0eet", "{}", StartOptions.DEFAULT));
        assertEquals("The workflow name \"gr\\u0000eet\" holds the NUL character (U+0000) at index 2, which PostgreSQL"
                + " cannot store in text; remove it.", message);
        nothingWrittenSinceTheFirstStart();
    }

    @Test
    void aNulInTheStartInputIsRefusedSayingWhere() throws Exception {
        String message = refused(RondoException.InvalidPayload.class,
                () -> rondo.start("greet", "{\"name\": \"a\\u0000b\"}", StartOptions.DEFAULT));
        assertEquals("The workflow input holds the NUL character (U+0000) at $.name, which Rondo cannot store"
                + " (PostgreSQL text cannot hold it); remove or replace it.", message);
        refused(RondoException.InvalidPayload.class,
                () -> rondo.start("greet", "{\"tags\": [\"ok\", \"\\u0000\"]}", StartOptions.DEFAULT));
        nothingWrittenSinceTheFirstStart();
    }

    @Test
    void idsAndQueuesOverTheLimitOrInTheEnginesFormAreRefused() throws Exception {
        String tooLong = refused(IllegalArgumentException.class,
                () -> rondo.start("greet", "{}", StartOptions.DEFAULT.withId("a".repeat(8100))));
        assertTrue(tooLong.contains("is 8100 bytes long (UTF-8); the limit is 255 bytes"), tooLong);
        String taskForm = refused(IllegalArgumentException.class,
                () -> rondo.start("greet", "{}", StartOptions.DEFAULT.withId("greet-1.t1")));
        assertTrue(taskForm.contains("ends in '.t1', the form of the ids the engine gives to tasks"), taskForm);
        refused(IllegalArgumentException.class, () -> StartOptions.DEFAULT.withId("greet-1.w3"));
        String queue = refused(IllegalArgumentException.class, () -> StartOptions.DEFAULT.withQueue("q".repeat(10_000)));
        assertTrue(queue.contains("The queue name"), queue);
        refused(IllegalArgumentException.class, () -> StartOptions.DEFAULT.withQueue("or\0ders"));
        nothingWrittenSinceTheFirstStart();
    }

    @Test
    void aFairnessKeyAndWeightOutOfTheirRangesAreRefused() {
        assertEquals("The fairness key must be 1 to 200 characters long, not 0.",
                refused(IllegalArgumentException.class, () -> StartOptions.DEFAULT.withFairness("")));
        assertEquals("The fairness key must be 1 to 200 characters long, not 201.",
                refused(IllegalArgumentException.class, () -> StartOptions.DEFAULT.withFairness("k".repeat(201))));
        assertEquals("The fairness weight must be an integer from 1 to 100, not 0.",
                refused(IllegalArgumentException.class, () -> StartOptions.DEFAULT.withFairness("acme", 0)));
        assertEquals("The fairness weight must be an integer from 1 to 100, not 101.",
                refused(IllegalArgumentException.class, () -> StartOptions.DEFAULT.withFairness("acme", 101)));
        assertEquals("A debounced start cannot have a fairness key (not built yet).", refused(IllegalArgumentException.class,
                () -> StartOptions.DEFAULT.withFairness("acme").withDebounce("d", Duration.ofSeconds(1))));
        assertEquals(StartOptions.DEFAULT, StartOptions.DEFAULT.withFairness("acme", 3).withFairness(null));
    }

    @Test
    void signalNamesAndPayloadsFollowTheSameRules() throws Exception {
        String name = refused(IllegalArgumentException.class, () -> waiting.signal("g\0o", "1"));
        assertTrue(name.startsWith("The signal name \"g\\u0000o\" holds the NUL character"), name);
        refused(IllegalArgumentException.class, () -> waiting.signal("go".repeat(200), "1"));
        String payload = refused(RondoException.InvalidPayload.class,
                () -> waiting.signal("go", "{\"by\": {\"first\": \"A\\u0000\"}}"));
        assertTrue(payload.startsWith("The signal payload holds the NUL character (U+0000) at $.by.first,"), payload);
        String number = refused(RondoException.InvalidPayload.class, () -> waiting.signal("go", "{\"x\": 1e400}"));
        assertEquals("The signal payload holds a number out of range: The number \"1e400\" in the JSON text is too large."
                + " JSON numbers here must fit a double (at most about 1.8e308).", number);
        nothingWrittenSinceTheFirstStart();
    }

    @Test
    void idsLookedUpMayBeTheEnginesOwnButNeverHoldNul() throws Exception {
        assertThrows(RondoException.UnknownExecution.class, () -> rondo.handle("greet-1.t1").describe());
        refused(IllegalArgumentException.class, () -> rondo.handle("greet\0"));
        refused(IllegalArgumentException.class, () -> rondo.list(ListFilter.ALL.withWorkflow("gr\0eet")));
        refused(IllegalArgumentException.class, () -> rondo.list(ListFilter.ALL.after("x\0")));
        refused(IllegalArgumentException.class, () -> rondo.prune(PruneOptions.olderThan(Duration.ZERO).withWorkflow("\0")));
    }

    @Test
    void aSourceFileHoldingNulIsADeployDiagnosticAtItsPlace() throws Exception {
        Path flow = dir.resolve("nul").resolve("raw.flow");
        Files.createDirectories(flow.getParent());
        Files.writeString(flow, "print(1)\nprint(2) // a\0b\n");
        dev.rondo.core.CompileException e = assertThrows(dev.rondo.core.CompileException.class, () -> rondo.deploy(flow));
        assertEquals(flow + ":2:14: error: The file holds the NUL character (U+0000), which PostgreSQL cannot store in"
                + " text, so it cannot be deployed; remove it (write \"\\0\" in a string for the character itself).",
                e.diagnostics().get(0).toString());
        assertEquals(List.of("0"), Sql.rows(db, "SELECT count(*) FROM flow_definitions WHERE name = 'raw'"));
    }

    @Test
    void aWorkflowNameOverTheLimitIsADeployDiagnostic() throws Exception {
        Path deep = dir.resolve("long");
        Path folder = deep;
        for (int i = 0; i < 6; i++) {
            folder = folder.resolve("d".repeat(50));
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("flow.flow"), "print(1)\n");
        dev.rondo.core.CompileException e = assertThrows(dev.rondo.core.CompileException.class, () -> rondo.deploy(deep));
        assertTrue(e.getMessage().contains("is 310 bytes long (UTF-8); the limit is 255 bytes"), e.getMessage());
    }
}
