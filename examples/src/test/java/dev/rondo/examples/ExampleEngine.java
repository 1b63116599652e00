package dev.rondo.examples;

import dev.rondo.client.RondoClient;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.testdb.TestDatabase;
import dev.rondo.worker.Worker;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * An example's engine in a test: a client on a fresh schema with the examples' flows deployed, and one
 * worker on the examples' queue, both as the examples' {@code main}s make them. Close it to stop both.
 */
public final class ExampleEngine implements AutoCloseable {

    public final RondoClient rondo;
    private Worker worker;

    public ExampleEngine(String owner) {
        rondo = RondoClient.connect(TestDatabase.freshSchemaUrl(owner), Examples.POOL_SIZE);
        rondo.deploy(Examples.flows());
    }

    /** Starts the worker with the tasks {@code register} adds. */
    public ExampleEngine worker(UnaryOperator<Worker.Builder> register) {
        worker = Examples.startWorker(rondo, register);
        return this;
    }

    public WorkflowHandle start(String workflow, String inputJson) {
        return Examples.start(rondo, workflow, inputJson);
    }

    /** Starts {@code workflow} and waits up to a minute for its end. */
    public WorkflowResult run(String workflow, String inputJson) {
        return start(workflow, inputJson).result(Duration.ofMinutes(1));
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
        }
        rondo.close();
    }
}
