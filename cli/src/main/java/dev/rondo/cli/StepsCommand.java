package dev.rondo.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rondo.client.RondoClient;
import dev.rondo.client.Step;
import dev.rondo.client.WorkflowHandle;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rondo steps ID}: the checkpoint history of an execution, the steps rewind and fork go to. */
@Command(name = "steps", mixinStandardHelpOptions = true,
        description = {"List the checkpoint history of execution ID: each await it waited at (step, where, what for, when),"
                + " oldest first; 'rondo rewind ID --to STEP' and 'rondo fork ID --at STEP' go back to one.",
                "Exit 1 when the execution does not exist."})
final class StepsCommand extends ExecutionCommand {

    @Option(names = "--json", description = "Print {id, steps: [{step, waitingAt, waitingFor: [...], at}]}.")
    boolean json;

    @Override
    int run(RondoClient client, WorkflowHandle execution) {
        List<Step> steps = execution.steps();
        if (json) {
            ObjectNode node = JsonText.object().put("id", id);
            ArrayNode array = node.putArray("steps");
            for (Step step : steps) {
                ObjectNode row = array.addObject().put("step", step.step()).put("waitingAt", step.waitingAt());
                step.waitingFor().forEach(row.putArray("waitingFor")::add);
                row.put("at", step.at() == null ? null : step.at().toString());
            }
            JsonText.print(out(), node);
            return 0;
        }
        if (steps.isEmpty()) {
            out().println("no steps kept for " + id + " (it has not waited yet, or it ended and its history was not kept)");
            return 0;
        }
        Table table = new Table("step", "waiting at", "waiting for", "at");
        for (Step step : steps) {
            table.row(step.step(), step.waitingAt(), String.join(", ", step.waitingFor()), step.at());
        }
        table.print(out());
        return 0;
    }
}
