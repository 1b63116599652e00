package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.client.RondoException;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
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
    /** The client's pool: the worker's concurrency, its LISTEN and renewals, and the wait for the result. */
    static final int POOL_SIZE = CONCURRENCY + 4;

    private final RondoClient client;

    EngineRun(RondoClient client) {
        this.client = client;
    }

    /** The run's outcome: the ended execution and its log lines. */
    record Ended(WorkflowResult result, List<String> log) {}

    Ended run(Path file, String inputJson, Mocks mocks, List<Map.Entry<String, String>> signals) throws InterruptedException {
        String queue = "rondo-run-" + UUID.randomUUID().toString().substring(0, 8);
        String name = client.deploy(file).getFirst().name();
        WorkflowHandle handle = client.start(name, inputJson, StartOptions.DEFAULT.withQueue(queue));
        for (Map.Entry<String, String> signal : signals) {
            handle.signal(signal.getKey(), signal.getValue());
        }
        Worker.Builder builder = Worker.builder(client.dataSource()).queues(queue).concurrency(CONCURRENCY);
        mocks.register(builder, attempt -> {});
        try (Worker worker = builder.build().start()) {
            WorkflowResult result = waitForEnd(handle);
            return new Ended(result, handle.logs(0));
        }
    }

    private static WorkflowResult waitForEnd(WorkflowHandle handle) {
        while (true) {
            try {
                return handle.result(Duration.ofHours(1));
            } catch (RondoException.ResultTimeout stillRunning) {
                // timers really wait on the engine; keep waiting
            }
        }
    }
}
