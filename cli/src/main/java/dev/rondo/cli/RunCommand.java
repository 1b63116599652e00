package dev.rondo.cli;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rondo run FILE.flow}: runs a workflow to its end in this process, tasks answered by mocks and time
 * skipped, printing its log lines and then its result as JSON. Exit 0 completed, 1 failed or cancelled,
 * 2 invalid program or usage.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a workflow to its end and print its log lines, then its result as JSON.",
                "Tasks are answered by --mock/--mock-error; a task with neither fails at once. Timers do not really wait."})
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, MockResult> answers = new HashMap<>();
        LocalDriver.Builder driver = LocalDriver.builder();
        Object inputValue;
        try {
            inputValue = input == null ? new FlowObject() : parseJson("--input", input);
            for (String mock : mocks) {
                String[] pair = split("--mock", mock);
                answers.put(pair[0], MockResult.success(parseJson("--mock " + pair[0], pair[1]), 0));
            }
            for (String mock : mockErrors) {
                String[] pair = split("--mock-error", mock);
                answers.put(pair[0], MockResult.failure(pair[1], false, 0));
            }
            for (String signal : signals) {
                String[] pair = split("--signal", signal);
                driver.signal(pair[0], 0, parseJson("--signal " + pair[0], pair[1]));
            }
        } catch (IllegalArgumentException e) {
            err.println("rondo: " + e.getMessage());
            return Main.INVALID;
        }
        Compilation compilation = SourceLoader.compile(file, err);
        if (compilation == null || !compilation.ok()) {
            return Main.INVALID;
        }
        LocalResult result = driver.mocks((task, in, attempt) -> answers.get(task)).build()
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
        if (result.error() != null && result.error().message().startsWith("No handler or mock for task '")) {
            String task = result.error().message().split("'")[1];
            err.println("hint: answer the task with --mock " + task + "=JSON or --mock-error " + task + "=MESSAGE");
        }
        return 1;
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
