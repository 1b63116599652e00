package dev.rondo.store;

import dev.rondo.core.ExecutionStatus;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements of one workflow slice, on the slice's connection (SQL in {@code SliceDao/*.sql} beside
 * this class), over plain JDBC: a slice is the engine's hottest path.
 */
public final class SliceDao {

    /**
     * A locked workflow; {@code sliceFailures} its slices that failed in a row without committing,
     * {@code sliceError} the error the last of them would end it with, {@code depth} its nesting depth, {@code scheduledAt} the fire time of the schedule that started it (null: none), {@code paused} whether an operator paused it.
     */
    public record Workflow(String name, String definitionHash, String queue, int priority, String input, String parentId,
                    boolean cancelRequested, boolean finished, boolean owned, long nowMillis, String createdAt,
                    int sliceFailures, String sliceError, int depth, String traceContext, String scheduledAt,
                    String concurrencyKey, boolean paused) {}

    /** The checkpoint, an inbox row, a due timer or an unconsumed signal ({@code source} says which). */
    public record Pending(String source, Long id, Integer promise, String kind, String payload, String name, Long atMillis) {

        /** A pending outcome without its time. */
        public Pending(String source, Long id, Integer promise, String kind, String payload, String name) {
            this(source, id, promise, kind, payload, name, null);
        }
    }

    /** What {@link #open} read. */
    public record Opened(Optional<Workflow> workflow, List<Pending> pending) {}

    public record Existing(String id, ExecutionKind kind, String name, ExecutionStatus status, String result, String error,
                    String parentId, Integer parentPromise, boolean finished) {}

    /**
     * The tasks a slice starts, as parallel lists (one row each); a task's concurrency key is null when it has
     * none (it then gets its queue item at once), its limit 0 then; its limit name is the named limit it
     * asked for (null: a number given at the call), whose current value its admission reads. A task's
     * fairness key is null when it has none of its own (it then takes its workflow's, if any), its weight
     * then ignored. {@code eager} says of each task whether its worker reserved a slot to run it at once (eager
     * dispatch, write_slice.sql); empty when none did.
     */
    public record Tasks(List<String> ids, List<String> names, List<String> queues, List<Integer> priorities,
                 List<String> inputs, List<String> options, List<Integer> promises, List<String> concurrencyKeys,
                 List<Integer> concurrencyLimits, List<String> limitNames, List<String> fairKeys,
                 List<Integer> fairWeights, List<Boolean> eager) {

        /** Tasks none of which is dispatched eagerly. */
        public Tasks(List<String> ids, List<String> names, List<String> queues, List<Integer> priorities,
                     List<String> inputs, List<String> options, List<Integer> promises, List<String> concurrencyKeys,
                     List<Integer> concurrencyLimits, List<String> limitNames, List<String> fairKeys,
                     List<Integer> fairWeights) {
            this(ids, names, queues, priorities, inputs, options, promises, concurrencyKeys, concurrencyLimits,
                    limitNames, fairKeys, fairWeights, List.of());
        }
    }

    /** Who leases a slice's eager task items (the worker running the slice), and for how long. */
    public record Lease(String owner, double seconds) {

        /** No task item is leased at its insert. */
        public static final Lease NONE = new Lease(null, 0);
    }

    /**
     * What {@link #write} did: the queues that got unleased items (notified), and the task items it leased to
     * the slice's worker ({@code leasedTasks[i]}'s item is {@code leasedItems[i]}).
     */
    public record Written(List<String> woken, List<String> leasedTasks, List<Long> leasedItems) {}

