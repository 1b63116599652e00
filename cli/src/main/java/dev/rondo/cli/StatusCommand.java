package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.client.WorkflowHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rondo status ID}: one word. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print the status of execution ID: queued, running, waiting, paused, completed, failed, cancelled or terminated.")
final class StatusCommand extends ExecutionCommand {

    @Option(names = "--json", description = "Print {\"id\": …, \"status\": …}.")
    boolean json;

    @Override
    int run(RondoClient client, WorkflowHandle execution) {
        String status = execution.status().text(); // an unknown id says so plainly
        if (json) {
            JsonText.print(out(), JsonText.object().put("id", id).put("status", status));
        } else {
            out().println(status);
        }
        return 0;
    }
}
