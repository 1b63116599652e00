package dev.rondo.client;

import dev.rondo.core.RondoException;

/**
 * An operator's retry, rewind or fork that cannot be done as asked (docs/operations-retry.md); nothing was
 * changed. {@link #reason()} says why, the message says what to do instead.
 */
public final class RefusedAction extends RondoException {

    /** Why the action was refused. */
    public enum Reason {
        /** Retry: the execution has not failed (it is waiting, completed, …). */
        NOT_FAILED,
        /** Rewind: the execution is not waiting, paused or failed. */
        NOT_REWINDABLE,
        /** Retry of a child whose parent has already gone on (it saw the failure, or it has ended). */
        PARENT_WENT_ON,
        /** Rewind or fork: no such step in the execution's checkpoint history. */
        NO_SUCH_STEP,
        /** Fork: the id asked for belongs to another execution. */
        ID_TAKEN
    }

    private final String executionId;
    private final Reason reason;

    RefusedAction(String executionId, Reason reason, String message) {
        super(message);
        this.executionId = executionId;
        this.reason = reason;
    }

    public String executionId() {
        return executionId;
    }

    public Reason reason() {
        return reason;
    }
}