    /** Everything a slice writes but its workflow's end, for {@link #write}; {@code state} null unless it waits. */
    public record Writes(String id, String queue, int priority, List<Long> inbox, List<Integer> firedTimers,
                   List<Integer> timerPromises, List<Long> timerFireAtMillis, List<Long> signals, Tasks tasks,
                   List<String> lines, List<String> historyKinds, List<String> historyDetails,
                   String state, String waitingAt, String waitingFor, boolean wakeNow, String traceContext,
                   int historyLimit, Lease lease) {

        /** Writes that lease no task item at its insert. */
        public Writes(String id, String queue, int priority, List<Long> inbox, List<Integer> firedTimers,
                      List<Integer> timerPromises, List<Long> timerFireAtMillis, List<Long> signals, Tasks tasks,
                      List<String> lines, List<String> historyKinds, List<String> historyDetails,
                      String state, String waitingAt, String waitingFor, boolean wakeNow, String traceContext,
                      int historyLimit) {
            this(id, queue, priority, inbox, firedTimers, timerPromises, timerFireAtMillis, signals, tasks, lines,
                    historyKinds, historyDetails, state, waitingAt, waitingFor, wakeNow, traceContext, historyLimit,
                    Lease.NONE);
        }

        /** Writes that keep the default number of steps of checkpoint history ({@link HistoryRetention#DEFAULT}). */
        public Writes(String id, String queue, int priority, List<Long> inbox, List<Integer> firedTimers,
                      List<Integer> timerPromises, List<Long> timerFireAtMillis, List<Long> signals, Tasks tasks,
                      List<String> lines, List<String> historyKinds, List<String> historyDetails,
                      String state, String waitingAt, String waitingFor, boolean wakeNow, String traceContext) {
            this(id, queue, priority, inbox, firedTimers, timerPromises, timerFireAtMillis, signals, tasks, lines,
                    historyKinds, historyDetails, state, waitingAt, waitingFor, wakeNow, traceContext,
                    HistoryRetention.DEFAULT.maxSteps());
        }

        /** Writes whose tasks run under no trace. */
        public Writes(String id, String queue, int priority, List<Long> inbox, List<Integer> firedTimers,
                      List<Integer> timerPromises, List<Long> timerFireAtMillis, List<Long> signals, Tasks tasks,
                      List<String> lines, List<String> historyKinds, List<String> historyDetails,
                      String state, String waitingAt, String waitingFor, boolean wakeNow) {
            this(id, queue, priority, inbox, firedTimers, timerPromises, timerFireAtMillis, signals, tasks, lines,
                    historyKinds, historyDetails, state, waitingAt, waitingFor, wakeNow, null);
        }
    }

    /** Both in one round trip: the pending read is only used when the lock shows the slice may run. */
    private static final Sql OPEN_SLICE = Sql.sequence("SliceDao/lock_workflow.sql", "SliceDao/pending_outcomes.sql");
    private static final Sql WRITE_SLICE = Sql.load("SliceDao/write_slice.sql");
    private static final Sql START_CHILD = Sql.load("SliceDao/start_child.sql");
    private static final Sql EXISTING_CHILD = Sql.load("SliceDao/existing_child.sql");
    private static final Sql ADOPT_CHILD = Sql.load("SliceDao/adopt_child.sql");
    private static final Sql DELIVER = Sql.load("SliceDao/deliver.sql");
    private static final Sql REARM_TIMERS = Sql.load("SliceDao/rearm_timers.sql");
    private static final Sql FINISH_WORKFLOW = Sql.load("SliceDao/finish_workflow.sql");
    /** The client's cancel: one statement for a whole tree, whoever starts it. */
    private static final Sql CANCEL_TREE = Sql.load("ExecutionDao/request_cancel.sql");
    private static final Sql COUNT_SLICE_FAILURE = Sql.load("SliceDao/count_slice_failure.sql");
    private static final Sql RETRY_SLICE_LATER = Sql.load("SliceDao/retry_slice_later.sql");
    private static final Sql SET_ATTRIBUTES = Sql.load("SliceDao/set_attributes.sql");
    private static final Sql SET_TRACE_CONTEXT = Sql.load("SliceDao/set_trace_context.sql");
    private static final Sql LOAD_DEFINITION = Sql.load("SliceDao/load_definition.sql");

    private final Connection connection;

    /** The current kind and value of the named limits among {@code names} that are declared (LimitStatements). */
    public java.util.Map<String, LimitStatements.Value> limits(java.util.Collection<String> names) throws SQLException {
        return LimitStatements.resolve(connection, names);
    }

    public SliceDao(Connection connection) {
        this.connection = connection;
    }

