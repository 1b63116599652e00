package dev.rondo.testing.internal;

import dev.rondo.core.IdempotencyKeys;
import dev.rondo.core.driver.TaskCall;
import dev.rondo.worker.TaskContext;
import java.util.function.BooleanSupplier;

/**
 * The {@link TaskContext} a handler sees in a test: the ids, attempt and idempotency key a worker would
 * give it (the key is {@code <workflow id>/<key>} when the workflow gave {@code options.key}, else the
 * task's id), heartbeats that do nothing, and the run's cancellation.
 */
public final class TestTaskContext implements TaskContext {

    private final TaskCall call;
    private final BooleanSupplier cancelled;

    public TestTaskContext(TaskCall call, BooleanSupplier cancelled) {
        this.call = call;
        this.cancelled = cancelled;
    }

    @Override
    public String executionId() {
        return call.taskId();
    }

    @Override
    public String workflowId() {
        return call.workflowId();
    }

    @Override
    public String taskName() {
        return call.name();
    }

    @Override
    public int attempt() {
        return call.attempt();
    }

    @Override
    public int maxAttempts() {
        return call.options().maxAttempts();
    }

    @Override
    public String idempotencyKey() {
        return IdempotencyKeys.of(call.workflowId(), call.options().key(), call.taskId());
    }

    @Override
    public void heartbeat() {
        // virtual time does not pass while a handler runs, so no heartbeat can be late
    }

    @Override
    public boolean cancelled() {
        return cancelled.getAsBoolean();
    }
}
