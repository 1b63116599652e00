package dev.rondo.client;

import dev.rondo.client.internal.ExecutionDao;
import org.jdbi.v3.core.Jdbi;

/**
 * One workflow execution, by id. Cheap to create and to keep; every call reads the current state from the
 * database. (Signals, waiting for the result, cancelling and describing come with the engine's worker.)
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

    @Override
    public String toString() {
        return "WorkflowHandle[" + id + "]";
    }
}
