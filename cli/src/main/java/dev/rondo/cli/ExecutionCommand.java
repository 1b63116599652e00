package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.client.WorkflowHandle;
import picocli.CommandLine.Parameters;

/** A command on one execution, given by id as its first argument. */
abstract class ExecutionCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "The execution id.")
    String id;

    abstract int run(RondoClient client, WorkflowHandle execution) throws Exception;

    @Override
    final int run(RondoClient client) throws Exception {
        return run(client, client.handle(id));
    }
}