    /**
     * Opens a slice: its workflow (empty when the execution is gone) locked for this transaction, and
     * everything pending for it (its checkpoint first, when it has one), read once the lock is held.
     */
    public Opened open(String id, long item, String owner) throws SQLException {
        try (Sql.Bound s = OPEN_SLICE.prepare(connection).set("id", id).set("item", item).set("owner", owner)) {
            Optional<Workflow> workflow = Optional.empty();
            ResultSet rs = s.first();
            if (rs.next()) {
                workflow = Optional.of(new Workflow(rs.getString("name"), rs.getString("definition_hash"), rs.getString("queue"),
                        rs.getInt("priority"), rs.getString("input"), rs.getString("parent_id"),
                        rs.getBoolean("cancel_requested"), rs.getBoolean("finished"), rs.getBoolean("owned"),
                        rs.getLong("now_millis"), rs.getString("created_at"), rs.getInt("slice_failures"),
                        rs.getString("slice_error"), rs.getInt("depth"), rs.getString("trace_context"),
                        rs.getString("scheduled_at"), rs.getString("concurrency_key"), rs.getBoolean("paused")));
            }
            List<Pending> pending = new ArrayList<>();
            rs = s.next();
            while (rs.next()) {
                pending.add(new Pending(rs.getString("source"), rs.getObject("id", Long.class),
                        rs.getObject("promise", Integer.class), rs.getString("kind"), rs.getString("payload"),
                        rs.getString("name"), rs.getObject("at_millis", Long.class)));
            }
            return new Opened(workflow, pending);
        }
    }

    /** All of a slice's writes but its workflow's end, in one statement. */
    public Written write(Writes w) throws SQLException {
        Tasks t = w.tasks();
        try (Sql.Bound s = WRITE_SLICE.prepare(connection)
                .set("id", w.id()).set("queue", w.queue()).set("priority", w.priority())
                .array("inbox", "int8", w.inbox()).array("firedTimers", "int4", w.firedTimers())
                .array("timerPromises", "int4", w.timerPromises())
                .array("timerFireAtMillis", "int8", w.timerFireAtMillis())
                .array("signals", "int8", w.signals())
                .array("taskIds", "text", t.ids()).array("taskNames", "text", t.names())
                .array("taskQueues", "text", t.queues()).array("taskPriorities", "int4", t.priorities())
                .array("taskInputs", "text", t.inputs()).array("taskOptions", "text", t.options())
                .array("taskPromises", "int4", t.promises())
                .array("taskConcurrencyKeys", "text", t.concurrencyKeys())
                .array("taskConcurrencyLimits", "int4", t.concurrencyLimits())
                .array("taskLimitNames", "text", t.limitNames())
                .array("taskFairKeys", "text", t.fairKeys()).array("taskFairWeights", "int2", t.fairWeights())
                .array("lines", "text", w.lines())
                .array("kinds", "text", w.historyKinds()).array("details", "text", w.historyDetails())
                .text("state", w.state()).text("waitingAt", w.waitingAt()).text("waitingFor", w.waitingFor())
                .set("wakeNow", w.wakeNow()).text("traceContext", w.traceContext())
                .set("historyLimit", w.historyLimit())
                .array("taskEager", "bool", t.eager()).text("owner", w.lease().owner())
                .set("leaseSeconds", w.lease().seconds());
             ResultSet rs = s.query()) {
            rs.next();
            return new Written(List.of((String[]) rs.getArray("woken").getArray()),
                    List.of((String[]) rs.getArray("leased_tasks").getArray()),
                    List.of((Long[]) rs.getArray("leased_items").getArray()));
        }
    }

    /** Starts a child {@code depth} deep; false when the name is not deployed or the id exists. */
    public boolean startChild(String id, String name, String queue, int priority, String input, String parentId, int promise,
                       int depth) throws SQLException {
        return startChild(id, name, queue, priority, input, parentId, promise, depth, null);
    }

    /** {@link #startChild(String, String, String, int, String, String, int, int)} under a W3C trace context (or null). */
    public boolean startChild(String id, String name, String queue, int priority, String input, String parentId, int promise,
                       int depth, String traceContext) throws SQLException {
        try (Sql.Bound s = START_CHILD.prepare(connection).set("id", id).set("name", name).set("queue", queue)
                .set("priority", priority).set("input", input).set("parentId", parentId).set("promise", promise)
                .set("depth", depth).text("traceContext", traceContext);
             ResultSet rs = s.query()) {
            return rs.next();
        }
    }

