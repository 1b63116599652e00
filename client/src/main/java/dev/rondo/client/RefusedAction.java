package dev.rondo.client;

import dev.rondo.core.RondoException;

/**
 * An operator's retry, rewind or fork that cannot be done as asked (docs/operations.md); nothing was
 * changed. {@link #reason()} says why, the message says what to do instead. A kind of
 * {@link RondoException.ActionRefused}, so one {@code catch} takes every refused operator action.
 */
public final class RefusedAction extends RondoException.ActionRefused {

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

    private final Reason reason;

    RefusedAction(String executionId, Reason reason, String message) {
        super(executionId, actionOf(reason), null, message);
        this.reason = reason;
    }

    private static String actionOf(Reason reason) {
        return switch (reason) {
            case NOT_FAILED, PARENT_WENT_ON -> "retry";
            case NOT_REWINDABLE -> "rewind";
            case NO_SUCH_STEP -> "rewind or fork";
            case ID_TAKEN -> "fork";
        };
    }

    public Reason reason() {
        return reason;
    }
}
