package dev.rondo.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements of an operator's retry, rewind and fork and of the checkpoint history they use
 * (docs/operations.md), on the caller's connection and transaction; SQL in {@code SteeringDao/*.sql}.
 * The rules (which promise gets what) are the client's; these statements only read and write rows.
 */
public final class SteeringDao {

    /** A workflow execution, locked for the caller's transaction. */
    public record Locked(String id, String name, String definitionHash, String status, String queue, int priority,
                         String parentId, Integer parentPromise, int depth, String forkedFrom, Integer forkedAtStep) {}

    /** A checkpoint: its state and where it waits. */
    public record Checkpoint(String state, String waitingAt, String waitingFor) {}

    /** One step of the checkpoint history, without its state. */
    public record Step(int step, String waitingAt, String waitingFor, Instant at) {}

    /** One step with its state, or none ({@code state} null) and the steps kept ({@code first}, {@code last}; null: none). */
    public record StepState(Integer step, String state, String waitingAt, String waitingFor, Instant at, Integer first,
                            Integer last) {}

    /**
     * A task or child workflow an execution started for one of its promises, how it ended, and the kind of the
     * first outcome for that promise its inbox still holds (null: none).
     */
    public record Started(String id, ExecutionKind kind, String name, String status, String result, String error,
                          int promise, String unseen) {}

    /** A task or child started since a checkpoint. */
    public record Since(String id, ExecutionKind kind, String name, String status) {}

    private static final Sql LOCK = Sql.load("SteeringDao/lock.sql");
    private static final Sql PARENT_OF = Sql.load("SteeringDao/parent_of.sql");
    private static final Sql CHECKPOINT = Sql.load("SteeringDao/checkpoint.sql");
    private static final Sql SAVE_CHECKPOINT = Sql.load("SteeringDao/save_checkpoint.sql");
    private static final Sql STEPS = Sql.load("SteeringDao/steps.sql");
    private static final Sql STEP = Sql.load("SteeringDao/step.sql");
    private static final Sql ADD_STEP = Sql.load("SteeringDao/add_step.sql");
    private static final Sql OUTCOMES_OF = Sql.load("SteeringDao/outcomes_of.sql");
    private static final Sql DROP_UNSEEN = Sql.load("SteeringDao/drop_unseen.sql");
    private static final Sql USED_PROMISES = Sql.load("SteeringDao/used_promises.sql");
    private static final Sql FRESH_ATTEMPTS = Sql.load("SteeringDao/fresh_attempts.sql");
    private static final Sql TIMER_DUE = Sql.load("SteeringDao/timer_due.sql");
    private static final Sql SET_TIMER = Sql.load("SteeringDao/set_timer.sql");
    private static final Sql GIVE_BACK_SIGNALS = Sql.load("SteeringDao/give_back_signals.sql");
    private static final Sql STARTED_SINCE = Sql.load("SteeringDao/started_since.sql");
    private static final Sql REOPEN = Sql.load("SteeringDao/reopen.sql");
    private static final Sql WAKE = Sql.load("SteeringDao/wake.sql");
    private static final Sql FORK = Sql.load("SteeringDao/fork.sql");
    private static final Sql COPY_TASK = Sql.load("SteeringDao/copy_task.sql");
    private static final Sql COPY_CHILD = Sql.load("SteeringDao/copy_child.sql");
    private static final Sql ORIGIN_OF = Sql.load("SteeringDao/origin_of.sql");

    private final Connection connection;

    public SteeringDao(Connection connection) {
        this.connection = connection;
    }

