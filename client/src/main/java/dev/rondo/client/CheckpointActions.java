package dev.rondo.client;

import dev.rondo.core.Checkpoints;
import dev.rondo.core.ExecutionIds;
import dev.rondo.core.Identifiers;
import dev.rondo.core.RondoException;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.Json;
import dev.rondo.store.ExecutionKind;
import dev.rondo.store.OperatorLog;
import dev.rondo.store.SliceDao;
import dev.rondo.store.SteeringDao;
import dev.rondo.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Retry, rewind and fork (docs/operations.md): each in one transaction that holds the workflow's row
 * locked as a slice does, so it runs before or after a slice in flight, never beside it, and records itself
 * in the execution's history ({@link OperatorLog}) when it changed something.
 *
 * <p>The rule for the await an execution stands at again (after a retry, a rewind, in a fork), promise by
 * promise of its checkpoint: a task or child whose outcome was recorded as completed has it delivered again
 * (nothing that succeeded runs twice); a failed task gets a fresh set of attempts under its id; a failed child
 * is retried (recursively); one still running delivers its outcome when it ends; a timer keeps its original
 * due time (fires at once when that has passed); a {@code Signal.next} takes the next unconsumed signal, and a
 * rewind gives back the signals consumed after its step. A fork issues the work again for the new execution.
 */
final class CheckpointActions {

    /** How many of the tasks and children started since a step a rewind's history row names. */
    static final int SINCE_SHOWN = 20;

    private static final Set<String> REWINDABLE = Set.of("waiting", "paused", "failed");

    private final DataSource dataSource;

    CheckpointActions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    // ---- history

    List<Step> steps(String id) {
        return Transactions.autocommit(dataSource, connection -> {
            SteeringDao dao = new SteeringDao(connection);
            List<SteeringDao.Step> rows = dao.steps(id);
            if (rows.isEmpty() && new dev.rondo.store.ExecutionDao(connection).statusOf(id).isEmpty()) {
                throw new RondoException.UnknownExecution(id);
            }
            List<Step> steps = new ArrayList<>();
            for (SteeringDao.Step row : rows) {
                steps.add(new Step(row.step(), row.waitingAt(), needs(row.waitingFor()), row.at()));
            }
            return steps;
        });
    }

    static List<String> needs(String waitingForJson) {
        List<String> needs = new ArrayList<>();
        if (waitingForJson != null && Json.parse(waitingForJson) instanceof FlowArray array) {
            array.view().forEach(need -> needs.add(String.valueOf(need)));
        }
        return needs;
    }

    // ---- retry

    void retry(String id, String operator) {
        Transactions.retrying(dataSource, connection -> {
            retry(connection, id, operator, null);
            return null;
        });
    }

    /**
     * Retries failed workflow {@code id}; {@code forParent} is the parent being retried or rewound that asked,
     * null when the operator asked for this one (then its parent, if any, must not have gone on).
     */
    private void retry(Connection connection, String id, String operator, String forParent) throws SQLException {
        SteeringDao dao = new SteeringDao(connection);
        SteeringDao.Locked parent = null;
        if (forParent == null) {
            String parentId = dao.parentOf(id).orElse(null);
            if (parentId != null) {
                parent = dao.lock(parentId).orElse(null); // parent first, as a cancel of the tree locks them
            }
        }
        SteeringDao.Locked e = dao.lock(id).orElseThrow(() -> new RondoException.UnknownExecution(id));
        if (!"failed".equals(e.status())) {
            if (forParent != null) {
                return;
            }
            throw new RefusedAction(id, RefusedAction.Reason.NOT_FAILED, "Execution '" + id + "' is " + e.status()
                    + ", not failed; only a failed execution can be retried"
                    + ("waiting".equals(e.status()) || "queued".equals(e.status()) ? " (it is running again already)." : "."));
        }
        if (forParent == null && e.parentId() != null) {
            requireParentWaitsFor(dao, e, parent);
        }
        Map<String, String> facts = new LinkedHashMap<>();
        SteeringDao.Checkpoint checkpoint = dao.checkpoint(id).orElse(null);
        Issued issued = new Issued();
        if (checkpoint == null) {
            facts.put("from", "the start (it failed before its first await)");
        } else {
            facts.put("from", "the checkpoint at " + checkpoint.waitingAt());
            rearm(connection, dao, id, checkpoint.state(), Integer.MAX_VALUE, operator, issued);
        }
        dao.reopen(id);
        dao.wake(id, e.queue(), e.priority(), true);
        issued.into(facts);
        if (forParent != null) {
            facts.put("for", "the retry or rewind of " + forParent);
        }
        new OperatorLog(connection).record(id, "retry", operator, facts);
    }

