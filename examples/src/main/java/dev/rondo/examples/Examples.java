package dev.rondo.examples;

import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.embedded.LocalDatabase;
import dev.rondo.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** What every example's {@code main} shares: the database, the flows folder, the queue, the printout. */
public final class Examples {

    /** The queue the examples run on, so a worker here never claims another application's work. */
    public static final String QUEUE = "examples";

    /** Slices and task attempts a worker of the examples runs at once. */
    public static final int CONCURRENCY = 8;

    /** Connections for the client and a worker sharing its pool: the worker's, and two for the client. */
    public static final int POOL_SIZE = Worker.connectionsNeeded(CONCURRENCY) + 2;

    private Examples() {}

    /**
     * A client on the database the {@code rondo} command uses ({@link LocalDatabase#resolveUrl}):
     * {@code RONDO_DATABASE_URL} when it is set, otherwise the embedded PostgreSQL under {@code ~/.rondo}
     * (started when it is not running).
     */
    public static RondoClient connect() {
        return RondoClient.connect(LocalDatabase.resolveUrl(null, System.err::println), POOL_SIZE);
    }

    /**
     * The folder of example flows: {@code flows} under the examples module, found from the repository root
     * or from {@code examples/} itself, so both {@code examples/run} and the tests find it.
     */
    public static Path flows() {
        for (Path candidate : new Path[] {Path.of("flows"), Path.of("examples", "flows")}) {
            if (Files.isDirectory(candidate.resolve("orders"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find the examples' flows folder from " + Path.of("").toAbsolutePath()
                + ": run the examples from the repository's root or its examples/ folder.");
    }

    /** An example's demonstration, run by its {@code main} and by its test. */
    @FunctionalInterface
    public interface Demo {
        Object run(RondoClient rondo) throws Exception;
    }

    /** An example's {@code main}: runs {@code demo} on the database of {@link #connect()}, then closes the client. */
    public static void main(Demo demo) throws Exception {
        try (RondoClient rondo = connect()) {
            demo.run(rondo);
        }
    }

    /**
     * Starts a worker on the examples' queue, sharing the client's pool, with the tasks {@code register}
     * adds. Close it to stop it (it lets running work finish first).
     */
    public static Worker startWorker(RondoClient rondo, UnaryOperator<Worker.Builder> register) {
        return register.apply(Worker.builder(rondo.dataSource()))
                .queues(QUEUE).concurrency(CONCURRENCY).build().start();
    }

    /** Starts {@code workflow} on the examples' queue. */
    public static WorkflowHandle start(RondoClient rondo, String workflow, String inputJson) {
        return rondo.start(workflow, inputJson, StartOptions.DEFAULT.withQueue(QUEUE));
    }

    /** Waits (up to two minutes) for the execution's end, then prints its log lines and its result or error. */
    public static WorkflowResult awaitAndPrint(WorkflowHandle handle) {
        WorkflowResult result = handle.result(Duration.ofMinutes(2));
        System.out.println("== " + handle.id() + " (" + result.status() + ")");
        for (String line : handle.logs(0)) {
            System.out.println("   log: " + line);
        }
        if (result.completed()) {
            System.out.println("   result: " + result.resultJson());
        } else {
            System.out.println("   error: " + result.error());
        }
        return result;
    }
}
