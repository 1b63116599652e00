package dev.rondo.client;

import dev.rondo.client.internal.ExecutionDao;
import dev.rondo.client.internal.Payloads;
import org.jdbi.v3.core.Jdbi;

/**
 * One workflow execution, by id. Cheap to create and to keep; every call reads or writes the current state
 * in the database. (Waiting for the result and describing come with the engine's worker.)
 */
public final class WorkflowHandle {

    private final Jdbi jdbi;
    private final String id;

    WorkflowHandle(Jdbi jdbi, String id) {
        this.jdbi = jdbi;
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** {@code queued}, {@code running}, {@code waiting}, {@code completed}, {@code failed} or {@code cancelled}. */
    public String status() {
        return jdbi.withExtension(ExecutionDao.class, dao -> dao.statusOf(id))
                .orElseThrow(() -> new RondoException("No execution has the id '" + id + "'."));
    }

    /**
     * Sends signal {@code name} with {@code payloadJson} (any JSON value; {@code null} means {@code null}).
     * Signals are buffered until a {@code Signal.next(name)} takes them, first in first out, each once.
     *
     * @throws RondoException.UnknownExecution  when no workflow execution has this id
     * @throws RondoException.ExecutionFinished when it has already ended
     * @throws RondoException.InvalidPayload    when the payload is not JSON or over 4 MiB
     */
    public void signal(String name, String payloadJson) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A signal needs a name.");
        }
        String payload = Payloads.normalize(payloadJson == null ? "null" : payloadJson, "signal payload");
        jdbi.useTransaction(handle -> {
            ExecutionDao executions = handle.attach(ExecutionDao.class);
            ExecutionDao.Placement placement = unfinished(executions, "signals");
            executions.insertSignal(id, name, payload);
            executions.enqueue(id, placement.queue(), placement.priority(), 0);
        });
    }

    /**
     * Asks the execution to stop: it gets {@code CancelledError} at the await where it waits (and at every
     * later one), can compensate in {@code catch}/{@code finally}, and ends as {@code cancelled}. Asking
     * twice is the same as asking once.
     *
     * @throws RondoException.UnknownExecution  when no workflow execution has this id
     * @throws RondoException.ExecutionFinished when it has already ended
     */
    public void cancel() {
        jdbi.useTransaction(handle -> {
            ExecutionDao executions = handle.attach(ExecutionDao.class);
            ExecutionDao.Placement placement = unfinished(executions, "cancellation");
            executions.requestCancel(id);
            executions.enqueue(id, placement.queue(), placement.priority(), 0);
        });
    }

    private ExecutionDao.Placement unfinished(ExecutionDao executions, String what) {
        return executions.lockUnfinishedWorkflow(id).orElseThrow(() -> executions.statusOf(id)
                .<RondoException>map(status -> new RondoException.ExecutionFinished(id, status, what))
                .orElseGet(() -> new RondoException.UnknownExecution(id)));
    }

    @Override
    public String toString() {
        return "WorkflowHandle[" + id + "]";
    }
}