    /** A child may be retried on its own only while its parent still waits for it, not having seen the failure. */
    private static void requireParentWaitsFor(SteeringDao dao, SteeringDao.Locked child, SteeringDao.Locked parent)
            throws SQLException {
        String id = child.id();
        String parentId = child.parentId();
        if (parent == null || !parent.id().equals(parentId)) {
            throw new RefusedAction(id, RefusedAction.Reason.PARENT_WENT_ON, "Execution '" + id + "' is a child of '"
                    + parentId + "', which changed while retrying; try again.");
        }
        if ("failed".equals(parent.status())) {
            throw new RefusedAction(id, RefusedAction.Reason.PARENT_WENT_ON, "Execution '" + id + "' is a child of '"
                    + parentId + "', which has failed too; retry the parent ('rondo retry " + parentId
                    + "'): that retries this child as well.");
        }
        boolean waits = !Set.of("completed", "cancelled", "terminated").contains(parent.status());
        boolean unseen = waits && dao.outcomesOf(parentId, List.of(child.parentPromise())).stream()
                .anyMatch(s -> s.id().equals(id) && "child_failed".equals(s.unseen()));
        if (!unseen) {
            throw new RefusedAction(id, RefusedAction.Reason.PARENT_WENT_ON, "Execution '" + id + "' is a child of '"
                    + parentId + "', which has already " + (waits ? "seen this failure and gone on" : parent.status())
                    + "; retrying the child alone would change nothing for it. Retry or rewind the parent instead ('rondo retry "
                    + parentId + "', 'rondo rewind " + parentId + " --to STEP').");
        }
        dao.dropUnseenFailure(parentId, child.parentPromise());
    }

    // ---- rewind

    /** Returns false when the execution stood at that step already (nothing changed). */
    boolean rewind(String id, int step, String operator) {
        return Transactions.retrying(dataSource, connection -> {
            SteeringDao dao = new SteeringDao(connection);
            SteeringDao.Locked e = dao.lock(id).orElseThrow(() -> new RondoException.UnknownExecution(id));
            if (!REWINDABLE.contains(e.status())) {
                throw new RefusedAction(id, RefusedAction.Reason.NOT_REWINDABLE, "Execution '" + id + "' is " + e.status()
                        + "; only a waiting, paused or failed execution can be rewound"
                        + ("queued".equals(e.status()) || "running".equals(e.status()) ? " (wait until it waits at an await)." : "."));
            }
            SteeringDao.StepState target = requireStep(dao, id, step);
            SteeringDao.Checkpoint current = dao.checkpoint(id).orElse(null);
            int next = Math.max(dao.usedPromises(id) + 1, current == null ? 0 : Checkpoints.nextPromise(current.state()));
            String state = Checkpoints.withNextPromiseAtLeast(target.state(), next);
            if (current != null && current.state().equals(state) && !"failed".equals(e.status())) {
                return false; // it stands there already: a repeated rewind is no new action
            }
            Issued issued = new Issued();
            rearm(connection, dao, id, target.state(), step, operator, issued);
            int givenBack = dao.giveBackSignals(id, step);
            List<SteeringDao.Since> since = dao.startedSince(id, Checkpoints.nextPromise(target.state()), SINCE_SHOWN + 1);
            SteeringDao.Checkpoint rewound = new SteeringDao.Checkpoint(state, target.waitingAt(), target.waitingFor());
            dao.saveCheckpoint(id, rewound);
            int newStep = dao.addStep(id, rewound);
            boolean failed = dao.reopen(id);
            dao.wake(id, e.queue(), e.priority(), false);
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("to", "step " + step + " at " + target.waitingAt());
            facts.put("step", Integer.toString(newStep));
            if (failed) {
                facts.put("was", "failed");
            }
            facts.put("not undone", since.isEmpty() ? "nothing was started after that step" : sinceText(since));
            if (givenBack > 0) {
                facts.put("signals given back", Integer.toString(givenBack));
            }
            issued.into(facts);
            new OperatorLog(connection).record(id, "rewind", operator, facts);
            return true;
        });
    }

