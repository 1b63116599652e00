package dev.rondo.client.internal;

import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.RondoException;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Json;
import dev.rondo.store.ExecutionControl;
import dev.rondo.store.ExecutionKind;
import dev.rondo.store.OperatorLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pause, resume and terminate of one workflow execution, in the caller's transaction (docs/operations.md):
 * each locks the execution's row as a slice does, re-reads its state under the lock, acts only when there
 * is something to do, and then records the action in the execution's history. Not API: WorkflowHandle and
 * the bulk actions call these.
 */
public final class Steering {

    private Steering() {}

    /**
     * Pauses workflow {@code id}; false when it was paused already (nothing is recorded then).
     *
     * @throws RondoException.UnknownExecution when no execution has the id
     * @throws RondoException.ActionRefused    when it is a task, has ended, or is being cancelled
     */
    public static boolean pause(Connection connection, String id, String operator) throws SQLException {
        ExecutionControl control = new ExecutionControl(connection);
        ExecutionControl.Locked locked = workflow(control, id, "pause");
        ExecutionStatus status = ExecutionStatus.of(locked.status());
        if (status == ExecutionStatus.PAUSED) {
            return false;
        }
        if (locked.cancelRequested()) {
            throw new RondoException.ActionRefused(id, "pause", status, "Execution '" + id
                    + "' is being cancelled (it runs its catch and finally blocks); a cancel wins over a pause, so it"
                    + " cannot be paused. Terminate it to stop it at once.");
        }
        control.pause(id);
        new OperatorLog(connection).record(id, "pause", operator, Map.of("was", status.text()));
        return true;
    }

    /**
     * Resumes workflow {@code id} where it stood; false when it was not paused (nothing is recorded then).
     *
     * @throws RondoException.UnknownExecution when no execution has the id
     * @throws RondoException.ActionRefused    when it is a task or has ended
     */
    public static boolean resume(Connection connection, String id, String operator) throws SQLException {
        ExecutionControl control = new ExecutionControl(connection);
        workflow(control, id, "resume");
        java.util.Optional<String> to = control.resume(id);
        if (to.isEmpty()) {
            return false;
        }
        new OperatorLog(connection).record(id, "resume", operator, Map.of("to", to.get()));
        return true;
    }

    /**
     * Terminates workflow {@code id} and its unfinished descendants; false when it was terminated already.
     * {@code reason} (or null) is added to the error each of them ends with.
     *
     * @throws RondoException.UnknownExecution when no execution has the id
     * @throws RondoException.ActionRefused    when it is a task or ended otherwise (completed, failed, cancelled)
     */
    public static boolean terminate(Connection connection, String id, String operator, String reason)
            throws SQLException {
        ExecutionControl control = new ExecutionControl(connection);
        ExecutionControl.Locked locked = control.lock(id).orElseThrow(() -> new RondoException.UnknownExecution(id));
        ExecutionStatus status = ExecutionStatus.of(locked.status());
        if (locked.kind() != ExecutionKind.WORKFLOW) {
            throw task(id, "terminate", status);
        }
        if (status == ExecutionStatus.TERMINATED) {
            return false;
        }
        if (status.ended()) {
            throw ended(id, "terminate", status);
        }
        control.lockTree(id);
        String why = reason == null || reason.isBlank() ? "" : ": " + reason.strip();
        String rootMessage = "The workflow was terminated by " + operator + why + ".";
        String message = "The workflow was terminated by " + operator + " with workflow execution '" + id + "'" + why + ".";
        ExecutionControl.Terminated done = control.terminate(id, error(rootMessage), error(message),
                error("It was terminated by " + operator + why + "."), detail(operator, reason));
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("was", status.text());
        facts.put("ended", String.valueOf(done.ended()));
        if (!why.isEmpty()) {
            facts.put("reason", reason.strip());
        }
        new OperatorLog(connection).record(id, "terminate", operator, facts);
        return true;
    }

    private static ExecutionControl.Locked workflow(ExecutionControl control, String id, String action)
            throws SQLException {
        ExecutionControl.Locked locked = control.lock(id).orElseThrow(() -> new RondoException.UnknownExecution(id));
        ExecutionStatus status = ExecutionStatus.of(locked.status());
        if (locked.kind() != ExecutionKind.WORKFLOW) {
            throw task(id, action, status);
        }
        if (status.ended()) {
            throw ended(id, action, status);
        }
        return locked;
    }

    private static RondoException.ActionRefused task(String id, String action, ExecutionStatus status) {
        return new RondoException.ActionRefused(id, action, status, "Execution '" + id + "' is a task, not a workflow;"
                + " only workflow executions can be " + pastTense(action) + ". Act on the workflow that started it.");
    }

    private static RondoException.ActionRefused ended(String id, String action, ExecutionStatus status) {
        return new RondoException.ActionRefused(id, action, status, "Execution '" + id + "' has already " + status.text()
                + "; it cannot be " + pastTense(action) + ". Only queued, waiting, running or paused executions can.");
    }

    private static String pastTense(String action) {
        return switch (action) {
            case "pause" -> "paused";
            case "resume" -> "resumed";
            case "terminate" -> "terminated";
            default -> action + "ed";
        };
    }

    private static String error(String message) {
        return Json.write(FlowThrow.errorObject("TerminatedError", message));
    }

    private static String detail(String operator, String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("by", operator);
        if (reason != null && !reason.isBlank()) {
            detail.put("reason", reason.strip());
        }
        return Json.write(new FlowObject(detail));
    }
}
