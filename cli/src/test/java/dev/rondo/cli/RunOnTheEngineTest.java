package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.testdb.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rondo run --database-url}: the same interface and output as in-process, on the real engine. */
class RunOnTheEngineTest {

    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void database() {
        url = TestDatabase.freshSchemaUrl("cli_run");
    }

    private record Result(int code, String out, String err) {}

    private Result rondo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--database-url";
        all[args.length + 1] = url;
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), all);
        return new Result(code, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
    }

    private Path file(String name, String source) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, source, StandardCharsets.UTF_8);
        return path;
    }

    @Test
    void runsOnTheEngineAndPrintsTheLogThenTheResult() throws Exception {
        Path flow = file("hello.flow", """
                print(`hi ${Inputs.name}`)
                let r = await Task.run("charge", {amount: 5})
                await Timer.delay(0.2)
                let s = await Signal.next("approve")
                return {id: r.id, approved: s}
                """);
        Result result = rondo("run", flow.toString(), "--input", "{\"name\":\"Ada\"}", "--mock", "charge={\"id\":\"r1\"}",
                "--signal", "approve=true");
        assertEquals(0, result.code(), result.err());
        assertEquals("hi Ada\n{\"id\":\"r1\",\"approved\":true}\n", result.out());
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM executions WHERE status = 'completed'")) {
            rs.next();
            assertEquals(2, rs.getInt(1), "the workflow and its task ran on the engine");
        }
    }

    @Test
    void aRunLeavesTheWorkflowDeployedUnderTheFilesNameAsItIs() throws Exception {
        Path deployed = Files.createDirectories(dir.resolve("deployed"));
        Files.writeString(deployed.resolve("hello.flow"), "return \"the team's hello\"\n");
        Result deploy = rondo("deploy", deployed.resolve("hello.flow").toString());
        assertEquals(0, deploy.code(), deploy.err());

        Result run = rondo("run", file("hello.flow", "return \"my local hello\"\n").toString());

        assertEquals(0, run.code(), run.err());
        assertEquals("\"my local hello\"\n", run.out());
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT d.source FROM flow_heads h JOIN flow_definitions d USING (name, hash)"
                     + " WHERE h.name = 'hello'")) {
            assertTrue(rs.next());
            assertEquals("return \"the team's hello\"\n", rs.getString(1), "the run must not move the head of 'hello'");
        }
    }

    @Test
    void anEmptyInputIsAUsageError() throws Exception {
        Result result = rondo("run", file("hello.flow", "return 1\n").toString(), "--input", "");
        assertEquals(2, result.code(), result.err());
        assertTrue(result.err().contains("--input is empty"), result.err());
    }

    @Test
    void aRunWaitingForASignalSaysHowToSendItAndEndsWhenItComes() throws Exception {
        Path flow = file("approve.flow", "let s = await Signal.next(\"approve\")\nreturn {approved: s}\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> run = background.submit(() -> Main.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                    "run", flow.toString(), "--database-url", url));
            Matcher hint = awaitHint(err, run, Pattern.compile("rondo: execution (\\S+) waits for signal approve at "
                    + Pattern.quote(flow.toString()) + ":1:9; send it with 'rondo signal \\1 approve --payload JSON'"));
            Cli.Result signalled = new Cli(url).run("signal", hint.group(1), "approve", "--payload", "true");
            assertEquals(0, signalled.code(), signalled.err());
            assertEquals(0, run.get(60, TimeUnit.SECONDS), err.toString());
            assertEquals("{\"approved\":true}\n", out.toString().replace("\r\n", "\n"));
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void anyFileNameRunsAndTheProgramSeesItsStemAsItsWorkflowNeverThePrivateName() throws Exception {
        for (String name : new String[] {"01_arith.flow", "my file (2).flow", "v2.1_final.flow"}) {
            Path flow = file(name, "print(Context.workflow)\nprint(Context.queue)\nawait Timer.delay(0.01)\n"
                    + "return Context.workflow\n");
            Result run = rondo("run", flow.toString());
            String stem = name.substring(0, name.length() - ".flow".length());
            assertEquals(0, run.code(), run.err());
            String quoted = "\"" + stem + "\"";
            assertEquals(stem + "\ndefault\n" + quoted + "\n", run.out());
            assertTrue(!run.out().contains("rondo-run") && !run.err().contains("rondo-run"), run.out() + run.err());
        }
        Result failed = rondo("run", file("9lives.flow", "await Task.run(\"charge\")\n").toString(), "--mock-error", "charge=no");
        assertEquals(1, failed.code());
        assertEquals(dir.resolve("9lives.flow") + ":1:1: TaskError: no", failed.err().strip());
    }

    @Test
    void logLinesArePrintedAsTheirSlicesCommitNotAtTheEnd() throws Exception {
        Path flow = file("stream.flow", "print(\"before the wait\")\nlet s = await Signal.next(\"go\")\nprint(`after ${s}`)\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> run = background.submit(() -> Main.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                    "run", flow.toString(), "--database-url", url));
            Matcher hint = awaitHint(err, run, Pattern.compile("rondo: execution (\\S+) waits for signal go"));
            // the hint comes two seconds after the start: the line before the wait was printed by then
            assertEquals("before the wait\n", out.toString().replace("\r\n", "\n"));
            assertEquals(0, new Cli(url).run("signal", hint.group(1), "go", "--payload", "1").code());
            assertEquals(0, run.get(60, TimeUnit.SECONDS), err.toString());
            assertEquals("before the wait\nafter 1\nnull\n", out.toString().replace("\r\n", "\n"));
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void aFailureExitsOneWithTheFileAsGiven() throws IOException {
        Path flow = file("fail.flow", "print(1)\nawait Task.run(\"charge\")\n");
        Result result = rondo("run", flow.toString(), "--mock-error", "charge=card declined");
        assertEquals(1, result.code());
        assertEquals("1\n", result.out());
        assertEquals(flow + ":2:1: TaskError: card declined", result.err().strip());
    }

    @Test
    void aTaskWithNoMockFailsAtOnceWithAHint() throws IOException {
        Path flow = file("nomock.flow", "await Task.run(\"ship\")\n");
        Result result = rondo("run", flow.toString());
        assertEquals(1, result.code());
        assertTrue(result.err().contains(":1:1: TaskError: No handler for task 'ship'"), result.err());
        assertTrue(result.err().contains("hint: answer the task with --mock ship=JSON or --mock-error ship=MESSAGE"), result.err());
    }

    @Test
    void aBrokenFileShowsEveryDiagnosticAndExitsTwo() throws IOException {
        Path flow = file("broken.flow", "let a = )\n\nlet b = ]\n");
        Result result = rondo("run", flow.toString());
        assertEquals(2, result.code());
        assertTrue(result.err().lines().count() >= 2, result.err());
    }

    @Test
    void anUnreachableDatabaseIsNamedWithoutItsPassword() throws IOException {
        Path flow = file("ok.flow", "return 1\n");
        url = "postgres://someone:secret@127.0.0.1:1/nowhere";
        Result result = rondo("run", flow.toString());
        assertEquals(1, result.code());
        assertTrue(result.err().startsWith("rondo: Cannot connect to postgres://someone:***@127.0.0.1:1/nowhere"), result.err());
        assertTrue(!result.err().contains("secret"), result.err());
    }

    /** Waits for the run's hint on stderr; polled: the hint is printed text, there is no event to wait on. */
    private static Matcher awaitHint(StringWriter err, Future<Integer> run, Pattern pattern) throws InterruptedException {
        Matcher hint = pattern.matcher("");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!hint.reset(err.toString()).find()) {
            if (System.nanoTime() > deadline || run.isDone()) {
                throw new AssertionError("no hint: " + err);
            }
            Thread.sleep(50);
        }
        return hint;
    }
}