    private static String sinceText(List<SteeringDao.Since> since) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(SINCE_SHOWN, since.size()); i++) {
            SteeringDao.Since s = since.get(i);
            text.append(i == 0 ? "" : ", ").append(s.kind() == ExecutionKind.TASK ? "task " : "workflow ").append(s.name())
                    .append(" (").append(s.id()).append(", ").append(s.status()).append(')');
        }
        if (since.size() > SINCE_SHOWN) {
            text.append(", and more (list them with 'rondo list' or the dashboard)");
        }
        return text.toString();
    }

    private static SteeringDao.StepState requireStep(SteeringDao dao, String id, int step) throws SQLException {
        SteeringDao.StepState target = dao.step(id, step);
        if (target.step() == null) {
            throw new RefusedAction(id, RefusedAction.Reason.NO_SUCH_STEP, "Execution '" + id + "' has no step " + step
                    + " in its checkpoint history; " + (target.first() == null
                    ? "it keeps none (it has not waited yet, or its history was not kept: Worker.builder().checkpointHistory(n))."
                    : "the steps kept are " + target.first() + " to " + target.last() + " ('rondo steps " + id + "' lists them)."));
        }
        return target;
    }

    // ---- fork

    String fork(String originId, Integer step, String newId, String operator) {
        if (newId != null) {
            Identifiers.require(Identifiers.Kind.EXECUTION_ID, newId);
        }
        return Transactions.retrying(dataSource, connection -> {
            SteeringDao dao = new SteeringDao(connection);
            SteeringDao.Locked origin = dao.lock(originId).orElseThrow(() -> new RondoException.UnknownExecution(originId));
            SteeringDao.StepState from = step == null ? dao.step(originId, null) : requireStep(dao, originId, step);
            SteeringDao.Checkpoint checkpoint;
            Integer atStep = from.step();
            if (atStep != null) {
                checkpoint = new SteeringDao.Checkpoint(from.state(), from.waitingAt(), from.waitingFor());
            } else {
                checkpoint = dao.checkpoint(originId).orElseThrow(() -> new RefusedAction(originId,
                        RefusedAction.Reason.NO_SUCH_STEP, "Execution '" + originId + "' has no checkpoint to fork from:"
                        + " it has not waited at an await yet, or it has ended and its checkpoint history was not kept"
                        + " (Worker.builder().keepCheckpointHistoryAfterEnd(true) keeps it)."));
            }
            String id = newId != null ? newId : defaultForkId(originId);
            if (!dao.fork(id, originId, atStep)) {
                SteeringDao.Locked existing = dao.lock(id).orElse(null);
                if (existing != null && originId.equals(existing.forkedFrom())
                        && java.util.Objects.equals(atStep, existing.forkedAtStep())) {
                    return id; // the same fork asked for again
                }
                throw new RefusedAction(originId, RefusedAction.Reason.ID_TAKEN, "Cannot fork '" + originId + "' as '" + id
                        + "': that id belongs to another execution; choose another id (--id) or leave it to Rondo.");
            }
            SteeringDao.Checkpoint forked = new SteeringDao.Checkpoint(Checkpoints.forExecution(checkpoint.state(), id),
                    checkpoint.waitingAt(), checkpoint.waitingFor());
            dao.saveCheckpoint(id, forked);
            dao.addStep(id, forked);
            issueForFork(connection, dao, originId, id, checkpoint.state(), atStep == null ? Integer.MAX_VALUE : atStep);
            dao.wake(id, origin.queue(), origin.priority(), false);
            String where = atStep == null ? "its checkpoint at " + checkpoint.waitingAt()
                    : "step " + atStep + " at " + checkpoint.waitingAt();
            OperatorLog log = new OperatorLog(connection);
            log.record(id, "fork", operator, Map.of("from", originId + ", " + where));
            log.record(originId, "fork", operator, Map.of("to", id + ", from " + where));
            return id;
        });
    }

    private static String defaultForkId(String originId) {
        String suffix = "-fork-" + UUID.randomUUID().toString().substring(0, 8);
        String id = originId + suffix;
        return Identifiers.problem(Identifiers.Kind.EXECUTION_ID, id) == null ? id : "fork" + suffix;
    }

    /** The work the forked checkpoint waits on, issued again for the fork by the rule of {@link CheckpointActions}. */
    private static void issueForFork(Connection connection, SteeringDao dao, String originId, String id, String state,
                                     int step) throws SQLException {
        List<Checkpoints.Pending> pending = Checkpoints.pending(state);
        Map<Integer, SteeringDao.Started> started = started(dao, originId, pending);
        SliceDao slices = new SliceDao(connection);
        for (Checkpoints.Pending p : pending) {
            switch (p.kind()) {
                case TASK, WORKFLOW -> {
                    SteeringDao.Started s = started.get(p.promise());
                    if (s == null) {
                        continue; // never started (its id was taken): the fork waits as the origin did
                    }
                    if ("completed".equals(s.status())) {
                        slices.deliver(id, p.promise(), "resolved", s.result());
                    } else if (s.kind() == ExecutionKind.TASK) {
                        dao.copyTask(ExecutionIds.task(id, p.promise()), id, s.id());
                    } else {
                        dao.copyChild(ExecutionIds.child(id, p.promise()), id, s.id());
                    }
                }
                case TIMER -> dao.setTimer(id, p.promise(), due(dao, originId, p.promise(), step));
                case SIGNAL -> { } // awaited afresh: signals sent to the fork
            }
        }
    }

    private static long due(SteeringDao dao, String id, int promise, int step) throws SQLException {
        Long due = dao.timerDue(id, promise, step);
        return due != null ? due : System.currentTimeMillis(); // not kept anywhere: it had fired, so fire now
    }

    private static Map<Integer, SteeringDao.Started> started(SteeringDao dao, String id, List<Checkpoints.Pending> pending)
            throws SQLException {
        List<Integer> promises = new ArrayList<>();
        for (Checkpoints.Pending p : pending) {
            if (p.kind() == Checkpoints.Kind.TASK || p.kind() == Checkpoints.Kind.WORKFLOW) {
                promises.add(p.promise());
            }
        }
        Map<Integer, SteeringDao.Started> started = new HashMap<>();
        if (!promises.isEmpty()) {
            for (SteeringDao.Started s : dao.outcomesOf(id, promises)) {
                started.put(s.promise(), s);
            }
        }
        return started;
    }

    /**
     * Makes the await of {@code state} (a checkpoint of {@code id}) able to complete again, by the rule of
     * {@link CheckpointActions}; {@code step} bounds where timers' due times are looked up in the history.
     */
    private void rearm(Connection connection, SteeringDao dao, String id, String state, int step, String operator,
                       Issued issued) throws SQLException {
        List<Checkpoints.Pending> pending = Checkpoints.pending(state);
        Map<Integer, SteeringDao.Started> started = started(dao, id, pending);
        SliceDao slices = new SliceDao(connection);
        for (Checkpoints.Pending p : pending) {
            switch (p.kind()) {
                case TASK, WORKFLOW -> {
                    SteeringDao.Started s = started.get(p.promise());
                    if (s == null) {
                        continue;
                    }
                    boolean failed = "failed".equals(s.status()) || (s.kind() == ExecutionKind.TASK && "cancelled".equals(s.status()));
                    if (s.unseen() != null && !(failed && !"resolved".equals(s.unseen()))) {
                        continue; // its outcome waits in the inbox already
                    }
                    if (failed) {
                        dao.dropUnseenFailure(id, p.promise());
                        if (s.kind() == ExecutionKind.TASK) {
                            if (dao.freshAttempts(s.id())) {
                                issued.freshAttempts.add(s.id());
                            }
                        } else {
                            retry(connection, s.id(), operator, id);
                            issued.retried.add(s.id());
                        }
                    } else if ("completed".equals(s.status())) {
                        slices.deliver(id, p.promise(), "resolved", s.result());
                        issued.delivered.add(s.id());
                    } else if ("cancelled".equals(s.status())) {
                        slices.deliver(id, p.promise(), "child_failed", s.error());
                        issued.delivered.add(s.id());
                    }
                    // still running: its outcome comes when it ends
                }
                case TIMER -> dao.setTimer(id, p.promise(), due(dao, id, p.promise(), step));
                case SIGNAL -> { } // takes the next unconsumed signal (a rewind gives back those consumed since)
            }
        }
    }

    /** What a retry or rewind issued again, for its history row. */
    private static final class Issued {
        final List<String> freshAttempts = new ArrayList<>();
        final List<String> retried = new ArrayList<>();
        final List<String> delivered = new ArrayList<>();

        void into(Map<String, String> facts) {
            if (!freshAttempts.isEmpty()) {
                facts.put("fresh attempts", String.join(", ", freshAttempts));
            }
            if (!retried.isEmpty()) {
                facts.put("children retried", String.join(", ", retried));
            }
            if (!delivered.isEmpty()) {
                facts.put("outcomes delivered again", String.join(", ", delivered));
            }
        }
    }
}