    public Optional<Existing> existingChild(String id) throws SQLException {
        try (Sql.Bound s = EXISTING_CHILD.prepare(connection).set("id", id); ResultSet rs = s.query()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Existing(rs.getString("id"), ExecutionKind.of(rs.getString("kind")), rs.getString("name"),
                    ExecutionStatus.of(rs.getString("status")), rs.getString("result"), rs.getString("error"), rs.getString("parent_id"),
                    rs.getObject("parent_promise", Integer.class), rs.getBoolean("finished")));
        }
    }

    public int adoptChild(String id, String parentId, int promise) throws SQLException {
        try (Sql.Bound s = ADOPT_CHILD.prepare(connection).set("id", id).set("parentId", parentId).set("promise", promise)) {
            return s.update();
        }
    }

    public void deliver(String id, int promise, String kind, String payload) throws SQLException {
        try (Sql.Bound s = DELIVER.prepare(connection).set("id", id).set("promise", promise).set("kind", kind)
                .text("payload", payload)) {
            s.update();
        }
    }

    /** Puts the workflow's wake-up back at its earliest timer, if it has one (see rearm_timers.sql). */
    public void rearmTimers(String id, String queue, int priority) throws SQLException {
        try (Sql.Bound s = REARM_TIMERS.prepare(connection).set("id", id).set("queue", queue).set("priority", priority)) {
            s.update();
        }
    }

    public void finishWorkflow(String id, ExecutionStatus status, String result, String error, String parentKind, String parentPayload)
            throws SQLException {
        finishWorkflow(id, status, result, error, parentKind, parentPayload, false);
    }

    /**
     * Ends a workflow; a failed one keeps its checkpoint, timers and checkpoint history (it can be retried),
     * the others drop them, their checkpoint history only unless {@code keepHistory}.
     */
    public void finishWorkflow(String id, ExecutionStatus status, String result, String error, String parentKind,
                               String parentPayload, boolean keepHistory) throws SQLException {
        try (Sql.Bound s = FINISH_WORKFLOW.prepare(connection).set("id", id).set("status", status.text()).text("result", result)
                .text("error", error).text("parentKind", parentKind).text("parentPayload", parentPayload)
                .set("keepHistory", keepHistory);
             ResultSet rs = s.query()) {
            rs.next();
        }
    }

    /**
     * Cancels every unfinished descendant of {@code id} not flagged before (and {@code id}, unless flagged
     * already): what was started before its cancellation reached this slice, not its compensations.
     */
    public void cancelTree(String id) throws SQLException {
        try (Sql.Bound s = CANCEL_TREE.prepare(connection).set("id", id).set("handling", true); ResultSet rs = s.query()) {
            rs.next();
        }
    }

    /** Merges {@code attributesJson} (a JSON object of checked strings) into the workflow's attributes. */
    public void setAttributes(String id, String attributesJson) throws SQLException {
        try (Sql.Bound s = SET_ATTRIBUTES.prepare(connection).set("id", id).text("attributes", attributesJson)) {
            s.update();
        }
    }

    /** Gives the workflow its W3C trace context when it has none yet. */
    public void setTraceContext(String id, String traceContext) throws SQLException {
        try (Sql.Bound s = SET_TRACE_CONTEXT.prepare(connection).set("id", id).text("traceContext", traceContext)) {
            s.update();
        }
    }

    /** One more slice of {@code id} failed, with {@code errorJson} as its error; returns how many in a row. */
    public int countSliceFailure(String id, String errorJson) throws SQLException {
        try (Sql.Bound s = COUNT_SLICE_FAILURE.prepare(connection).set("id", id).text("error", errorJson);
             ResultSet rs = s.query()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Makes the workflow claimable again in {@code backoffSeconds}. */
    public void retrySliceLater(String id, String queue, int priority, double backoffSeconds) throws SQLException {
        try (Sql.Bound s = RETRY_SLICE_LATER.prepare(connection).set("id", id).set("queue", queue)
                .set("priority", priority).set("backoffSeconds", backoffSeconds)) {
            s.update();
        }
    }

    public Optional<String> loadDefinition(String name, String hash) throws SQLException {
        try (Sql.Bound s = LOAD_DEFINITION.prepare(connection).set("name", name).set("hash", hash);
             ResultSet rs = s.query()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }
}
