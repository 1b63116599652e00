package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rondo check} and {@code rondo run --in-process} (virtual time, no database): output, errors and exit codes. */
class CommandLineTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {}

    private static Result rondo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = args;
        if (args.length > 0 && args[0].equals("run")) { // in this process: no database, timers take no time
            all = new String[args.length + 1];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--in-process";
        }
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), all);
        return new Result(code, out.toString(), err.toString());
    }

    private Path file(String name, String source) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, source, StandardCharsets.UTF_8);
        return path;
    }

    @Test
    void runPrintsLogLinesThenTheResultAsJson() throws IOException {
        Path flow = file("hello.flow", """
                print(`hi ${Inputs.name}`)
                let r = await Task.run("charge", {amount: 5})
                await Timer.delay(3600)
                return {id: r.id, n: 2}
                """);
        Result result = rondo("run", flow.toString(), "--input", "{\"name\":\"Ada\"}", "--mock", "charge={\"id\":\"r1\"}");
        assertEquals(0, result.code(), result.err());
        assertEquals("hi Ada\n{\"id\":\"r1\",\"n\":2}\n", result.out().replace("\r\n", "\n"));
    }

    @Test
    void aFailedWorkflowExitsOneWithFileLineColumn() throws IOException {
        Path flow = file("fail.flow", "print(1)\nawait Task.run(\"charge\")\n");
        Result result = rondo("run", flow.toString(), "--mock-error", "charge=card declined");
        assertEquals(1, result.code());
        assertEquals("1\n", result.out().replace("\r\n", "\n"));
        assertEquals(flow + ":2:1: TaskError: card declined", result.err().strip());
    }

    @Test
    void aTaskWithoutMockFailsNamingIt() throws IOException {
        Path flow = file("nomock.flow", "await Task.run(\"ship\")\n");
        Result result = rondo("run", flow.toString());
        assertEquals(1, result.code());
        assertTrue(result.err().contains("TaskError") && result.err().contains("'ship'"), result.err());
    }

    @Test
    void anInvalidProgramShowsEveryDiagnosticAndExitsTwo() throws IOException {
        Path flow = file("bad.flow", "let x = y\nconst c = 1\nc = 2\n");
        Result run = rondo("run", flow.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains(flow + ":1:9: error: "), run.err());
        assertTrue(run.err().contains(flow + ":3:1: error: "), run.err());
        Result check = rondo("check", flow.toString());
        assertEquals(2, check.code());
        assertEquals(run.err(), check.err());
    }

    @Test
    void checkAcceptsAValidFile() throws IOException {
        Path flow = file("ok.flow", "print(1)\n");
        Result result = rondo("check", flow.toString());
        assertEquals(0, result.code(), result.err());
    }

    @Test
    void checkTakesFoldersAsDeployDoes() throws IOException {
        Path flows = Files.createDirectories(dir.resolve("flows/orders"));
        Files.writeString(flows.resolve("a.flow"), "print(1)\n");
        Files.writeString(flows.resolve("b.flow"), "print(2)\n");
        Result ok = rondo("check", dir.resolve("flows").toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals("2 files: ok\n", ok.out().replace("\r\n", "\n"));
        Files.writeString(flows.resolve("c.flow"), "let x = y\n");
        Result bad = rondo("check", dir.resolve("flows").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains(flows.resolve("c.flow") + ":1:9: error: "), bad.err());
        Result empty = rondo("check", Files.createDirectories(dir.resolve("empty")).toString());
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("no .flow files under"), empty.err());
    }

    @Test
    void checkFindsAMisspelledTaskOptionWithWhereAndTheNameMeant() throws IOException {
        Path flow = file("pay.flow", "await Task.run(\"a\", {}, {maxAtempts: 3})\n");
        Result check = rondo("check", flow.toString());
        assertEquals(2, check.code());
        assertEquals(flow + ":1:26: error: Task.run has no option 'maxAtempts'; did you mean 'maxAttempts'?\n",
                check.err().replace("\r\n", "\n"));
    }

    @Test
    void aBareRondoPrintsTheUsageAndExitsTwo() {
        Result bare = rondo();
        assertEquals(2, bare.code());
        assertTrue(bare.err().startsWith("Usage: rondo "), bare.err());
        assertTrue(bare.err().contains("deploy") && bare.err().contains("worker"), bare.err());
        assertTrue(!bare.err().contains("Missing required subcommand"), bare.err());
    }

    @Test
    void aMisspelledOptionSuggestsTheRightOne() {
        Result misspelled = rondo("list", "--jsn");
        assertEquals(2, misspelled.code());
        assertTrue(misspelled.err().contains("Did you mean: --json?"), misspelled.err());
        Result far = rondo("list", "--frobnicate");
        assertEquals(2, far.code());
        assertTrue(!far.err().contains("Did you mean"), "nothing close, no guess: " + far.err());
    }

    @Test
    void aMisspelledCommandSuggestsTheRightOne() {
        Result misspelled = rondo("stauts", "x");
        assertEquals(2, misspelled.code());
        assertTrue(misspelled.err().contains("Did you mean: status?"), misspelled.err());
        Result far = rondo("frobnicate");
        assertEquals(2, far.code());
        assertTrue(!far.err().contains("Did you mean"), "nothing close, no guess: " + far.err());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        assertEquals(2, rondo("run").code());
        assertEquals(2, rondo("run", dir.resolve("missing.flow").toString()).code());
        Path flow = file("x.flow", "print(1)\n");
        Result badJson = rondo("run", flow.toString(), "--input", "{nope");
        assertEquals(2, badJson.code());
        assertTrue(badJson.err().contains("--input: the value is not valid JSON"), badJson.err());
        Result badMock = rondo("run", flow.toString(), "--mock", "charge");
        assertEquals(2, badMock.code());
        assertTrue(badMock.err().contains("--mock takes NAME=VALUE"), badMock.err());
        assertEquals(2, rondo("frobnicate").code());
    }

    @Test
    void mockDelaysTakeVirtualTimeAndInputsComeFromFiles() throws IOException {
        Path flow = file("slow.flow", "let r = await Task.run(\"slow\", {}, {timeout: 10, maxAttempts: 1})\nreturn r\n");
        Path answer = file("answer.json", "{\"ok\": true}");
        Result fast = rondo("run", flow.toString(), "--mock", "slow=@" + answer, "--mock-delay", "slow=5");
        assertEquals(0, fast.code(), fast.err());
        assertEquals("{\"ok\":true}\n", fast.out().replace("\r\n", "\n"));
        Result timedOut = rondo("run", flow.toString(), "--mock", "slow=@" + answer, "--mock-delay", "slow=3600");
        assertEquals(1, timedOut.code());
        assertTrue(timedOut.err().contains("Timeout") || timedOut.err().contains("timed out"), timedOut.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"check", "run", "deploy", "start", "signal", "status", "result", "cancel",
                "list", "logs", "describe", "worker", "migrate", "db", "pause", "resume", "terminate", "queue", "bulk"}) {
            Result help = rondo(command, "--help");
            assertEquals(0, help.code(), command + ": " + help.err());
            assertTrue(help.out().contains("Usage: rondo " + command), help.out());
        }
        assertEquals(0, rondo("db", "status", "--help").code());
    }

    @Test
    void aWorkflowWaitingForeverSaysWhatItWaitsFor() throws IOException {
        Path flow = file("wait.flow", "let s = await Signal.next(\"approve\")\n");
        Result result = rondo("run", flow.toString());
        assertEquals(1, result.code());
        assertTrue(result.err().contains("signal approve"), result.err());
        Result signalled = rondo("run", flow.toString(), "--signal", "approve=true");
        assertEquals(0, signalled.code(), signalled.err());
    }
}
