package dev.rondo.core;

/**
 * The ids the engine gives the tasks and child workflows a workflow starts, in one place for the worker
 * and the in-process driver (the test kit), so that {@code TaskContext.executionId()} and the default
 * idempotency key are the same in a test as in production. {@code promise} is the number of the promise the
 * start made in the workflow's run: stable across a redo of the slice, unlike a counter.
 * {@link Identifiers} refuses user ids that end like these.
 */
public final class ExecutionIds {

    private ExecutionIds() {}

    /** {@code <workflow id>.t<promise>}. */
    public static String task(String workflowId, int promise) {
        return workflowId + ".t" + promise;
    }

    /** {@code <workflow id>.w<promise>}, for a child started without an id of its own. */
    public static String child(String workflowId, int promise) {
        return workflowId + ".w" + promise;
    }
}
