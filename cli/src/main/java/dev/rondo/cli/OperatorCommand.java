package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.client.WorkflowHandle;
import picocli.CommandLine.Option;

/**
 * An operator action on one execution ({@code pause}, {@code resume}, {@code terminate}): prints what it did,
 * or, with {@code --json}, {@code {"id", "action", "changed", "status"}}. A repeated action changes nothing
 * and exits 0; a refusal (unknown id, a task, an ended execution) prints the client's sentence and exits 1.
 */
abstract class OperatorCommand extends ExecutionCommand {

    @Option(names = "--json", description = "Print {\"id\": …, \"action\": …, \"changed\": true|false, \"status\": …}.")
    boolean json;

    /** The action's name, as recorded ({@code pause}, …). */
    abstract String action();

    /** Does it; whether it changed anything. */
    abstract boolean apply(WorkflowHandle execution);

    /** The line printed when it changed something, e.g. "paused ID". */
    abstract String done();

    /** The line printed when there was nothing to do. */
    abstract String nothingToDo();

    @Override
    final int run(RondoClient client, WorkflowHandle execution) {
        boolean changed = apply(execution);
        if (json) {
            JsonText.print(out(), JsonText.object().put("id", id).put("action", action()).put("changed", changed)
                    .put("status", execution.status().text()));
        } else {
            out().println(changed ? done() : nothingToDo());
        }
        return 0;
    }
}
