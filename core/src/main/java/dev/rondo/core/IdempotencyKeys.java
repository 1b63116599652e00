package dev.rondo.core;

/**
 * The rule for a task's idempotency key, in one place for the worker and the test kit
 * ({@code rondo-testing}), so tests see the keys production sees.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {}

    /**
     * {@code <workflow id>/<key>} when the flow gave the task a {@code key} (stable across retries and
     * across a redo of the slice), else the task's own execution id.
     */
    public static String of(String workflowId, String key, String taskId) {
        return key != null ? workflowId + "/" + key : taskId;
    }
}
