package dev.rondo.worker.internal;

import java.util.List;
import java.util.Set;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Leases, rescues and retries of queue items (SQL in {@code QueueDao/*.sql} beside this class); the claim
 * and the batched task end run over plain JDBC in {@link QueueStatements}.
 */
@UseClasspathSqlLocator
public interface QueueDao {

    /** An item this worker now holds, with what running it needs; {@code kind} is null when the execution is gone. */
    record Claimed(long itemId, String executionId, String kind, String name, String input, int attempt,
                   String options, String parentId, boolean cancelRequested, boolean finished) {}

    /** An item whose lease ran out. */
    record Expired(long itemId, String executionId, String kind, String name, String queue, int priority,
                   int attempt, String options, boolean finished) {}

    record Renewed(long itemId, boolean cancelRequested) {}

    /** The task attempts a batch ended (those still held), and the queues of the parents they woke. */
    record Ended(Set<Long> items, Set<String> wokenQueues) {}

    @SqlQuery("renew_leases")
    @RegisterConstructorMapper(Renewed.class)
    List<Renewed> renewLeases(@Bind("owner") String owner, @Bind("items") Long[] items,
                              @Bind("leaseSeconds") double leaseSeconds);

    @SqlQuery("cancelled_items")
    List<Long> cancelledItems(@Bind("items") Long[] items);

    @SqlQuery("expired_leases")
    @RegisterConstructorMapper(Expired.class)
    List<Expired> expiredLeases(@Bind("limit") int limit);

    @SqlQuery("requeue_workflow")
    long requeueWorkflow(@Bind("item") long item, @Bind("executionId") String executionId,
                         @Bind("queue") String queue, @Bind("priority") int priority);

    @SqlUpdate("delete_item")
    int deleteItem(@Bind("item") long item);

    /** Schedules the next attempt; 0 when {@code owner} no longer holds the item ({@code owner} null: anyone). */
    @SqlQuery("retry_task")
    long retryTask(@Bind("owner") String owner, @Bind("item") long item, @Bind("attempt") int attempt,
                   @Bind("error") String error, @Bind("delaySeconds") double delaySeconds);
}
