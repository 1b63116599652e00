package dev.rondo.core;

import java.util.List;

/**
 * The end of one stretch of an execution: its effects (to commit together with the checkpoint), and
 * either the result, the uncaught error, or where and on what the execution now waits.
 *
 * @param waitingAt  {@code file:line:col} of the await the execution is suspended at, when suspended
 * @param waitingFor what that await still needs, such as {@code task chargeCard} or {@code signal approve}
 */
public record Slice(Status status, List<Effect> effects, Object result, FlowError error, String waitingAt,
                    List<String> waitingFor) {

    public enum Status {
        /** Waiting at an await: save the checkpoint and run again when an outcome arrives. */
        SUSPENDED,
        COMPLETED,
        FAILED,
        /**
         * Ended by its cancellation: the CancelledError thrown into it left the workflow (uncaught or rethrown;
         * {@link #error} holds it). A workflow that caught it and returned is {@link #COMPLETED}.
         */
        CANCELLED
    }

    public boolean suspended() {
        return status == Status.SUSPENDED;
    }
}
