package dev.rondo.cli;

import dev.rondo.client.WorkflowHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rondo terminate ID}: stops an execution and its descendants at once, running none of their code. */
@Command(name = "terminate", mixinStandardHelpOptions = true,
        description = {"Stop workflow execution ID and every unfinished child workflow and task under it at once: none",
                "of their code runs (no catch, no finally; use 'rondo cancel' to let it compensate). They end terminated.",
                "Exit 1 when it does not exist, is a task or has ended otherwise."})
final class TerminateCommand extends OperatorCommand {

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, added to the error each execution ends with.")
    String reason;

    @Override
    String action() {
        return "terminate";
    }

    @Override
    boolean apply(WorkflowHandle execution) {
        return execution.terminate(reason);
    }

    @Override
    String done() {
        return "terminated " + id;
    }

    @Override
    String nothingToDo() {
        return id + " was terminated already";
    }
}
