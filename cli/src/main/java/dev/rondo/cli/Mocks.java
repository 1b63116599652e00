package dev.rondo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.worker.TaskContext;
import dev.rondo.worker.TaskFailure;
import dev.rondo.worker.Worker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * The task mocks of {@code run} and {@code worker}: {@code --mock TASK=JSON} answers, {@code --mock-error
 * TASK=MESSAGE} fails (not retried), {@code --mock-delay TASK=SECONDS} makes a task take that long first.
 */
final class Mocks {

    @Option(names = "--mock", paramLabel = "TASK=JSON", description = "Task TASK returns JSON (or @FILE). Repeatable.")
    List<String> answers = new ArrayList<>();

    @Option(names = "--mock-error", paramLabel = "TASK=MESSAGE", description = "Task TASK fails with MESSAGE (not retried). Repeatable.")
    List<String> errors = new ArrayList<>();

    @Option(names = "--mock-delay", paramLabel = "TASK=SECONDS", description = "Task TASK takes SECONDS before it answers (on the engine). Repeatable.")
    List<String> delays = new ArrayList<>();

    /** Task name to its JSON answer, checked. */
    Map<String, String> answers() {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String mock : answers) {
            String[] pair = split("--mock", mock);
            parsed.put(pair[0], JsonText.argument("--mock " + pair[0], pair[1]));
        }
        return parsed;
    }

    /** Task name to its failure message. */
    Map<String, String> errors() {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String mock : errors) {
            String[] pair = split("--mock-error", mock);
            parsed.put(pair[0], pair[1]);
        }
        return parsed;
    }

    /** Task name to its delay in milliseconds. */
    Map<String, Long> delays() {
        Map<String, Long> parsed = new LinkedHashMap<>();
        for (String delay : delays) {
            String[] pair = split("--mock-delay", delay);
            try {
                double seconds = Double.parseDouble(pair[1]);
                if (seconds < 0) {
                    throw new NumberFormatException();
                }
                parsed.put(pair[0], Math.round(seconds * 1000));
            } catch (NumberFormatException e) {
                throw new UsageException("--mock-delay " + pair[0] + " takes a number of seconds, not '" + pair[1] + "'.");
            }
        }
        return parsed;
    }

    /** Registers a handler per mocked task on {@code worker}; {@code attempts} hears one line per attempt. */
    void register(Worker.Builder worker, Consumer<String> attempts) {
        Map<String, Long> delay = delays();
        answers().forEach((task, json) -> {
            JsonNode answer = JsonText.parse(json);
            worker.task(task, (input, ctx) -> {
                wait(delay.getOrDefault(task, 0L), ctx);
                attempts.accept(describe(ctx) + ": returned " + answer);
                return answer;
            });
        });
        errors().forEach((task, message) -> worker.task(task, (input, ctx) -> {
            wait(delay.getOrDefault(task, 0L), ctx);
            attempts.accept(describe(ctx) + ": failed: " + message);
            throw TaskFailure.permanent(message);
        }));
    }

    private static String describe(TaskContext ctx) {
        return "task " + ctx.taskName() + " attempt " + ctx.attempt() + " of workflow " + ctx.workflowId();
    }

    /** The mock's own delay: it stands for a slow system the task calls, and heartbeats meanwhile. */
    private static void wait(long millis, TaskContext ctx) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        for (long left = millis; left > 0; left = end - System.currentTimeMillis()) {
            ctx.heartbeat();
            Thread.sleep(Math.min(left, 1000));
        }
    }

    /** {@code NAME=VALUE} split at its first {@code =}; a usage error naming {@code option} otherwise. */
    static String[] split(String option, String value) {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new UsageException(option + " takes NAME=VALUE, not '" + value + "'.");
        }
        return new String[] {value.substring(0, eq), value.substring(eq + 1)};
    }
}
