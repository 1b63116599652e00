package dev.rondo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.worker.TaskFailure;
import dev.rondo.worker.Worker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code rondo run} on the engine: deploys the file, starts it on a queue of its own, sends the signals,
 * and runs an in-process worker whose task handlers are the mocks until the execution ends. Nothing else
 * claims from that queue, so other workers on the same database are not disturbed (and do not interfere).
 */
final class EngineRun {

    /** Tasks and slices the in-process worker runs at once. */
    private static final int CONCURRENCY = 8;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String databaseUrl;

    EngineRun(String databaseUrl) {
        this.databaseUrl = databaseUrl;
    }

    /** The run's outcome: the ended execution and its log lines. */
    record Ended(WorkflowResult result, List<String> log) {}

    Ended run(Path file, String inputJson, Map<String, String> mocks, Map<String, String> mockErrors,
              List<Map.Entry<String, String>> signals) throws InterruptedException {
        String queue = "rondo-run-" + UUID.randomUUID().toString().substring(0, 8);
        try (RondoClient client = RondoClient.connect(databaseUrl, CONCURRENCY + 4)) {
            String name = client.deploy(file).getFirst().name();
            WorkflowHandle handle = client.start(name, inputJson, StartOptions.DEFAULT.withQueue(queue));
            for (Map.Entry<String, String> signal : signals) {
                handle.signal(signal.getKey(), signal.getValue());
            }
            Worker.Builder builder = Worker.builder(client.dataSource()).queues(queue).concurrency(CONCURRENCY);
            mocks.forEach((task, json) -> {
                JsonNode answer = readTree(json);
                builder.task(task, (input, ctx) -> answer);
            });
            mockErrors.forEach((task, message) -> builder.task(task, (input, ctx) -> {
                throw TaskFailure.permanent(message);
            }));
            try (Worker worker = builder.build().start()) {
                WorkflowResult result = waitForEnd(handle);
                return new Ended(result, handle.logs(0));
            }
        }
    }

    private static WorkflowResult waitForEnd(WorkflowHandle handle) {
        while (true) {
            try {
                return handle.result(Duration.ofHours(1));
            } catch (dev.rondo.client.RondoException.ResultTimeout stillRunning) {
                // timers really wait on the engine; keep waiting
            }
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("not valid JSON: " + json, e);
        }
    }
}
