package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.Compilation;
import dev.rondo.core.Executable;
import dev.rondo.core.Identifiers;
import dev.rondo.core.Slice;
import dev.rondo.core.driver.LocalDriver;
import dev.rondo.core.driver.LocalResult;
import dev.rondo.core.driver.MockResult;
import dev.rondo.core.value.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rondo run FILE.flow}: runs a workflow to its end, tasks answered by mocks, printing its log lines
 * and then its result as JSON. By default on the engine (the database chosen as everywhere: embedded when
 * none is configured): deployed, started, and run by an in-process worker, every await a checkpoint in
 * PostgreSQL and timers really waiting. With {@code --in-process} it runs in this process with virtual
 * time instead (no database; long timers and mock delays take no time). Exit 0 completed, 1 failed or
 * cancelled, 2 invalid program or usage.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a workflow to its end and print its log lines, then its result as JSON.",
                "Tasks are answered by --mock/--mock-error; a task with neither fails at once.",
                "Runs on the engine (timers really wait); --in-process runs it here with virtual time and no database.",
                "Exit 0 completed, 1 failed or cancelled, 2 invalid program or usage."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.flow", description = "The workflow to run.")
    Path file;

    @Option(names = "--input", paramLabel = "JSON|@FILE", description = "The workflow's input (default {}).")
    String input;

    @Mixin
    Mocks mocks;

    @Option(names = "--signal", paramLabel = "NAME=JSON", description = "Send signal NAME with payload JSON before the workflow starts. Repeatable.")
    List<String> signals = new ArrayList<>();

    @Option(names = "--in-process", description = "Run in this process with virtual time (timers and --mock-delay take no time), without a database.")
    boolean inProcess;

    @Mixin
    Database database;

    @Override
    public Integer call() throws InterruptedException {
        quietWorkerStart();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String inputJson = input == null ? "{}" : JsonText.argument("--input", input);
        Map<String, String> answers = mocks.answers();
        Map<String, String> failures = mocks.errors();
        Map<String, Long> delays = mocks.delays();
        List<Map.Entry<String, String>> sent = new ArrayList<>();
        for (String signal : signals) {
            String[] nameAndPayload = Mocks.split("--signal", signal);
            Identifiers.require(Identifiers.Kind.SIGNAL_NAME, nameAndPayload[0]); // as the client would, in process too
            sent.add(Map.entry(nameAndPayload[0], JsonText.argument("--signal " + nameAndPayload[0], nameAndPayload[1])));
        }
        Compilation compilation = SourceLoader.compile(file, err);
        if (compilation == null || !compilation.ok()) {
            return Main.INVALID;
        }
        if (inProcess) {
            return inProcess(compilation, inputJson, answers, failures, delays, sent, out, err);
        }
        return onEngine(sent, out, err);
    }

    private int onEngine(List<Map.Entry<String, String>> sent, PrintWriter out, PrintWriter err) throws InterruptedException {
        EngineRun.Ended ended;
        try (RondoClient client = database.connect(err, EngineRun.POOL_SIZE)) {
            ended = new EngineRun(client, out, err).run(file, input == null ? "{}" : JsonText.argument("--input", input), mocks, sent);
        }
        WorkflowResult result = ended.result();
        if (result.completed()) {
            out.println(result.resultJson());
            return 0;
        }
        WorkflowResult.ExecutionError error = result.error();
        String shown = error.toString();
        String deployedFile = error.file();
        if (deployedFile != null && deployedFile.equals(ended.deployedFile())) {
            shown = file + shown.substring(deployedFile.length()); // as given on the command line
        }
        err.println(shown);
        hint(error.message(), err);
        return 1;
    }

    private int inProcess(Compilation compilation, String inputJson, Map<String, String> answers, Map<String, String> failures,
                          Map<String, Long> delays, List<Map.Entry<String, String>> sent, PrintWriter out, PrintWriter err) {
        Map<String, MockResult> mocked = new HashMap<>();
        answers.forEach((task, json) -> mocked.put(task, MockResult.success(Json.parse(json), delays.getOrDefault(task, 0L) / 1000.0)));
        failures.forEach((task, message) -> mocked.put(task, MockResult.failure(message, false, delays.getOrDefault(task, 0L) / 1000.0)));
        LocalDriver.Builder driver = LocalDriver.builder();
        sent.forEach(signal -> driver.signal(signal.getKey(), 0, Json.parse(signal.getValue())));
        Object inputValue = Json.parse(inputJson);
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
    /**
     * The worker's "started: configuration" INFO line names the run's private queue, which the user never
     * sees otherwise: WARN and above only for that logger, unless the user set its level. slf4j-simple reads
     * the system property when it makes the logger, at the Worker class's initialisation: so this runs
     * first, before EngineRun (whose constants use Worker) is touched, and names the class by string.
     */
    private static void quietWorkerStart() {
        String property = "org.slf4j.simpleLogger.log.dev.rondo.worker.Worker";
        if (System.getProperty(property) == null) {
            System.setProperty(property, "warn");
        }
    }

    private static void hint(String message, PrintWriter err) {
        Matcher m = NO_HANDLER.matcher(message);
        if (m.find()) {
            String task = m.group(1);
            err.println("hint: answer the task with --mock " + task + "=JSON or --mock-error " + task + "=MESSAGE");
        }
    }
}
