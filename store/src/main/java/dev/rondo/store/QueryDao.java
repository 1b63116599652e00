package dev.rondo.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Read-only views of executions for describe and list (SQL in {@code QueryDao/*.sql}). */
public interface QueryDao {

    /** An execution with its checkpoint's waiting position and its source, for describe. */
    record Row(String executionId, String workflow, String status, Instant createdAt, String waitingAt,
               String waitingFor, String source, String queue) {}

    /** One execution of a list. */
    record Summary(String executionId, String workflow, String status, String queue, Instant createdAt,
                   Instant finishedAt) {}

    /** A workflow execution's status and its checkpoint's text ({@code null} when it has none). */
    record Checkpoint(String status, String state) {}

    @SqlQuery("checkpoint_of")
    @RegisterConstructorMapper(Checkpoint.class)
    Optional<Checkpoint> checkpointOf(@Bind("id") String id);

    @SqlQuery("describe")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> describe(@Bind("id") String id);

    /** The queues {@code id} waits on that no worker has served in the last {@code minutes} minutes. */
    @SqlQuery("unserved_queues")
    List<String> unservedQueues(@Bind("id") String id, @Bind("minutes") int minutes);

    @SqlQuery("source_of")
    Optional<String> sourceOf(@Bind("id") String id);

    @SqlQuery("log_lines")
    List<String> logLines(@Bind("id") String id, @Bind("after") int after);

    @SqlQuery("list_executions")
    @RegisterConstructorMapper(Summary.class)
    List<Summary> list(@Bind("status") String status, @Bind("workflow") String workflow,
                                @Bind("after") String after, @Bind("limit") int limit);
}
