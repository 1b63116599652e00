package dev.rondo.cli;

import dev.rondo.client.RondoException;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.Compilation;
import dev.rondo.core.Executable;
import dev.rondo.core.Slice;
import dev.rondo.core.driver.LocalDriver;
import dev.rondo.core.driver.LocalResult;
import dev.rondo.core.driver.MockResult;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rondo run FILE.flow}: runs a workflow to its end, tasks answered by mocks, printing its log lines
 * and then its result as JSON. With a database ({@code --database-url} or {@code RONDO_DATABASE_URL}) it
 * runs on the engine: deployed, started, and run by an in-process worker, every await a checkpoint in
 * PostgreSQL and timers really waiting. Without one it runs in this process with time skipped. Exit 0
 * completed, 1 failed or cancelled, 2 invalid program or usage.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a workflow to its end and print its log lines, then its result as JSON.",
                "Tasks are answered by --mock/--mock-error; a task with neither fails at once.",
                "With a database (--database-url or RONDO_DATABASE_URL) the workflow runs on the engine and timers really wait;",
                "without one it runs in this process and timers do not really wait."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.flow", description = "The workflow to run.")
    Path file;

    @Option(names = "--input", paramLabel = "JSON", description = "The workflow's input (default {}).")
    String input;

    @Option(names = "--mock", paramLabel = "TASK=JSON", description = "Task TASK returns JSON. Repeatable.")
    List<String> mocks = new ArrayList<>();

    @Option(names = "--mock-error", paramLabel = "TASK=MESSAGE", description = "Task TASK fails with MESSAGE (not retried). Repeatable.")
    List<String> mockErrors = new ArrayList<>();

    @Option(names = "--signal", paramLabel = "NAME=JSON", description = "Send signal NAME with payload JSON before the workflow starts. Repeatable.")
    List<String> signals = new ArrayList<>();

    @Option(names = "--database-url", paramLabel = "URL",
            description = "Run on the engine in this PostgreSQL database (default: $RONDO_DATABASE_URL; with neither, in this process).")
    String databaseUrl;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        List<Map.Entry<String, String>> sent = new ArrayList<>();
        try {
            if (input != null) {
                parseJson("--input", input);
            }
            for (String mock : mocks) {
                String[] pair = split("--mock", mock);
                parseJson("--mock " + pair[0], pair[1]);
                answers.put(pair[0], pair[1]);
            }
            for (String mock : mockErrors) {
                String[] pair = split("--mock-error", mock);
                failures.put(pair[0], pair[1]);
            }
            for (String signal : signals) {
                String[] pair = split("--signal", signal);
                parseJson("--signal " + pair[0], pair[1]);
                sent.add(Map.entry(pair[0], pair[1]));
            }
        } catch (IllegalArgumentException e) {
            err.println("rondo: " + e.getMessage());
            return Main.INVALID;
        }
        Compilation compilation = SourceLoader.compile(file, err);
        if (compilation == null || !compilation.ok()) {
            return Main.INVALID;
        }
        String url = databaseUrl != null ? databaseUrl : System.getenv("RONDO_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return onEngine(url, answers, failures, sent, out, err);
        }
        return inProcess(compilation, answers, failures, sent, out, err);
    }

    private int onEngine(String url, Map<String, String> answers, Map<String, String> failures,
                         List<Map.Entry<String, String>> sent, PrintWriter out, PrintWriter err) throws InterruptedException {
        EngineRun.Ended ended;
        try {
            ended = new EngineRun(url).run(file, input == null ? "{}" : input, answers, failures, sent);
        } catch (RondoException e) {
            err.println("rondo: " + e.getMessage());
            return 1;
        }
        ended.log().forEach(out::println);
        out.flush();
        WorkflowResult result = ended.result();
        if (result.completed()) {
            out.println(result.resultJson());
            return 0;
        }
        WorkflowResult.ExecutionError error = result.error();
        String shown = error.toString();
        String deployedName = error.file();
        if (deployedName != null && file.getFileName().toString().equals(deployedName)) {
            shown = file + shown.substring(deployedName.length()); // as given on the command line
        }
        err.println(shown);
        hint(error.message(), err);
        return 1;
    }

    private int inProcess(Compilation compilation, Map<String, String> answers, Map<String, String> failures,
                          List<Map.Entry<String, String>> sent, PrintWriter out, PrintWriter err) {
        Map<String, MockResult> mocked = new HashMap<>();
        answers.forEach((task, json) -> mocked.put(task, MockResult.success(Json.parse(json), 0)));
        failures.forEach((task, message) -> mocked.put(task, MockResult.failure(message, false, 0)));
        LocalDriver.Builder driver = LocalDriver.builder();
        sent.forEach(signal -> driver.signal(signal.getKey(), 0, Json.parse(signal.getValue())));
        Object inputValue = input == null ? new FlowObject() : Json.parse(input);
        LocalResult result = driver.mocks((task, in, attempt) -> mocked.get(task)).build()
                .run(Executable.of(compilation.program()), inputValue);
        result.log().forEach(out::println);
        out.flush();
        if (result.stuck() != null) {
            err.println(file + ": the workflow " + result.stuck() + ".");
            return 1;
        }
        if (result.status() == Slice.Status.COMPLETED) {
            out.println(Json.write(result.result()));
            return 0;
        }
        err.println(result.error() != null ? result.error().toString() : file + ": the workflow was cancelled.");
        if (result.error() != null) {
            hint(result.error().message(), err);
        }
        return 1;
    }

    private static final Pattern NO_HANDLER = Pattern.compile("^No handler (?:or mock )?for task '([^']+)'");

    /** A task nobody answers: say how to answer it. */
    private static void hint(String message, PrintWriter err) {
        Matcher m = NO_HANDLER.matcher(message);
        if (m.find()) {
            String task = m.group(1);
            err.println("hint: answer the task with --mock " + task + "=JSON or --mock-error " + task + "=MESSAGE");
        }
    }

    private static String[] split(String option, String value) {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(option + " takes NAME=VALUE, not '" + value + "'.");
        }
        return new String[] {value.substring(0, eq), value.substring(eq + 1)};
    }

    private static Object parseJson(String what, String text) {
        try {
            return Json.parse(text);
        } catch (FlowThrow e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getMessage());
        }
    }
}