    /** The workflow execution {@code id}, its row locked as a slice locks it; empty when there is none. */
    public Optional<Locked> lock(String id) throws SQLException {
        try (Sql.Bound s = LOCK.prepare(connection).text("id", id); ResultSet rs = s.query()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Locked(rs.getString("id"), rs.getString("name"), rs.getString("definition_hash"),
                    rs.getString("status"), rs.getString("queue"), rs.getInt("priority"), rs.getString("parent_id"),
                    rs.getObject("parent_promise", Integer.class), rs.getInt("depth"), rs.getString("forked_from"),
                    rs.getObject("forked_at_step", Integer.class)));
        }
    }

    /** The parent of workflow {@code id}, read without a lock; empty when it has none (or does not exist). */
    public Optional<String> parentOf(String id) throws SQLException {
        try (Sql.Bound s = PARENT_OF.prepare(connection).text("id", id); ResultSet rs = s.query()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    /** Where a fork came from: {@code [forkedFrom, forkedAtStep]}, empty when {@code id} is no fork or unknown. */
    /** Where a fork came from: the execution and the step of its checkpoint history. */
    public record Origin(String executionId, Integer step) {}

    public Optional<Origin> originOf(String id) throws SQLException {
        try (Sql.Bound s = ORIGIN_OF.prepare(connection).text("id", id); ResultSet rs = s.query()) {
            if (!rs.next() || rs.getString(1) == null) {
                return Optional.empty();
            }
            return Optional.of(new Origin(rs.getString(1), rs.getObject(2, Integer.class)));
        }
    }

    public Optional<Checkpoint> checkpoint(String id) throws SQLException {
        try (Sql.Bound s = CHECKPOINT.prepare(connection).text("id", id); ResultSet rs = s.query()) {
            return rs.next() ? Optional.of(new Checkpoint(rs.getString(1), rs.getString(2), rs.getString(3))) : Optional.empty();
        }
    }

    public void saveCheckpoint(String id, Checkpoint checkpoint) throws SQLException {
        try (Sql.Bound s = SAVE_CHECKPOINT.prepare(connection).text("id", id).text("state", checkpoint.state())
                .text("waitingAt", checkpoint.waitingAt()).text("waitingFor", checkpoint.waitingFor())) {
            s.update();
        }
    }

    public List<Step> steps(String id) throws SQLException {
        try (Sql.Bound s = STEPS.prepare(connection).text("id", id); ResultSet rs = s.query()) {
            List<Step> steps = new ArrayList<>();
            while (rs.next()) {
                steps.add(new Step(rs.getInt(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4))));
            }
            return steps;
        }
    }

    /** Step {@code step} ({@code null}: the latest) of {@code id}'s history. */
    public StepState step(String id, Integer step) throws SQLException {
        try (Sql.Bound s = STEP.prepare(connection).text("id", id).set("step", step); ResultSet rs = s.query()) {
            rs.next();
            Integer first = rs.getObject("first_step", Integer.class);
            Integer last = rs.getObject("last_step", Integer.class);
            if (step == null && last != null) {
                return step(id, last);
            }
            return new StepState(rs.getObject("step", Integer.class), rs.getString("state"), rs.getString("waiting_at"),
                    rs.getString("waiting_for"), instant(rs.getTimestamp("at")), first, last);
        }
    }

    /** Appends a step to {@code id}'s history; returns its number. */
    public int addStep(String id, Checkpoint checkpoint) throws SQLException {
        try (Sql.Bound s = ADD_STEP.prepare(connection).text("id", id).text("state", checkpoint.state())
                .text("waitingAt", checkpoint.waitingAt()).text("waitingFor", checkpoint.waitingFor());
             ResultSet rs = s.query()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The tasks and children {@code id} started for {@code promises}. */
    public List<Started> outcomesOf(String id, List<Integer> promises) throws SQLException {
        try (Sql.Bound s = OUTCOMES_OF.prepare(connection).text("id", id).array("promises", "int4", promises);
             ResultSet rs = s.query()) {
            List<Started> started = new ArrayList<>();
            while (rs.next()) {
                started.add(new Started(rs.getString("id"), ExecutionKind.of(rs.getString("kind")), rs.getString("name"),
                        rs.getString("status"), rs.getString("result"), rs.getString("error"),
                        rs.getInt("parent_promise"), rs.getString("unseen")));
            }
            return started;
        }
    }

    /** Drops the unseen failure of {@code promise} from {@code id}'s inbox. */
    public void dropUnseenFailure(String id, int promise) throws SQLException {
        try (Sql.Bound s = DROP_UNSEEN.prepare(connection).text("id", id).set("promise", promise)) {
            s.update();
        }
    }

    /** The highest promise number {@code id} has used where the engine keeps one; -1 when none. */
    public int usedPromises(String id) throws SQLException {
        try (Sql.Bound s = USED_PROMISES.prepare(connection).text("id", id); ResultSet rs = s.query()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Gives failed (or cancelled) task {@code taskId} a fresh set of attempts; false when it was not failed. */
    public boolean freshAttempts(String taskId) throws SQLException {
        try (Sql.Bound s = FRESH_ATTEMPTS.prepare(connection).text("id", taskId); ResultSet rs = s.query()) {
            rs.next();
            return rs.getInt("reset") > 0;
        }
    }

    /** When timer {@code promise} of {@code id} fires (epoch ms), as kept at or before {@code step}; null if unknown. */
    public Long timerDue(String id, int promise, int step) throws SQLException {
        try (Sql.Bound s = TIMER_DUE.prepare(connection).text("id", id).set("promise", promise).set("step", step);
             ResultSet rs = s.query()) {
            rs.next();
            return rs.getObject(1, Long.class);
        }
    }

    public void setTimer(String id, int promise, long fireAtMillis) throws SQLException {
        try (Sql.Bound s = SET_TIMER.prepare(connection).text("id", id).set("promise", promise).set("fireAtMillis", fireAtMillis)) {
            s.update();
        }
    }

    /** Gives back the signals consumed after {@code step}; returns how many. */
    public int giveBackSignals(String id, int step) throws SQLException {
        try (Sql.Bound s = GIVE_BACK_SIGNALS.prepare(connection).text("id", id).set("step", step)) {
            return s.update();
        }
    }

    /** What {@code id} started from promise {@code fromPromise} on, at most {@code limit}. */
    public List<Since> startedSince(String id, int fromPromise, int limit) throws SQLException {
        try (Sql.Bound s = STARTED_SINCE.prepare(connection).text("id", id).set("fromPromise", fromPromise)
                .set("limit", limit); ResultSet rs = s.query()) {
            List<Since> since = new ArrayList<>();
            while (rs.next()) {
                since.add(new Since(rs.getString(1), ExecutionKind.of(rs.getString(2)), rs.getString(3), rs.getString(4)));
            }
            return since;
        }
    }

    /** Sets failed execution {@code id} waiting again; false when it was not failed. */
    public boolean reopen(String id) throws SQLException {
        try (Sql.Bound s = REOPEN.prepare(connection).text("id", id)) {
            return s.update() > 0;
        }
    }

    /** Gives {@code id} its wake-up: now when {@code now} or it has something to take, else at its earliest timer. */
    public void wake(String id, String queue, int priority, boolean now) throws SQLException {
        try (Sql.Bound s = WAKE.prepare(connection).text("id", id).text("queue", queue).set("priority", priority)
                .set("now", now); ResultSet rs = s.query()) {
            rs.next();
        }
    }

    /** Inserts fork {@code newId} of {@code origin} at {@code step} (null: its checkpoint, no step kept); false when the id is taken. */
    public boolean fork(String newId, String origin, Integer step) throws SQLException {
        try (Sql.Bound s = FORK.prepare(connection).text("newId", newId).text("origin", origin).set("step", step);
             ResultSet rs = s.query()) {
            return rs.next();
        }
    }

    /** Starts task {@code newId} for {@code parentId} as a copy of task {@code originId}. */
    public void copyTask(String newId, String parentId, String originId) throws SQLException {
        try (Sql.Bound s = COPY_TASK.prepare(connection).text("newId", newId).text("parentId", parentId)
                .text("originId", originId); ResultSet rs = s.query()) {
            rs.next();
        }
    }

    /** Starts child workflow {@code newId} of {@code parentId} as a copy of child {@code originId}. */
    public void copyChild(String newId, String parentId, String originId) throws SQLException {
        try (Sql.Bound s = COPY_CHILD.prepare(connection).text("newId", newId).text("parentId", parentId)
                .text("originId", originId); ResultSet rs = s.query()) {
            rs.next();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
