package dev.rondo.cli;

import dev.rondo.client.WorkflowHandle;
import picocli.CommandLine.Command;

/** {@code rondo resume ID}: a paused execution goes on where it stood. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Resume paused workflow execution ID where it stood: what came in while it was paused is applied at once.",
                "Exit 1 when it does not exist, is a task or has ended."})
final class ResumeCommand extends OperatorCommand {

    @Override
    String action() {
        return "resume";
    }

    @Override
    boolean apply(WorkflowHandle execution) {
        return execution.resume();
    }

    @Override
    String done() {
        return "resumed " + id;
    }

    @Override
    String nothingToDo() {
        return id + " is not paused";
    }
}
