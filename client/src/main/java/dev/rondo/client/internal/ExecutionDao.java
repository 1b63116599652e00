package dev.rondo.client.internal;

import dev.rondo.client.WorkflowResult;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Creates executions and their first queue item (SQL in {@code ExecutionDao/*.sql} beside this class). */
@UseClasspathSqlLocator
public interface ExecutionDao {

    /** What {@link #startWorkflow} did: nothing when {@code name} is not deployed or the id exists already. */
    record Started(boolean deployed, boolean started) {}

    /** Starts a queued workflow execution at the deployed version of {@code name}, with its queue item. */
    @SqlQuery("start_workflow")
    @RegisterConstructorMapper(Started.class)
    Started startWorkflow(@Bind("id") String id, @Bind("name") String name, @Bind("queue") String queue,
                          @Bind("priority") int priority, @Bind("input") String input,
                          @Bind("delayMillis") long delayMillis);

    /** Where and how urgently an unfinished workflow runs; empty when it is unknown or finished. */
    @SqlQuery("lock_unfinished_workflow")
    @RegisterConstructorMapper(Placement.class)
    Optional<Placement> lockUnfinishedWorkflow(@Bind("id") String id);

    /** Buffers a signal for the execution; returns its sequence number. */
    @SqlQuery("insert_signal")
    long insertSignal(@Bind("id") String id, @Bind("name") String name, @Bind("payload") String payload);

    /** Records a cancellation request and puts it in the execution's inbox. */
    @SqlUpdate("request_cancel")
    void requestCancel(@Bind("id") String id);

    /** The execution's status with its result or error (null while it runs); empty when unknown. */
    @SqlQuery("result_of")
    @RegisterConstructorMapper(WorkflowResult.class)
    Optional<WorkflowResult> resultOf(@Bind("id") String id);

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
