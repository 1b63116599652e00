package dev.rondo.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The dashboard's reads (SQL in {@code DashboardDao/*.sql}). Read-only; its writes (signal, cancel) go
 * through the client. Callers run the filtered listings with {@code plan_cache_mode = force_custom_plan}
 * (see {@code executions.sql}).
 */
public interface DashboardDao {

    /** The filters of the executions page; null fields do not filter. */
    record Filter(String status, String workflow, String queue, Instant createdFrom, Instant createdTo) {}

    /** One row of the executions page. */
    record ExecutionRow(String id, String workflow, String status, String queue, Instant createdAt,
                        Instant finishedAt, String parentId) {}

    record StatusCount(String status, long count) {}

    /** One workflow execution with its checkpoint and source, for its page. */
    record Execution(String id, String workflow, String definitionHash, String queue, String status, String input,
                     String result, String error, String parentId, int attempt, Instant createdAt,
                     Instant startedAt, Instant finishedAt, boolean cancelRequested, String sliceError,
                     String waitingAt, String waitingFor, String checkpoint, Instant checkpointedAt, String source) {}

    /** A task or child workflow of an execution; {@code nextRunAt} is its unclaimed item's due time. */
    record Child(String id, String kind, String name, String status, int attempt, Instant createdAt,
                 Instant startedAt, Instant finishedAt, String error, Instant nextRunAt, boolean leased) {}

    record Timer(int promise, Instant fireAt) {}

    record Signal(long id, String name, Instant sentAt, Instant consumedAt) {}

    record Event(int seq, String kind, String detail, Instant at) {}

    record LogLine(int seq, String line, Instant loggedAt) {}

    record Version(String name, String hash, Instant deployedAt, Boolean head) {}

    record VersionCount(String name, String hash, String status, long count) {}

    record Definition(String name, String hash, Instant deployedAt, String source) {}

    /** A queue's figures now; {@code oldestDue} is null when nothing waits. */
    record Queue(String queue, long waiting, Instant oldestDue, long scheduled, long leased, long lastMinute,
                 long lastHour) {}

    /** How many executions of {@code queue} finished in the minute that began {@code minutesAgo} minutes ago. */
    record Throughput(String queue, int minutesAgo, long finished) {}

    record Worker(String id, String host, long pid, List<String> queues, int concurrency, int inFlight,
                  Instant startedAt, Instant lastSeen, double seenSecondsAgo) {}

    @SqlQuery("executions")
    @RegisterConstructorMapper(ExecutionRow.class)
    List<ExecutionRow> executions(@Bind("status") String status, @Bind("workflow") String workflow,
                                  @Bind("queue") String queue, @Bind("createdFrom") Instant createdFrom,
                                  @Bind("createdTo") Instant createdTo, @Bind("attributes") String attributes,
                                  @Bind("afterAt") Instant afterAt,
                                  @Bind("afterId") String afterId, @Bind("limit") int limit);

    @SqlQuery("status_counts")
    @RegisterConstructorMapper(StatusCount.class)
    List<StatusCount> statusCounts(@Bind("workflow") String workflow, @Bind("queue") String queue,
                                   @Bind("createdFrom") Instant createdFrom, @Bind("createdTo") Instant createdTo,
                                   @Bind("attributes") String attributes, @Bind("cap") int cap);

    @SqlQuery("exists")
    boolean exists(@Bind("id") String id);

    @SqlQuery("execution")
    @RegisterConstructorMapper(Execution.class)
    Optional<Execution> execution(@Bind("id") String id);

    @SqlQuery("children")
    @RegisterConstructorMapper(Child.class)
    List<Child> children(@Bind("id") String id, @Bind("limit") int limit);

    @SqlQuery("timers")
    @RegisterConstructorMapper(Timer.class)
    List<Timer> timers(@Bind("id") String id);

    @SqlQuery("signals")
    @RegisterConstructorMapper(Signal.class)
    List<Signal> signals(@Bind("id") String id, @Bind("limit") int limit);

    @SqlQuery("history")
    @RegisterConstructorMapper(Event.class)
    List<Event> history(@Bind("id") String id, @Bind("limit") int limit);

    @SqlQuery("log_lines")
    @RegisterConstructorMapper(LogLine.class)
    List<LogLine> logLines(@Bind("id") String id, @Bind("after") int after, @Bind("limit") int limit);

    @SqlQuery("versions")
    @RegisterConstructorMapper(Version.class)
    List<Version> versions();

    @SqlQuery("version_counts")
    @RegisterConstructorMapper(VersionCount.class)
    List<VersionCount> versionCounts();

    @SqlQuery("definition")
    @RegisterConstructorMapper(Definition.class)
    Optional<Definition> definition(@Bind("name") String name, @Bind("hash") String hash);

    @SqlQuery("queues")
    @RegisterConstructorMapper(Queue.class)
    List<Queue> queues();

    @SqlQuery("throughput")
    @RegisterConstructorMapper(Throughput.class)
    List<Throughput> throughput();

    @SqlQuery("workers")
    @RegisterConstructorMapper(Worker.class)
    List<Worker> workers();
}
