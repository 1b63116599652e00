package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.core.Identifiers;
import picocli.CommandLine.Parameters;

/** A command on one execution, given by id as its first argument. */
abstract class ExecutionCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "ID", description = "The execution id.")
    String id;

    abstract int run(RondoClient client, WorkflowHandle execution) throws Exception;

    /** Checks the id (an empty one or one with a control character names no execution), then {@link #checkArguments}. */
    @Override
    final void check() {
        String problem = id == null ? null : Identifiers.lookupProblem(Identifiers.Kind.EXECUTION_ID, id);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        checkArguments();
    }

    /** Checks the command's other arguments before connecting. */
    void checkArguments() {}

    @Override
    final int run(RondoClient client) throws Exception {
        return run(client, client.handle(id));
    }
}
