package dev.rondo.worker.internal;

import dev.rondo.core.Attributes;
import dev.rondo.core.TaskOptions;
import dev.rondo.core.ChildDepth;
import dev.rondo.core.Effect;
import dev.rondo.core.Executable;
import dev.rondo.core.Execution;
import dev.rondo.core.ExecutionIds;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.FlowError;
import dev.rondo.core.Limits;
import dev.rondo.core.Outcome;
import dev.rondo.core.Slice;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.Json;
import dev.rondo.store.ExecutionKind;
import dev.rondo.store.ConcurrencyStatements;
import dev.rondo.store.LimitStatements;
import dev.rondo.store.SliceDao;
import dev.rondo.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one slice of a workflow (ARCHITECTURE.md, "Run a slice" and "Commit the checkpoint"): in one
 * transaction it locks the workflow, restores its checkpoint (or starts it), applies what arrived, runs the
 * interpreter to the next await or the end, and writes everything the stretch did. If the worker dies
 * before the commit, nothing of the slice is visible and the lease runs out, so another worker redoes it.
 *
 * <p>A slice that fails for a reason that will not go away by itself (see {@link SliceFailure}) is counted
 * on its workflow and tried again after a backoff; after {@link SliceFailure#TRIES} in a row, or at once
 * when a cancel was requested, the workflow ends (failed, or cancelled: cancel always wins) in a fresh
 * transaction, so no input can keep an execution looping (docs/engine.md, "Failures and cancellation").
 */
final class SliceRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SliceRunner.class);

    private final DataSource dataSource;
    private final LocalWake localWake;
    private final String owner;
    private final Limits limits;
    private final int maxChildDepth;
    private final Definitions definitions = new Definitions();
    private final Telemetry telemetry;

    /** Admits tasks that wait for a concurrency slot, after the commit that started them. */
    private final Admitter admitter;
    /** The worker's concurrency limit per task name, for tasks whose Task.run gives no concurrency option. */
    private final Map<String, Integer> taskConcurrency;
    /** How many steps of checkpoint history each execution keeps, and whether they outlive its end. */
    private final dev.rondo.store.HistoryRetention history;
    /** Runs the tasks a slice starts in this worker's free slots after its commit (eager dispatch). */
    private final EagerTasks eager;

    /** A runner whose keyed tasks wait for the sweep of other workers' admitters (for tests of slices alone). */
    SliceRunner(DataSource dataSource, LocalWake localWake, String owner, Limits limits, int maxChildDepth) {
        this(dataSource, localWake, owner, limits, maxChildDepth, Telemetry.NONE,
                new Admitter(dataSource, java.time.Duration.ofSeconds(2), owner), Map.of(),
                dev.rondo.store.HistoryRetention.DEFAULT, EagerTasks.OFF);
    }

    SliceRunner(DataSource dataSource, LocalWake localWake, String owner, Limits limits, int maxChildDepth,
                Telemetry telemetry, Admitter admitter, Map<String, Integer> taskConcurrency,
                dev.rondo.store.HistoryRetention history, EagerTasks eager) {
        this.history = history;
        this.eager = eager;
        this.telemetry = telemetry;
        this.admitter = admitter;
        this.taskConcurrency = taskConcurrency;
        this.dataSource = dataSource;
        this.localWake = localWake;
        this.owner = owner;
        this.limits = limits;
        this.maxChildDepth = maxChildDepth;
    }

    /**
     * Runs the slice of a claimed workflow item; false when the lease was lost and nothing was committed.
     * A transient failure is thrown (the item's lease runs out and the slice is redone); any other failure,
     * an {@link Error} such as {@link OutOfMemoryError} included, is counted on the workflow.
     */
    boolean run(long itemId, String executionId, InFlight.Item held) {
        held.ending = true; // the slice's first statement deletes the item; the commit may come any time
        SliceFailure.Where where = new SliceFailure.Where();
        Telemetry.Slice report = telemetry.slice(executionId);
        Telemetry.SliceOutcome[] outcome = {Telemetry.SliceOutcome.WAITING};
        EagerTasks.Slice eagerTasks = eager.slice();
        try {
            List<String> woken = new ArrayList<>();
            Set<String> gated = new HashSet<>();
            Transactions.retrying(dataSource, connection -> {
                woken.clear();
                gated.clear();
                where.clear();
                outcome[0] = runIn(connection, itemId, executionId, woken, gated, where, report, eagerTasks);
                return null;
            });
            SliceTestHook.afterCommit(executionId);
            try {
                eagerTasks.run(); // committed: its tasks leased to this worker run now
            } catch (RuntimeException e) {
                LOG.error("Could not start the tasks workflow {} leased to this worker; they run elsewhere once their"
                        + " leases run out", executionId, e);
            }
            localWake.woke(woken);
            admitter.admit(gated);
            if (outcome[0] != Telemetry.SliceOutcome.WAITING) {
                report.executionEnded(outcome[0]);
            }
            report.ended(outcome[0], null);
            return true;
        } catch (LeaseLost lost) {
            report.ended(Telemetry.SliceOutcome.LOST, null);
            return false;
        } catch (RuntimeException | Error failure) {
            report.ended(Telemetry.SliceOutcome.ERROR, failure);
            if (Transactions.isTransient(failure)) {
                throw failure;
            }
            return failed(itemId, executionId, SliceFailure.errorJson(where, failure), failure);
        } finally {
            eagerTasks.release(); // a slice that did not commit runs none
        }
    }

    /**
     * After a permanent failure, in a fresh transaction: counts it and either puts the item back after a
     * backoff or ends the workflow. Returns false when the lease was lost meanwhile.
     */
    private boolean failed(long itemId, String id, String errorJson, Throwable failure) {
        if (failure instanceof Error || SliceFailure.sqlCause(failure) == null) {
            LOG.error("A slice of workflow {} failed; it is counted and tried at most {} times", id, SliceFailure.TRIES, failure);
        } else {
            LOG.warn("A slice of workflow {} could not be committed ({}); it is counted and tried at most {} times",
                    id, failure.getMessage(), SliceFailure.TRIES);
        }
        try {
            List<String> woken = new ArrayList<>();
            Transactions.retrying(dataSource, connection -> {
                woken.clear();
                SliceDao dao = new SliceDao(connection);
                Optional<SliceDao.Workflow> locked = dao.open(id, itemId, owner).workflow();
                if (locked.isEmpty() || locked.get().finished()) {
                    return null;
                }
                if (!locked.get().owned()) {
                    throw new LeaseLost(); // rescued meanwhile: the rescue counted the slice
                }
                SliceDao.Workflow workflow = locked.get();
                int failures = dao.countSliceFailure(id, errorJson);
                if (failures < SliceFailure.TRIES && !workflow.cancelRequested()) {
                    dao.retrySliceLater(id, workflow.queue(), workflow.priority(), SliceFailure.backoffSeconds(failures));
                    woken.add(workflow.queue()); // no NOTIFY: this worker's dispatcher learns the retry's due time
                } else {
                    endAfterFailures(connection, dao, id, workflow, errorJson, woken);
                }
                return null;
            });
            localWake.woke(woken);
            return true;
        } catch (LeaseLost lost) {
            return false;
        }
    }

    /**
     * Ends a workflow whose slices keep failing, under a savepoint: if even that write cannot be committed
     * (its error text, say), it ends with a minimal error instead; if that fails too, it is tried again
     * later, its run of failures counted.
     */
    private void endAfterFailures(Connection connection, SliceDao dao, String id, SliceDao.Workflow workflow,
                                  String errorJson, List<String> woken) throws SQLException {
        for (String error : List.of(errorJson, SliceFailure.MINIMAL_ERROR)) {
            Savepoint savepoint = connection.setSavepoint();
            try {
                new Writes(dao, id, workflow, woken, new HashSet<>(), null).fail(error);
                connection.releaseSavepoint(savepoint);
                return;
            } catch (SQLException | RuntimeException e) {
                connection.rollback(savepoint);
                woken.clear();
                LOG.error("Could not end workflow {} after its failed slices; {}", id,
                        error == errorJson ? "trying a minimal error" : "it is tried again later", e);
            }
        }
        dao.retrySliceLater(id, workflow.queue(), workflow.priority(), SliceFailure.backoffSeconds(SliceFailure.TRIES));
        woken.add(workflow.queue());
    }

    /** This worker's item was rescued by another worker: roll back, the other worker redoes the slice. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }

    /** The slice, in the caller's transaction; adds the queues that got items to {@code woken}; says how it ended. */
    private Telemetry.SliceOutcome runIn(Connection connection, long itemId, String id, List<String> woken,
                                         Set<String> gated, SliceFailure.Where where, Telemetry.Slice report,
                                         EagerTasks.Slice eagerTasks) throws SQLException {
        SliceDao dao = new SliceDao(connection);
        SliceDao.Opened opened = dao.open(id, itemId, owner);
        Optional<SliceDao.Workflow> locked = opened.workflow();
        if (locked.isEmpty()) {
            return Telemetry.SliceOutcome.WAITING; // the execution was deleted: its item goes with this commit
        }
        if (!locked.get().owned()) {
            throw new LeaseLost();
        }
        if (locked.get().finished()) {
            return Telemetry.SliceOutcome.WAITING; // a late wake-up of an execution that has ended: the item goes with this commit
        }
        SliceDao.Workflow workflow = locked.get();
        if (workflow.paused() && !workflow.cancelRequested()) {
            // paused by an operator: nothing of it runs; its item goes with this commit, what came in stays
            // in its inbox, and resume wakes it (a cancel wins over a pause: it runs, and is no longer paused)
            return Telemetry.SliceOutcome.WAITING;
        }
        List<SliceDao.Pending> pending = new ArrayList<>(opened.pending());
        String checkpoint = !pending.isEmpty() && "checkpoint".equals(pending.getFirst().source())
                ? pending.removeFirst().payload() : null;
        if (telemetry.enabled()) {
            report.opened(workflow.name(), workflow.traceContext(), checkpoint == null, workflow.createdAt(),
                    workflow.nowMillis(), earliestOutcome(pending));
        }
        Writes writes = new Writes(dao, id, workflow, woken, gated, eagerTasks);
        writes.traceContext = report.childContext(workflow.traceContext());
        if (report.adoptsTrace(workflow.traceContext())) {
            dao.setTraceContext(id, writes.traceContext);
        }
        writes.consumed(pending);
        if (pending.stream().anyMatch(p -> "cancel".equals(p.kind()))) {
            writes.cascadeCancel();
        }
        if (workflow.sliceFailures() >= SliceFailure.GIVE_UP) {
            // its slices keep dying with their workers (or even its end failed): do not run it again
            writes.fail(workflow.sliceError() != null ? workflow.sliceError() : SliceFailure.lostWorkers(workflow.sliceFailures()));
            return writes.ending();
        }
        Optional<Executable> executable = definitions.get(dao, workflow.name(), workflow.definitionHash());
        if (executable.isEmpty()) {
            writes.fail(Outcomes.error("Error", "Version " + workflow.definitionHash() + " of workflow '"
                    + workflow.name() + "' is not in flow_definitions; it cannot run."));
            return writes.ending();
        }
        Execution execution;
        Slice slice;
        try {
            List<Outcome> outcomes = Outcomes.of(pending);
            execution = checkpoint == null
                    ? Execution.start(executable.get(), Json.parse(workflow.input()),
                            Execution.context(id, workflow.name(), workflow.queue(), workflow.parentId(),
                                    workflow.createdAt(), workflow.scheduledAt()), limits)
                    : Execution.restore(executable.get(), checkpoint, limits);
            slice = execution.run(outcomes, workflow.nowMillis());
            where.reached(slice);
            SliceTestHook.afterInterpreter(workflow.name());
        } catch (RuntimeException bug) {
            LOG.error("Workflow {} ({}) cannot go on: the interpreter failed", id, workflow.name(), bug);
            writes.fail(Outcomes.error("InternalError", "Rondo could not run the workflow: " + bug
                    + ". This is a bug in Rondo; please report it with the workflow's source."));
            return writes.ending();
        }
        if (checkpoint == null) {
            writes.history("started", null);
        } else if (slice.suspended() && slice.effects().isEmpty()
                && pending.stream().allMatch(p -> "signal".equals(p.source()))) {
            // woken by a signal no await takes yet: nothing changed, so the checkpoint stands; but the
            // wake-up this slice used up may have been its timer's too
            dao.rearmTimers(id, workflow.queue(), workflow.priority());
            woken.add(workflow.queue()); // no NOTIFY: this worker's dispatcher learns the timer's due time itself
            return Telemetry.SliceOutcome.WAITING;
        }
        writes.effects(slice.effects());
        switch (slice.status()) {
            case SUSPENDED -> suspend(writes, execution, slice);
            case COMPLETED -> writes.finish(ExecutionStatus.COMPLETED, Json.write(slice.result()), null,
                    Outcomes.RESOLVED, Json.write(slice.result()));
            // CANCELLED: the CancelledError thrown into it left it (LANGUAGE.md §6), and is its error
            case FAILED, CANCELLED -> {
                FlowError error = slice.error();
                ExecutionStatus status = slice.status() == Slice.Status.FAILED ? ExecutionStatus.FAILED : ExecutionStatus.CANCELLED;
                writes.finish(status, null, Outcomes.errorJson(error), Outcomes.CHILD_FAILED, Json.write(error.value()));
            }
        }
        return writes.ending();
    }

    /** When the earliest task or child outcome this slice takes was recorded (the database's clock), or null. */
    private static Long earliestOutcome(List<SliceDao.Pending> pending) {
        Long earliest = null;
        for (SliceDao.Pending p : pending) {
            if ("inbox".equals(p.source()) && p.atMillis() != null && !"cancel".equals(p.kind())
                    && (earliest == null || p.atMillis() < earliest)) {
                earliest = p.atMillis();
            }
        }
        return earliest;
    }

    private void suspend(Writes writes, Execution execution, Slice slice) throws SQLException {
        // written (and held to the checkpoint limit) by Execution.run itself
        writes.suspend(execution.checkpointJson(), slice.waitingAt(), Json.write(new FlowArray(slice.waitingFor())));
    }

    /**
     * The writes of one slice, gathered until the slice's end is known, then written in one statement
     * (and the workflow's end in a second, when it ends).
     */
    private final class Writes {
        private final SliceDao dao;
        private final String id;
        private final SliceDao.Workflow workflow;
        private final List<Long> inbox = new ArrayList<>();
        private final List<Integer> firedTimers = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();
        private final TaskBatch tasks = new TaskBatch();
        /** The named limits this slice's tasks asked for, read once per slice (null value: not declared). */
        private final Map<String, LimitStatements.Value> limits = new java.util.HashMap<>();
        private final List<Integer> timerPromises = new ArrayList<>();
        private final List<Long> timerTimes = new ArrayList<>();
        private final List<Long> signals = new ArrayList<>();
        private final List<String> historyKinds = new ArrayList<>();
        private final List<String> historyDetails = new ArrayList<>();
        private final List<String> woken;
        /** The concurrency keys of the tasks it started that wait for a slot. */
        private final Set<String> gated;
        private boolean wakeNow;
        /** The W3C trace context the tasks and children of this slice run under (null: none). */
        String traceContext;
        /** How the workflow ended in this slice; WAITING while it goes on. */
        private Telemetry.SliceOutcome ending = Telemetry.SliceOutcome.WAITING;
        /** The slice's tasks this worker runs at once after the commit; null: none (a failed slice's end). */
        private final EagerTasks.Slice eagerTasks;

        Telemetry.SliceOutcome ending() {
            return ending;
        }

        Writes(SliceDao dao, String id, SliceDao.Workflow workflow, List<String> woken, Set<String> gated,
               EagerTasks.Slice eagerTasks) {
            this.eagerTasks = eagerTasks;
            this.dao = dao;
            this.woken = woken;
            this.gated = gated;
            this.id = id;
            this.workflow = workflow;
        }

        void history(String kind, String detail) {
            historyKinds.add(kind);
            historyDetails.add(detail);
        }

        /** What the slice read is used up: inbox rows and fired timers go (signals go only when consumed). */
        void consumed(List<SliceDao.Pending> pending) {
            for (SliceDao.Pending p : pending) {
                switch (p.source()) {
                    case "inbox" -> inbox.add(p.id());
                    case "timer" -> firedTimers.add(p.promise());
                    default -> { }
                }
            }
        }

        void cascadeCancel() throws SQLException {
            history("cancel requested", null);
            dao.cancelTree(id);
        }

        void effects(List<Effect> effects) throws SQLException {
            Map<String, String> attributes = null;
            for (Effect effect : effects) {
                switch (effect) {
                    case Effect.Log log -> lines.add(log.line());
                    // no history row: the task's own execution row (parent_id, parent_promise, created_at)
                    // records its start, and one row less per task is a tenth of a task's writes
                    case Effect.StartTask task -> {
                        TaskOptions options = withDefaultConcurrency(task.name(), task.options());
                        if (options.limitName() != null) {
                            options = withNamedLimit(task, options);
                            if (options == null) {
                                continue; // failed at once: no such limit
                            }
                        }
                        tasks.add(id, workflow.queue(), task, options);
                        String waitsOn = TaskBatch.waitingKey(options);
                        if (waitsOn != null) {
                            gated.add(waitsOn);
                        }
                    }
                    case Effect.StartWorkflow child -> startChild(child);
                    case Effect.StartTimer timer -> {
                        timerPromises.add(timer.promise());
                        timerTimes.add(timer.fireAtMillis());
                    }
                    case Effect.ConsumeSignal signal -> {
                        signals.add(signal.seq());
                        history("signal consumed", signal.name());
                    }
                    case Effect.SetAttributes set -> {
                        if (attributes == null) {
                            attributes = new LinkedHashMap<>();
                        }
                        attributes.putAll(set.attributes());
                    }
                }
            }
            if (attributes != null) {
                dao.setAttributes(id, Attributes.toJson(attributes)); // merged: one statement per slice at most
            }
        }

        /**
         * A task that asked for a named limit gets the limit's value now (admissions read it again, so a
         * change applies while it waits). A limit that is not declared, or is of the other kind, fails the
         * task at once with a TaskError naming it (the flow may catch it at its await): it is not started,
         * and nothing waits for a limit that may never come. Null then.
         */
        private TaskOptions withNamedLimit(Effect.StartTask task, TaskOptions options) throws SQLException {
            String name = options.limitName();
            if (!limits.containsKey(name)) {
                limits.put(name, dao.limits(List.of(name)).get(name));
            }
            LimitStatements.Value found = limits.get(name);
            boolean rate = options.rateLimitKey() != null;
            String wanted = rate ? LimitStatements.RATE : LimitStatements.CONCURRENCY;
            if (found == null || !found.kind().equals(wanted)) {
                deliverNow(task.promise(), Outcomes.TASK_FAILED, Outcomes.taskFailure("Task.run(\"" + task.name() + "\"): "
                        + LimitStatements.problem(name, wanted, found), 0, null));
                return null;
            }
            return (rate ? options.withRateLimit(options.rateLimitKey(), found.value())
                    : options.withConcurrency(options.concurrencyKey(), found.value())).withLimitName(name);
        }

        private void startChild(Effect.StartWorkflow child) throws SQLException {
            String childId = child.id() != null ? child.id() : ExecutionIds.child(id, child.promise());
            String queue = child.queue() != null ? child.queue() : workflow.queue();
            int depth = workflow.depth() + 1;
            if (depth > maxChildDepth) {
                deliverNow(child.promise(), Outcomes.CHILD_FAILED, Outcomes.error("LimitError", ChildDepth.tooDeep(
                        child.name(), depth, maxChildDepth, "Raise the limit with Worker.builder(...).maxChildDepth(n).")));
                return;
            }
            history("workflow started", child.name() + " " + childId);
            if (dao.startChild(childId, child.name(), queue, workflow.priority(), child.inputJson(), id,
                    child.promise(), depth, traceContext)) {
                return;
            }
            Optional<SliceDao.Existing> existing = dao.existingChild(childId);
            if (existing.isEmpty()) {
                deliverNow(child.promise(), Outcomes.CHILD_FAILED,
                        Outcomes.error("Error", "No workflow named '" + child.name() + "' is deployed."));
            } else {
                SliceDao.Existing found = existing.get();
                if (child.id() == null
                        && !(id.equals(found.parentId()) && Integer.valueOf(child.promise()).equals(found.parentPromise()))) {
                    // an id the engine made, taken by an execution that is not this child: never adopt it
                    deliverNow(child.promise(), Outcomes.CHILD_FAILED, Outcomes.error("Error", "Child id '" + childId
                            + "', which Rondo made for this Workflow.run(\"" + child.name() + "\"), is taken by another "
                            + found.kind().sql() + " ('" + found.name() + "'); the child was not started. Ids ending in"
                            + " .t<number> or .w<number> are the engine's: start workflows under other ids."));
                } else if (found.kind() != ExecutionKind.WORKFLOW) {
                    deliverNow(child.promise(), Outcomes.CHILD_FAILED, Outcomes.error("Error",
                            "Execution id '" + childId + "' belongs to a task, not a workflow."));
                } else if (!child.name().equals(found.name())) {
                    // the same rule as the client's start: an id names one workflow, never a different one
                    deliverNow(child.promise(), Outcomes.CHILD_FAILED, Outcomes.error("IdConflict",
                            "Execution id '" + childId + "' belongs to workflow '" + found.name() + "', not '"
                            + child.name() + "'; the child was not started. Choose another id."));
                } else if (found.finished()) {
                    if (found.status() == ExecutionStatus.COMPLETED) {
                        deliverNow(child.promise(), Outcomes.RESOLVED, found.result());
                    } else {
                        deliverNow(child.promise(), Outcomes.CHILD_FAILED, found.error());
                    }
                } else if (id.equals(found.parentId()) || dao.adoptChild(childId, id, child.promise()) > 0) {
                    if (!id.equals(found.parentId())) {
                        history("workflow adopted", childId);
                    }
                } else {
                    deliverNow(child.promise(), Outcomes.CHILD_FAILED, Outcomes.error("Error",
                            "Workflow execution '" + childId + "' is already the child of another workflow."));
                }
            }
        }

        private void deliverNow(int promise, String kind, String payload) throws SQLException {
            dao.deliver(id, promise, kind, payload);
            wakeNow = true;
        }

        void suspend(String state, String waitingAt, String waitingFor) throws SQLException {
            history("waiting", waitingAt);
            write(state, waitingAt, waitingFor);
        }

        /** Ends the workflow failed, or cancelled when its cancel was requested: cancel always wins. */
        void fail(String errorJson) throws SQLException {
            if (workflow.cancelRequested()) {
                dao.cancelTree(id);
                String cancelled = Outcomes.error("CancelledError", "The workflow was cancelled.");
                finish(ExecutionStatus.CANCELLED, null, cancelled, Outcomes.CHILD_FAILED, cancelled);
            } else {
                finish(ExecutionStatus.FAILED, null, errorJson, Outcomes.CHILD_FAILED, errorJson);
            }
        }

        void finish(ExecutionStatus status, String result, String error, String parentKind, String parentPayload)
                throws SQLException {
            history(status.text(), null);
            if (status == ExecutionStatus.FAILED) {
                // What the failing slice read stays unused (its inbox rows, due timers and signals), beside the
                // checkpoint the execution keeps, so an operator's retry delivers it again
                // (docs/operations.md). The tasks and children it started are kept, as ever.
                inbox.clear();
                firedTimers.clear();
                signals.clear();
            }
            ending = switch (status) {
                case COMPLETED -> Telemetry.SliceOutcome.COMPLETED;
                case CANCELLED -> Telemetry.SliceOutcome.CANCELLED;
                default -> Telemetry.SliceOutcome.FAILED;
            };
            write(null, null, null);
            dao.finishWorkflow(id, status, result, error, parentKind, parentPayload, history.keepAfterEnd());
            if (workflow.concurrencyKey() != null) {
                gated.add(workflow.concurrencyKey()); // its slot is free after this commit
            }
        }

        private void write(String state, String waitingAt, String waitingFor) throws SQLException {
            SliceDao.Tasks rows = eagerTasks == null ? tasks.rows() : eagerTasks.choose(tasks.rows());
            SliceDao.Written written = dao.write(new SliceDao.Writes(id, workflow.queue(), workflow.priority(), inbox,
                    firedTimers, timerPromises, timerTimes, signals, rows, lines, historyKinds, historyDetails,
                    state, waitingAt, waitingFor, wakeNow, traceContext, history.maxSteps(),
                    eagerTasks == null ? SliceDao.Lease.NONE : eagerTasks.lease()));
            woken.addAll(written.woken());
            if (eagerTasks != null) {
                eagerTasks.leased(rows, written, id, traceContext);
            }
        }
    }

    /** The tasks of one slice, one row each. */
    /** A task with no concurrency option gets the worker's limit for its name, if any (key {@code task:<name>}). */
    private TaskOptions withDefaultConcurrency(String name, TaskOptions options) {
        Integer limit = options.concurrencyKey() == null && options.rateLimitKey() == null ? taskConcurrency.get(name) : null;
        return limit == null ? options : options.withConcurrency("task:" + name, limit);
    }

    private static final class TaskBatch {
        private final List<String> ids = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<String> queues = new ArrayList<>();
        private final List<Integer> priorities = new ArrayList<>();
        private final List<String> inputs = new ArrayList<>();
        private final List<String> options = new ArrayList<>();
        private final List<Integer> promises = new ArrayList<>();
        private final List<String> concurrencyKeys = new ArrayList<>();
        private final List<Integer> concurrencyLimits = new ArrayList<>();
        private final List<String> limitNames = new ArrayList<>();
        private final List<String> fairKeys = new ArrayList<>();
        private final List<Integer> fairWeights = new ArrayList<>();

        void add(String workflowId, String workflowQueue, Effect.StartTask task, TaskOptions taskOptions) {
            ids.add(ExecutionIds.task(workflowId, task.promise()));
            names.add(task.name());
            queues.add(taskOptions.queue() != null ? taskOptions.queue() : workflowQueue);
            priorities.add(taskOptions.priority());
            inputs.add(task.inputJson());
            options.add(TaskOptionsJson.write(taskOptions));
            promises.add(task.promise());
            concurrencyKeys.add(waitingKey(taskOptions));
            concurrencyLimits.add(taskOptions.rateLimitKey() != null ? taskOptions.ratePerSecond() : taskOptions.concurrencyLimit());
            limitNames.add(taskOptions.limitName());
            fairKeys.add(taskOptions.fairKey()); // null: the workflow's (write_slice.sql)
            fairWeights.add(taskOptions.fairWeight());
        }

        /**
         * The key a task waits on before its admission (null: none): its concurrency key, or its rate limit's
         * key in the rate limits' own namespace, both admitted through concurrency_waiting.
         */
        static String waitingKey(TaskOptions options) {
            return options.rateLimitKey() != null ? ConcurrencyStatements.rateKey(options.rateLimitKey()) : options.concurrencyKey();
        }

        SliceDao.Tasks rows() {
            return new SliceDao.Tasks(ids, names, queues, priorities, inputs, options, promises, concurrencyKeys,
                    concurrencyLimits, limitNames, fairKeys, fairWeights);
        }
    }
}
