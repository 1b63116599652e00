package dev.rondo.core.internal.interp;

import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Values;

/** The error objects the durable operations produce (LANGUAGE.md §6, §9). */
final class Errors {

    private Errors() {}

    static FlowObject taskError(String task, String message, int attempts, Object details) {
        FlowObject error = FlowThrow.errorObject("TaskError", message);
        error.put("task", task);
        error.put("attempts", (double) attempts);
        error.put("details", Values.markShared(details));
        return error;
    }

    static FlowObject workflowError(String workflow, Object cause) {
        String causeMessage = cause instanceof FlowObject o && o.get("message") instanceof String m
                ? m : Values.toDisplayString(cause);
        FlowObject error = FlowThrow.errorObject("WorkflowError",
                "Child workflow '" + workflow + "' failed: " + causeMessage);
        error.put("workflow", workflow);
        error.put("cause", Values.markShared(cause));
        return error;
    }

    static FlowObject timeoutError(String signal) {
        FlowObject error = FlowThrow.errorObject("TimeoutError", "No signal '" + signal + "' arrived in time.");
        error.put("signal", signal);
        return error;
    }

    static FlowObject cancelledError() {
        return FlowThrow.errorObject("CancelledError", "The workflow was cancelled.");
    }
}
