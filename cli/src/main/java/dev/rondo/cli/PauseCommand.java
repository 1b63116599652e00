package dev.rondo.cli;

import dev.rondo.client.WorkflowHandle;
import picocli.CommandLine.Command;

/** {@code rondo pause ID}: no slice of the execution runs until {@code rondo resume ID}. */
@Command(name = "pause", mixinStandardHelpOptions = true,
        description = {"Pause workflow execution ID: it runs nothing until 'rondo resume ID'. Tasks it started finish and",
                "their outcomes wait; its timers come due but wait; signals are buffered. Status: paused.",
                "Exit 1 when it does not exist, is a task, has ended or is being cancelled."})
final class PauseCommand extends OperatorCommand {

    @Override
    String action() {
        return "pause";
    }

    @Override
    boolean apply(WorkflowHandle execution) {
        return execution.pause();
    }

    @Override
    String done() {
        return "paused " + id;
    }

    @Override
    String nothingToDo() {
        return id + " was paused already";
    }
}
