package dev.rondo.cli;

import dev.rondo.client.Description;
import dev.rondo.client.RondoClient;
import dev.rondo.core.RondoException;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.RunNames;
import dev.rondo.worker.Worker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.security.SecureRandom;

/**
 * {@code rondo run} on the engine: deploys the file under a name of its own, starts it on a queue of its
 * own, sends the signals, and runs an in-process worker whose task handlers are the mocks until the
 * execution ends. Nothing else claims from that queue, so other workers on the same database are not
 * disturbed (and do not interfere), and the workflows deployed there under the file's name stay as they
 * are ({@link RunNames}: any file name works, and the program sees the file's stem as its workflow). Log
 * lines are printed as their slices commit, so what a run printed before a wait or a Ctrl-C stays printed.
 * Interrupted (Ctrl-C), it cancels the execution rather than leave it waiting on a queue nobody serves.
 */
final class EngineRun {

    /** Tasks and slices the in-process worker runs at once. */
    private static final int CONCURRENCY = 8;
    /** The client's pool: the worker's, the wait for the result, and one spare. */
    static final int POOL_SIZE = Worker.connectionsNeeded(CONCURRENCY) + 2;

    /** How long the run waits before checking whether the workflow waits for a signal only. */
    private static final Duration SIGNAL_HINT_AFTER = Duration.ofSeconds(2);

    /** How often the run looks for new log lines while the execution runs (its end wakes it at once). */
    private static final Duration LOG_INTERVAL = Duration.ofMillis(100);

    /** How long an interrupted run waits for its execution to take the cancellation. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(5);

    private final RondoClient client;
    private final PrintWriter out;
    private final PrintWriter err;
    /** Log lines printed so far. */
    private int printed;

    EngineRun(RondoClient client, PrintWriter out, PrintWriter err) {
        this.client = client;
        this.out = out;
        this.err = err;
    }

    /** The run's outcome: the ended execution (its log lines already printed), and the file name its errors give. */
    record Ended(WorkflowResult result, String deployedFile) {}

    Ended run(Path file, String inputJson, Mocks mocks, List<Map.Entry<String, String>> signals) throws InterruptedException {
        String queue = RunNames.queue(new SecureRandom().nextInt());
        String name = deployPrivately(file, queue);
        WorkflowHandle handle = client.start(name, inputJson, StartOptions.DEFAULT.withQueue(queue));
        for (Map.Entry<String, String> signal : signals) {
            handle.signal(signal.getKey(), signal.getValue());
        }
        Worker.Builder builder = Worker.builder(client.dataSource()).queues(queue).concurrency(CONCURRENCY);
        mocks.register(builder, attempt -> {});
        try (Worker worker = builder.build().start()) {
            Thread cancelOnExit = new Thread(() -> cancel(handle), "rondo-run-cancel");
            Runtime.getRuntime().addShutdownHook(cancelOnExit);
            WorkflowResult result = waitForEnd(handle, file, name + ".flow");
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnExit);
            } catch (IllegalStateException exiting) {
                // Ctrl-C came as it ended: the hook finds it finished and does nothing
            }
            printNewLines(handle);
            return new Ended(result, name + ".flow");
        }
    }

    /**
     * Deploys {@code file} under {@link RunNames#workflow}: a name no one else uses, so a run never replaces
     * the version that other starts of its stem get, nor races another run of a different file.
     */
    private String deployPrivately(Path file, String queue) {
        Path root = null;
        try {
            root = Files.createTempDirectory("rondo-run");
            String stem = file.getFileName().toString().replaceFirst("\\.flow$", "");
            String name = RunNames.workflow(queue, stem);
            Path copy = Files.createDirectories(root.resolve(queue)).resolve(name.substring(queue.length() + 1) + ".flow");
            Files.copy(file, copy);
            return client.deploy(root).getFirst().name();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + file + " to deploy it: " + e.getMessage(), e);
        } finally {
            deleteQuietly(root);
        }
    }

    private static void deleteQuietly(Path root) {
        if (root == null) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }

    /** On Ctrl-C: cancel the execution and give the in-process worker a moment to end it. */
    private void cancel(WorkflowHandle handle) {
        try {
            handle.cancel();
            handle.result(CANCEL_GRACE);
            err.println("rondo: cancelled execution " + handle.id());
        } catch (RondoException.ExecutionFinished finished) {
            return; // it ended on its own meanwhile
        } catch (RuntimeException e) {
            err.println("rondo: execution " + handle.id() + " may still be waiting (" + e.getMessage() + "); 'rondo cancel "
                    + handle.id() + "' ends it");
        }
        err.flush();
    }


    /** Waits for the end, printing log lines as they come; hints once when only a signal can move it on. */
    private WorkflowResult waitForEnd(WorkflowHandle handle, Path file, String deployedFile) {
        long hintAt = System.nanoTime() + SIGNAL_HINT_AFTER.toNanos();
        boolean hinted = false;
        while (true) {
            try {
                return handle.result(LOG_INTERVAL);
            } catch (RondoException.ResultTimeout stillRunning) {
                // timers really wait on the engine; keep waiting
            }
            printNewLines(handle);
            if (!hinted && System.nanoTime() - hintAt >= 0) {
                hinted = true;
                hintWhenWaitingForSignals(handle, file, deployedFile);
            }
        }
    }

    private void printNewLines(WorkflowHandle handle) {
        List<String> lines = handle.logs(printed);
        lines.forEach(out::println);
        out.flush();
        printed += lines.size();
    }

    /** A workflow that waits only for signals waits until someone sends one: say how. */
    private void hintWhenWaitingForSignals(WorkflowHandle handle, Path file, String deployedFile) {
        Description waiting = handle.describe();
        String where = waiting.waitingAt() != null && waiting.waitingAt().startsWith(deployedFile + ":")
                ? file + waiting.waitingAt().substring(deployedFile.length()) // as given on the command line
                : waiting.waitingAt();
        List<String> needs = waiting.waitingFor();
        if (!needs.isEmpty() && needs.stream().allMatch(need -> need.startsWith("signal "))) {
            String signal = needs.getFirst().substring("signal ".length());
            err.println("rondo: execution " + handle.id() + " waits for " + String.join(", ", needs) + " at " + where
                    + "; send it with 'rondo signal " + handle.id() + " " + signal + " --payload JSON' (or run with --signal "
                    + signal + "=JSON)");
            err.flush();
        }
    }
}
