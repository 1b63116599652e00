package dev.rondo.worker;

/**
 * What a task handler knows about the attempt it runs, and how it reports that it is alive.
 */
public interface TaskContext {

    /** The task's execution id (the same for every attempt). */
    String executionId();

    /** The id of the workflow execution that started the task. */
    String workflowId();

    /** The task's name. */
    String taskName();

    /** This attempt's number, from 1. */
    int attempt();

    /** How many attempts the task may have in all. */
    int maxAttempts();

    /**
     * A key that is the same for every attempt of this task and different for every other task: pass it to
     * the system the task calls (a payment provider's idempotency key, say) so a retried attempt does not
     * act twice. It is {@code <workflow id>/<key>} when the workflow gave {@code options.key}, else the
     * task's execution id.
     */
    String idempotencyKey();

    /**
     * Says the handler is alive. A task with {@code heartbeatTimeout} fails its attempt when no heartbeat
     * comes for that long. Cheap (no database round trip); call it as often as convenient.
     */
    void heartbeat();

    /**
     * Whether the workflow that started the task was cancelled while the task was pending (a task its
     * compensation starts after the cancellation is not); a long handler should stop early. Its outcome
     * still reaches the workflow, whose compensation may await it.
     */
    boolean cancelled();

    /**
     * Whether this worker may no longer hold the task: its lease could not be renewed for most of the lease
     * (the database was out of reach), or another worker already took it over. Soon another worker may run
     * the task again, and this attempt's outcome may not be kept, so a long handler should stop; one that
     * stops while this turns true never runs beside another attempt of its task, which keeps a concurrency
     * key's limit exact (docs/scheduling.md). It can turn false again when a renewal gets through.
     */
    default boolean leaseAtRisk() {
        return false;
    }

    /**
     * Throws {@link TaskFailure} when the handler should stop: not retried when {@link #cancelled()}, retried
     * (as another attempt, once the lease is settled) when {@link #leaseAtRisk()}.
     */
    default void checkCancelled() {
        if (cancelled()) {
            throw TaskFailure.permanent("The workflow was cancelled.");
        }
        if (leaseAtRisk()) {
            throw TaskFailure.retryable("Stopped: this worker could not renew the task's lease (the database was out of reach),"
                    + " so another worker may run it.");
        }
    }
}
