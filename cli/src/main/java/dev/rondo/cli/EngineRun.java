package dev.rondo.cli;

import dev.rondo.client.Description;
import dev.rondo.client.RondoClient;
import dev.rondo.client.RondoException;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.worker.Worker;
import java.io.PrintWriter;
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

    /** How long the run waits before checking whether the workflow waits for a signal only. */
    private static final Duration SIGNAL_HINT_AFTER = Duration.ofSeconds(2);

    private final RondoClient client;
    private final PrintWriter err;

    EngineRun(RondoClient client, PrintWriter err) {
        this.client = client;
        this.err = err;
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

    private WorkflowResult waitForEnd(WorkflowHandle handle) {
        try {
            return handle.result(SIGNAL_HINT_AFTER);
        } catch (RondoException.ResultTimeout stillRunning) {
            hintWhenWaitingForSignals(handle);
        }
        while (true) {
            try {
                return handle.result(Duration.ofHours(1));
            } catch (RondoException.ResultTimeout stillRunning) {
                // timers really wait on the engine; keep waiting
            }
        }
    }

    /** A workflow that waits only for signals waits until someone sends one: say how. */
    private void hintWhenWaitingForSignals(WorkflowHandle handle) {
        Description waiting = handle.describe();
        List<String> needs = waiting.waitingFor();
        if (!needs.isEmpty() && needs.stream().allMatch(need -> need.startsWith("signal "))) {
            String signal = needs.getFirst().substring("signal ".length());
            err.println("rondo: execution " + handle.id() + " waits for " + String.join(", ", needs) + " at " + waiting.waitingAt()
                    + "; send it with 'rondo signal " + handle.id() + " " + signal + " --payload JSON' (or run with --signal "
                    + signal + "=JSON)");
            err.flush();
        }
    }
}
