package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.embedded.LocalDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With no database configured, separate {@code rondo} processes share one embedded PostgreSQL under
 * {@code $RONDO_HOME} (a temporary folder here): the first starts it, later ones reuse it, {@code db stop}
 * stops it, and the next command restarts it with its data.
 */
class EmbeddedDefaultTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path home;

    @TempDir
    Path work;

    private RondoProcess rondo;

    @BeforeEach
    void environment() {
        Map<String, String> env = new HashMap<>();
        env.put(LocalDatabase.HOME_VARIABLE, home.toString());
        env.put(Database.VARIABLE, null);
        rondo = new RondoProcess(env, work);
    }

    @AfterEach
    void stopServer() {
        LocalDatabase.at(home).stop();
    }

    @Test
    void processesShareOneServerThatStopsAndRestartsWithItsData() throws Exception {
        Path flow = Files.writeString(work.resolve("wait.flow"), "let s = await Signal.next(\"go\")\nreturn s\n");
        JsonNode before = json(rondo.run("db", "status", "--json"));
        assertFalse(before.get("running").asBoolean());

        RondoProcess.Result deployed = rondo.run("deploy", flow.toString());
        assertEquals(0, deployed.code(), deployed.err());
        assertTrue(deployed.err().contains("rondo: starting the embedded PostgreSQL under " + home + " (first time: unpacking, initdb)"),
                deployed.err());
        JsonNode first = json(rondo.run("db", "status", "--json"));
        assertTrue(first.get("running").asBoolean());
        assertTrue(first.get("url").asText().startsWith("jdbc:postgresql://127.0.0.1:"), first.toString());

        RondoProcess.Result started = rondo.run("start", "wait", "--id", "w-1");
        assertEquals(0, started.code(), started.err());
        assertFalse(started.err().contains("starting the embedded"), "a second process reuses the server: " + started.err());
        JsonNode second = json(rondo.run("db", "status", "--json"));
        assertEquals(first.get("pid").asLong(), second.get("pid").asLong(), "one server for both processes");
        RondoProcess.Result status = rondo.run("db", "status");
        assertTrue(status.out().contains("running") && status.out().contains(home.resolve("postgres").resolve("data").toString()), status.out());

        RondoProcess.Result stopped = rondo.run("db", "stop");
        assertEquals(0, stopped.code(), stopped.err());
        assertTrue(stopped.out().startsWith("stopped the embedded PostgreSQL"), stopped.out());
        ProcessHandle.of(first.get("pid").asLong()).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        assertFalse(json(rondo.run("db", "status", "--json")).get("running").asBoolean());

        RondoProcess.Result afterRestart = rondo.run("status", "w-1");
        assertEquals(0, afterRestart.code(), afterRestart.err());
        assertEquals("queued\n", afterRestart.out(), "the execution started before the stop is still there");
        assertTrue(afterRestart.err().contains("starting the embedded PostgreSQL") && !afterRestart.err().contains("first time"),
                afterRestart.err());
    }

    @Test
    void theReadmeFirstCommandRunsOnTheEmbeddedServerInSeconds() throws Exception {
        Path hello = Path.of("..", "examples", "hello.flow");
        RondoProcess.Result result = rondo.run("run", hello.toString(), "--input", "{\"name\":\"Ada\"}",
                "--mock", "quote={\"price\":12.5}", "--mock", "charge={\"id\":\"r-1\"}");
        assertEquals(0, result.code(), result.err());
        assertEquals("""
                Hello, Ada!
                charged 12.5 (receipt r-1)
                two seconds later: shipped
                {"name":"Ada","receipt":"r-1","total":12.5}
                """, result.out());
    }

    @Test
    void anUnreachableUrlFromTheEnvironmentIsNamedWithoutItsPasswordAndTheWayBackToTheDefault() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put(LocalDatabase.HOME_VARIABLE, home.toString());
        env.put(Database.VARIABLE, "postgres://ada:secret@127.0.0.1:1/rondo");
        RondoProcess.Result result = new RondoProcess(env, work).run("status", "some-id");
        assertEquals(1, result.code(), result.err());
        assertTrue(result.err().startsWith("rondo: Cannot connect to postgres://ada:***@127.0.0.1:1/rondo"), result.err());
        assertTrue(result.err().contains("or unset RONDO_DATABASE_URL to use the embedded PostgreSQL"), result.err());
        assertFalse(result.err().contains("secret"), result.err());
        assertFalse(result.err().contains("starting the embedded"), "the configured URL is used, not the default");
    }

    private static JsonNode json(RondoProcess.Result result) throws Exception {
        assertEquals(0, result.code(), result.err());
        return MAPPER.readTree(result.out());
    }
}
