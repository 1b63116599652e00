package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.client.WorkflowHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rondo fork ID [--at STEP] [--id NEW]}: a new execution from a checkpoint of another. */
@Command(name = "fork", mixinStandardHelpOptions = true,
        description = {"Start a new execution from a checkpoint of execution ID (default: its latest), of the same workflow"
                + " version and input, linked to ID; the work that checkpoint waits on is issued again for it. ID is untouched.",
                "Exit 1 when the execution does not exist, has no such step, or the new id is taken."})
final class ForkCommand extends ExecutionCommand {

    @Option(names = "--at", paramLabel = "STEP", description = "The step to fork from ('rondo steps ID' lists them); default the latest.")
    Integer step;

    @Option(names = "--id", paramLabel = "NEW", description = "The new execution's id; default <ID>-fork-<8 hex digits>.")
    String newId;

    @Option(names = "--json", description = "Print {\"id\": NEW, \"forkedFrom\": ID, \"step\": …}.")
    boolean json;

    @Override
    void checkArguments() {
        if (step != null && step < 1) {
            throw new UsageException("--at: steps are numbered from 1, not " + step + "; 'rondo steps " + id + "' lists them");
        }
        if (newId != null) {
            String problem = dev.rondo.core.Identifiers.problem(dev.rondo.core.Identifiers.Kind.EXECUTION_ID, newId);
            if (problem != null) {
                throw new UsageException("--id: " + problem);
            }
        }
    }

    @Override
    int run(RondoClient client, WorkflowHandle execution) {
        WorkflowHandle fork = client.fork(id, step, newId);
        Integer at = fork.forkedFrom().map(WorkflowHandle.Origin::step).orElse(null);
        if (json) {
            JsonText.print(out(), JsonText.object().put("id", fork.id()).put("forkedFrom", id).put("step", at));
        } else {
            out().println("forked " + id + (at == null ? "" : " at step " + at) + " as " + fork.id());
        }
        return 0;
    }
}
