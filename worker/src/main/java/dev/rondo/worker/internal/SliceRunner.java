package dev.rondo.worker.internal;

import dev.rondo.core.ChildDepth;
import dev.rondo.core.Effect;
import dev.rondo.core.Executable;
import dev.rondo.core.Execution;
import dev.rondo.core.ExecutionIds;
import dev.rondo.core.FlowError;
import dev.rondo.core.Limits;
import dev.rondo.core.Outcome;
import dev.rondo.core.Slice;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.Json;
import dev.rondo.store.ExecutionKind;
import dev.rondo.store.ExecutionStatus;
import dev.rondo.store.SliceDao;
import dev.rondo.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
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

    SliceRunner(DataSource dataSource, LocalWake localWake, String owner, Limits limits, int maxChildDepth) {
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
        try {
            List<String> woken = new ArrayList<>();
            Transactions.retrying(dataSource, connection -> {
                woken.clear();
                where.clear();
                runIn(connection, itemId, executionId, woken, where);
                return null;
            });
            localWake.woke(woken);
            return true;
        } catch (LeaseLost lost) {
            return false;
        } catch (RuntimeException | Error failure) {
            if (Transactions.isTransient(failure)) {
                throw failure;
            }
            return failed(itemId, executionId, SliceFailure.errorJson(where, failure), failure);
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
                new Writes(dao, id, workflow, woken).fail(error);
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
    }

    /** This worker's item was rescued by another worker: roll back, the other worker redoes the slice. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super(null, null, false, false);
        }
    }

    /** The slice, in the caller's transaction; adds the queues that got items to {@code woken}. */
    private void runIn(Connection connection, long itemId, String id, List<String> woken, SliceFailure.Where where)
            throws SQLException {
        SliceDao dao = new SliceDao(connection);
        SliceDao.Opened opened = dao.open(id, itemId, owner);
        Optional<SliceDao.Workflow> locked = opened.workflow();
        if (locked.isEmpty()) {
            return; // the execution was deleted: its item goes with this commit
        }
        if (!locked.get().owned()) {
            throw new LeaseLost();
        }
        if (locked.get().finished()) {
            return; // a late wake-up of an execution that has ended: the item goes with this commit
        }
        SliceDao.Workflow workflow = locked.get();
        List<SliceDao.Pending> pending = new ArrayList<>(opened.pending());
        String checkpoint = !pending.isEmpty() && "checkpoint".equals(pending.getFirst().source())
                ? pending.removeFirst().payload() : null;
        Writes writes = new Writes(dao, id, workflow, woken);
        writes.consumed(pending);
        if (pending.stream().anyMatch(p -> "cancel".equals(p.kind()))) {
            writes.cascadeCancel();
        }
        if (workflow.sliceFailures() >= SliceFailure.GIVE_UP) {
            // its slices keep dying with their workers (or even its end failed): do not run it again
            writes.fail(workflow.sliceError() != null ? workflow.sliceError() : SliceFailure.lostWorkers(workflow.sliceFailures()));
            return;
        }
        Optional<Executable> executable = definitions.get(dao, workflow.name(), workflow.definitionHash());
        if (executable.isEmpty()) {
            writes.fail(Outcomes.error("Error", "Version " + workflow.definitionHash() + " of workflow '"
                    + workflow.name() + "' is not in flow_definitions; it cannot run."));
            return;
        }
        Execution execution;
        Slice slice;
        try {
            List<Outcome> outcomes = Outcomes.of(pending);
            execution = checkpoint == null
                    ? Execution.start(executable.get(), Json.parse(workflow.input()),
                            Execution.context(id, workflow.name(), workflow.queue(), workflow.parentId(),
                                    workflow.createdAt()), limits)
                    : Execution.restore(executable.get(), checkpoint, limits);
            slice = execution.run(outcomes, workflow.nowMillis());
            where.reached(slice);
            SliceTestHook.afterInterpreter(workflow.name());
        } catch (RuntimeException bug) {
            LOG.error("Workflow {} ({}) cannot go on: the interpreter failed", id, workflow.name(), bug);
            writes.fail(Outcomes.error("InternalError", "Rondo could not run the workflow: " + bug
                    + ". This is a bug in Rondo; please report it with the workflow's source."));
            return;
        }
        if (checkpoint == null) {
            writes.history("started", null);
        } else if (slice.suspended() && slice.effects().isEmpty()
                && pending.stream().allMatch(p -> "signal".equals(p.source()))) {
            // woken by a signal no await takes yet: nothing changed, so the checkpoint stands; but the
            // wake-up this slice used up may have been its timer's too
            dao.rearmTimers(id, workflow.queue(), workflow.priority());
            return;
        }
        writes.effects(slice.effects());
        switch (slice.status()) {
            case SUSPENDED -> suspend(writes, execution, slice);
            case COMPLETED -> writes.finish(ExecutionStatus.COMPLETED, Json.write(slice.result()), null,
                    Outcomes.RESOLVED, Json.write(slice.result()));
            case FAILED, CANCELLED -> {
                FlowError error = slice.error();
                ExecutionStatus status = slice.status() == Slice.Status.FAILED ? ExecutionStatus.FAILED : ExecutionStatus.CANCELLED;
                if (error == null) {
                    String cancelled = Outcomes.error("CancelledError", "The workflow was cancelled.");
                    writes.finish(status, null, cancelled, Outcomes.CHILD_FAILED, cancelled);
                } else {
                    writes.finish(status, null, Outcomes.errorJson(error), Outcomes.CHILD_FAILED, Json.write(error.value()));
                }
            }
        }
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
        private final List<Integer> timerPromises = new ArrayList<>();
        private final List<Long> timerTimes = new ArrayList<>();
        private final List<Long> signals = new ArrayList<>();
        private final List<String> historyKinds = new ArrayList<>();
        private final List<String> historyDetails = new ArrayList<>();
        private final List<String> woken;
        private boolean wakeNow;

        Writes(SliceDao dao, String id, SliceDao.Workflow workflow, List<String> woken) {
            this.dao = dao;
            this.woken = woken;
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
            for (Effect effect : effects) {
                switch (effect) {
                    case Effect.Log log -> lines.add(log.line());
                    // no history row: the task's own execution row (parent_id, parent_promise, created_at)
                    // records its start, and one row less per task is a tenth of a task's writes
                    case Effect.StartTask task -> tasks.add(id, workflow.queue(), task);
                    case Effect.StartWorkflow child -> startChild(child);
                    case Effect.StartTimer timer -> {
                        timerPromises.add(timer.promise());
                        timerTimes.add(timer.fireAtMillis());
                    }
                    case Effect.ConsumeSignal signal -> {
                        signals.add(signal.seq());
                        history("signal consumed", signal.name());
                    }
                }
            }
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
                    child.promise(), depth)) {
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
            history(status.sql(), null);
            write(null, null, null);
            dao.finishWorkflow(id, status, result, error, parentKind, parentPayload);
        }

        private void write(String state, String waitingAt, String waitingFor) throws SQLException {
            woken.addAll(dao.write(new SliceDao.Writes(id, workflow.queue(), workflow.priority(), inbox, firedTimers,
                    timerPromises, timerTimes, signals, tasks.rows(), lines, historyKinds, historyDetails,
                    state, waitingAt, waitingFor, wakeNow)));
        }
    }

    /** The tasks of one slice, one row each. */
    private static final class TaskBatch {
        private final List<String> ids = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private final List<String> queues = new ArrayList<>();
        private final List<Integer> priorities = new ArrayList<>();
        private final List<String> inputs = new ArrayList<>();
        private final List<String> options = new ArrayList<>();
        private final List<Integer> promises = new ArrayList<>();

        void add(String workflowId, String workflowQueue, Effect.StartTask task) {
            ids.add(ExecutionIds.task(workflowId, task.promise()));
            names.add(task.name());
            queues.add(task.options().queue() != null ? task.options().queue() : workflowQueue);
            priorities.add(task.options().priority());
            inputs.add(task.inputJson());
            options.add(TaskOptionsJson.write(task.options()));
            promises.add(task.promise());
        }

        SliceDao.Tasks rows() {
            return new SliceDao.Tasks(ids, names, queues, priorities, inputs, options, promises);
        }
    }
}
