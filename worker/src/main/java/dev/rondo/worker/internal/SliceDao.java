package dev.rondo.worker.internal;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The statements of one workflow slice (SQL in {@code SliceDao/*.sql} beside this class). */
@UseClasspathSqlLocator
public interface SliceDao {

    record Workflow(String name, String definitionHash, String queue, int priority, String input, String parentId,
                    boolean cancelRequested, boolean finished, boolean owned, long nowMillis, String createdAt) {}

    /** The checkpoint, an inbox row, a due timer or an unconsumed signal ({@code source} says which). */
    record Pending(String source, Long id, Integer promise, String kind, String payload, String name) {}

    record Existing(String id, String kind, String name, String status, String result, String error,
                    String parentId, boolean finished) {}

    @SqlQuery("lock_workflow")
    @RegisterConstructorMapper(Workflow.class)
    Optional<Workflow> lockWorkflow(@Bind("id") String id, @Bind("item") long item, @Bind("owner") String owner);

    @SqlQuery("pending_outcomes")
    @RegisterConstructorMapper(Pending.class)
    List<Pending> pendingOutcomes(@Bind("id") String id);

    @SqlUpdate("delete_inbox")
    void deleteInbox(@Bind("ids") Long[] ids);

    @SqlUpdate("delete_timers")
    void deleteTimers(@Bind("id") String id, @Bind("promises") Integer[] promises);

    @SqlUpdate("insert_timers")
    void insertTimers(@Bind("id") String id, @Bind("promises") Integer[] promises,
                      @Bind("fireAtMillis") Long[] fireAtMillis);

    @SqlUpdate("consume_signals")
    void consumeSignals(@Bind("ids") Long[] ids);

    @SqlQuery("start_tasks")
    long startTasks(@Bind("parentId") String parentId, @Bind("ids") String[] ids, @Bind("names") String[] names,
                    @Bind("queues") String[] queues, @Bind("priorities") Integer[] priorities,
                    @Bind("inputs") String[] inputs, @Bind("options") String[] options,
                    @Bind("promises") Integer[] promises);

    /** Starts a child; empty when the name is not deployed or the id exists. */
    @SqlQuery("start_child")
    List<String> startChild(@Bind("id") String id, @Bind("name") String name, @Bind("queue") String queue,
                            @Bind("priority") int priority, @Bind("input") String input,
                            @Bind("parentId") String parentId, @Bind("promise") int promise);

    @SqlQuery("existing_child")
    @RegisterConstructorMapper(Existing.class)
    Optional<Existing> existingChild(@Bind("id") String id);

    @SqlUpdate("adopt_child")
    int adoptChild(@Bind("id") String id, @Bind("parentId") String parentId, @Bind("promise") int promise);

    @SqlUpdate("deliver")
    void deliver(@Bind("id") String id, @Bind("promise") int promise, @Bind("kind") String kind,
                 @Bind("payload") String payload);

    @SqlUpdate("append_log")
    void appendLog(@Bind("id") String id, @Bind("lines") String[] lines);

    @SqlUpdate("append_history")
    void appendHistory(@Bind("id") String id, @Bind("kinds") String[] kinds, @Bind("details") String[] details);

    @SqlUpdate("save_checkpoint")
    void saveCheckpoint(@Bind("id") String id, @Bind("state") String state, @Bind("waitingAt") String waitingAt,
                        @Bind("waitingFor") String waitingFor);

    @SqlQuery("schedule_wakeup")
    long scheduleWakeup(@Bind("id") String id, @Bind("queue") String queue, @Bind("priority") int priority);

    @SqlQuery("wake_now")
    long wakeNow(@Bind("id") String id, @Bind("queue") String queue, @Bind("priority") int priority);

    @SqlQuery("finish_workflow")
    List<String> finishWorkflow(@Bind("id") String id, @Bind("status") String status, @Bind("result") String result,
                                @Bind("error") String error, @Bind("parentKind") String parentKind,
                                @Bind("parentPayload") String parentPayload);

    @SqlUpdate("cancel_unstarted_tasks")
    void cancelUnstartedTasks(@Bind("id") String id, @Bind("error") String error);

    @SqlQuery("cancel_children")
    long cancelChildren(@Bind("id") String id);

    @SqlQuery("load_definition")
    Optional<String> loadDefinition(@Bind("name") String name, @Bind("hash") String hash);
}
