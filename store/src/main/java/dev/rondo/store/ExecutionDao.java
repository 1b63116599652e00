package dev.rondo.store;

import dev.rondo.core.ExecutionStatus;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Signals, cancellation and results of executions (SQL in {@code ExecutionDao/*.sql} beside this class).
 * The start, a hot path, runs its {@code start_workflow.sql} over plain JDBC ({@link WorkflowStart}).
 */
public interface ExecutionDao {

    /** Where and how urgently an unfinished workflow runs; empty when it is unknown or finished. */
    @SqlQuery("lock_unfinished_workflow")
    @RegisterConstructorMapper(Placement.class)
    Optional<Placement> lockUnfinishedWorkflow(@Bind("id") String id);

    /** Buffers a signal for the execution; returns its sequence number. */
    @SqlQuery("insert_signal")
    long insertSignal(@Bind("id") String id, @Bind("name") String name, @Bind("payload") String payload);

    /**
     * Records a cancellation request for the execution and every unfinished descendant in one statement,
     * with a cancel in each workflow's inbox and a wake-up; returns how many queues were woken.
     */
    @SqlQuery("request_cancel")
    int requestCancel(@Bind("id") String id);

    /** The execution's status with its result or error (null while it runs); empty when unknown. */
    @SqlQuery("result_of")
    @RegisterConstructorMapper(Ended.class)
    Optional<Ended> resultOf(@Bind("id") String id);

    /** How an execution ended ({@code status} one of {@link ExecutionStatus}'s, its result or error as JSON text). */
    record Ended(String executionId, String status, String resultJson, String errorJson) {}

    /** The queue and priority of an execution's queue items. */
    record Placement(String queue, int priority) {}

    /** Makes the execution claimable on its queue at {@code now() + delayMillis} and wakes that queue's workers. */
    @SqlQuery("enqueue")
    int enqueue(@Bind("id") String id, @Bind("queue") String queue, @Bind("priority") int priority,
                 @Bind("delayMillis") long delayMillis);

    /** The status of an execution, if it exists. */
    @SqlQuery("status_of")
    Optional<String> statusOf(@Bind("id") String id);
}
