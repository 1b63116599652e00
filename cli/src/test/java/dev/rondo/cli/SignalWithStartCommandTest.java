package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.testdb.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rondo signal ID NAME --start WORKFLOW}: create or notify, with its output, --json and refusals. */
class SignalWithStartCommandTest {

    @TempDir
    Path dir;

    private Cli rondo;

    @BeforeEach
    void deploy() throws Exception {
        rondo = new Cli(TestDatabase.freshSchemaUrl("cli_signal_start"));
        Files.writeString(dir.resolve("cart.flow"), "return await Signal.next('add')\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("other.flow"), "return 1\n", StandardCharsets.UTF_8);
        assertEquals(0, rondo.run("deploy", dir.toString()).code());
    }

    @Test
    void startsANewIdThenOnlySignalsIt() {
        Cli.Result first = rondo.run("signal", "cart-1", "add", "--payload", "{\"sku\":\"A\"}", "--start", "cart",
                "--input", "{\"user\":7}", "--queue", "carts");
        assertEquals(0, first.code(), first.err());
        assertEquals("started cart as cart-1 and sent add\n", first.out());
        JsonNode again = rondo.run("signal", "cart-1", "add", "--start", "cart", "--json").json();
        assertEquals("cart-1", again.get("id").asText());
        assertEquals("add", again.get("signal").asText());
        assertFalse(again.get("started").asBoolean());
        assertEquals("queued", rondo.run("status", "cart-1").out().strip());
        JsonNode plain = rondo.run("signal", "cart-1", "add", "--json").json();
        assertFalse(plain.get("started").asBoolean(), "without --start: a plain signal");
    }

    @Test
    void refusalsSayWhy() {
        rondo.run("start", "other", "--id", "o-1");
        Cli.Result conflict = rondo.run("signal", "o-1", "add", "--start", "cart");
        assertEquals(1, conflict.code());
        assertTrue(conflict.err().contains("belongs to an execution of workflow 'other'"), conflict.err());
        Cli.Result unknown = rondo.run("signal", "n-1", "add", "--start", "nope");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("No workflow named 'nope' is deployed"), unknown.err());
        Cli.Result inputWithoutStart = rondo.run("signal", "n-1", "add", "--input", "{}");
        assertEquals(2, inputWithoutStart.code());
        assertTrue(inputWithoutStart.err().contains("--input is for the start: give it with --start WORKFLOW"), inputWithoutStart.err());
        Cli.Result badInput = rondo.run("signal", "n-1", "add", "--start", "cart", "--input", "{x");
        assertEquals(2, badInput.code());
        assertTrue(badInput.err().contains("--input: the value is not valid JSON"), badInput.err());
        Cli.Result engineId = rondo.run("signal", "n.t1", "add", "--start", "cart");
        assertEquals(2, engineId.code(), engineId.err());
        assertTrue(engineId.err().contains("ends in '.t1'"), engineId.err());
    }
}
