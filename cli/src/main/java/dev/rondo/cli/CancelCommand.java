package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.client.WorkflowHandle;
import picocli.CommandLine.Command;

/** {@code rondo cancel ID}: asks an execution to stop. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Ask execution ID to stop: it gets CancelledError where it waits, may compensate, and ends cancelled.",
                "Exit 1 when the execution does not exist or has ended."})
final class CancelCommand extends ExecutionCommand {

    @Override
    int run(RondoClient client, WorkflowHandle execution) {
        execution.cancel();
        out().println("cancellation requested for " + id);
        return 0;
    }
}
