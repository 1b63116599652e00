package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rondo run --in-process} over the language's limits: a failed execution (exit 1) that says where, never exit 70. */
class RunLimitsTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    private Result run(String source) throws IOException {
        Path flow = dir.resolve("big.flow");
        Files.writeString(flow, source);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "run", flow.toString(), "--in-process");
        return new Result(code, out.toString(), err.toString().strip());
    }

    @Test
    void throwingAValueTooLargeToStoreIsAFailedExecution() throws IOException {
        Result result = run("let s = \"x\".repeat(9000000)\nthrow [s, s]\n");
        assertEquals(1, result.code(), result.err());
        assertTrue(result.err().startsWith(dir.resolve("big.flow") + ":2:1: LimitError: The workflow's uncaught error is"
                + " larger than the 4 MiB limit; it was Uncaught: [\"xxx"), result.err());
        assertTrue(result.err().length() < 1000, "the message is a preview");
    }

    @Test
    void aStateOverTheCheckpointLimitFailsAtItsAwait() throws IOException {
        Result result = run("let a = [1]\nfor (let i = 0; i < 40; i++) a = [a, a]\nawait Timer.delay(1)\n");
        assertEquals(1, result.code(), result.err());
        assertEquals(dir.resolve("big.flow") + ":3:1: LimitError: The workflow's state at this await is over the 16 MiB"
                + " checkpoint limit; keep less data in variables across awaits.", result.err());
    }
}
