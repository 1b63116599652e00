package dev.rondo.core;

/**
 * The root of every exception Rondo throws for a user to catch: something the caller asked of Rondo cannot
 * be done; the message says what and, where the caller can act, how. Subclasses carry the ids involved:
 * the client's below, {@link CompileException} (a {@code .flow} file that does not compile) and the
 * worker's {@code TaskFailure} (thrown by a task handler to fail its attempt).
 *
 * <p>A wrong argument (a name Rondo does not accept, a null) is a programming error and throws
 * {@link IllegalArgumentException} or {@link NullPointerException}, and calling a method at the wrong time
 * (starting a worker that was shut down) {@link IllegalStateException}, as the JDK's own classes do: those
 * are fixed in code, not caught.
 */
public class RondoException extends RuntimeException {

    public RondoException(String message) {
        super(message);
    }

    public RondoException(String message, Throwable cause) {
        super(message, cause);
    }

    /** No workflow of that name has been deployed. */
    public static final class UnknownWorkflow extends RondoException {
        private final String workflow;

        public UnknownWorkflow(String workflow) {
            super("No workflow named '" + workflow + "' is deployed; deploy its .flow file first (RondoClient.deploy or 'rondo deploy').");
            this.workflow = workflow;
        }

        public String workflow() {
            return workflow;
        }
    }

    /** No schedule has that name. */
    public static final class UnknownSchedule extends RondoException {
        private final String schedule;

        public UnknownSchedule(String schedule) {
            super("No schedule is named '" + schedule + "'; 'rondo schedule list' shows them.");
            this.schedule = schedule;
        }

        public String schedule() {
            return schedule;
        }
    }

    /**
     * A start refers to a named limit (docs/scheduling.md, "Named limits") that is not declared, or is of the
     * other kind (a rate limit where a concurrency limit is asked for); nothing was started.
     */
    public static final class UnknownLimit extends RondoException {
        private final String limit;

        public UnknownLimit(String limit, String message) {
            super(message);
            this.limit = limit;
        }

        public String limit() {
            return limit;
        }
    }

    /** A schedule of that name exists already. */
    public static final class ScheduleExists extends RondoException {
        private final String schedule;

        public ScheduleExists(String schedule) {
            super("A schedule named '" + schedule + "' exists already; delete it first, or choose another name.");
            this.schedule = schedule;
        }

        public String schedule() {
            return schedule;
        }
    }

    /** No execution has that id (or it is not a workflow). */
    public static final class UnknownExecution extends RondoException {
        private final String executionId;

        public UnknownExecution(String executionId) {
            super("No workflow execution has the id '" + executionId + "'.");
            this.executionId = executionId;
        }

        public String executionId() {
            return executionId;
        }
    }

    /**
     * A start named an execution id that an execution of another workflow (or a task) already has. A start
     * with the id of an execution of the same workflow is not an error: it returns that execution.
     */
    public static final class IdConflict extends RondoException {
        private final String executionId;
        private final String existingWorkflow;
        private final String requestedWorkflow;

        public IdConflict(String executionId, String existingKind, String existingWorkflow, String requestedWorkflow) {
            super("Cannot start workflow '" + requestedWorkflow + "' with the id '" + executionId + "': that id belongs to "
                    + ("task".equals(existingKind) ? "task '" : "an execution of workflow '") + existingWorkflow + "'."
                    + " An id names one execution whatever its workflow; give this start an id of its own"
                    + " (for example, prefix ids with the workflow's name).");
            this.executionId = executionId;
            this.existingWorkflow = existingWorkflow;
            this.requestedWorkflow = requestedWorkflow;
        }

        public String executionId() {
            return executionId;
        }

        /** The workflow (or task) whose execution has the id. */
        public String existingWorkflow() {
            return existingWorkflow;
        }

        /** The workflow the start asked for. */
        public String requestedWorkflow() {
            return requestedWorkflow;
        }
    }

    /** The execution has ended, so it can take no more signals or cancellation. */
    public static final class ExecutionFinished extends RondoException {
        private final String executionId;
        private final ExecutionStatus status;

        public ExecutionFinished(String executionId, ExecutionStatus status, String what) {
            super("Execution '" + executionId + "' has already " + status.text() + "; it cannot take " + what + ".");
            this.executionId = executionId;
            this.status = status;
        }

        public String executionId() {
            return executionId;
        }

        /** {@code COMPLETED}, {@code FAILED} or {@code CANCELLED}. */
        public ExecutionStatus status() {
            return status;
        }
    }

    /** The execution did not end within the time the caller was willing to wait. */
    public static final class ResultTimeout extends RondoException {
        private final String executionId;

        public ResultTimeout(String executionId, java.time.Duration waited) {
            super("Execution '" + executionId + "' has not ended after " + waited + "; it is still running.");
            this.executionId = executionId;
        }

        public String executionId() {
            return executionId;
        }
    }

    /** An input, result or payload that is not JSON (or cannot be written as JSON) or is too large. */
    public static final class InvalidPayload extends RondoException {
        public InvalidPayload(String message) {
            super(message);
        }

        public InvalidPayload(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * An operator action (pause, resume, terminate, …) that does not apply to this execution as it stands:
     * it is a task (act on its workflow instead), has ended, or is being cancelled. The message names the
     * execution, its status and what to do.
     */
    public static class ActionRefused extends RondoException {
        private final String executionId;
        private final String action;
        private final ExecutionStatus status;

        public ActionRefused(String executionId, String action, ExecutionStatus status, String message) {
            super(message);
            this.executionId = executionId;
            this.action = action;
            this.status = status;
        }

        public String executionId() {
            return executionId;
        }

        /** The action refused: {@code pause}, {@code resume}, {@code terminate}, … */
        public String action() {
            return action;
        }

        /** The execution's status when the action was refused; null when the refusal is not about its status (a step not kept, an id taken). */
        public ExecutionStatus status() {
            return status;
        }
    }
}
