package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.client.WorkflowHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rondo retry ID}: a failed execution goes on from the checkpoint before the await that failed it. */
@Command(name = "retry", mixinStandardHelpOptions = true,
        description = {"Set failed execution ID going again from the checkpoint before the await that failed it: a failed"
                + " task gets a fresh set of attempts, a failed child is retried, the other outcomes are delivered again;"
                + " after an error in the flow's own code the same stretch runs again (deploy the fix and upgrade first).",
                "Exit 1 when the execution does not exist, has not failed, or is a child whose parent has gone on."})
final class RetryCommand extends ExecutionCommand {

    @Option(names = "--json", description = "Print {\"id\": …, \"retried\": true, \"status\": …}.")
    boolean json;

    @Override
    int run(RondoClient client, WorkflowHandle execution) {
        execution.retry();
        String status = execution.status().text();
        if (json) {
            JsonText.print(out(), JsonText.object().put("id", id).put("retried", true).put("status", status));
        } else {
            out().println("retrying " + id + " (now " + status + ")");
        }
        return 0;
    }
}
