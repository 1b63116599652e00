package dev.rondo.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.client.internal.ConnectionLoss;
import dev.rondo.client.internal.Operator;
import dev.rondo.client.internal.Steering;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.Identifiers;
import dev.rondo.core.Payloads;
import dev.rondo.core.RondoException;
import dev.rondo.core.Variables;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.Json;
import dev.rondo.store.Channels;
import dev.rondo.store.ExecutionDao;
import dev.rondo.store.OperatorLog;
import dev.rondo.store.QueryDao;
import dev.rondo.store.QueueControl;
import dev.rondo.store.SteeringDao;
import dev.rondo.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * One workflow execution, by id. Cheap to create and to keep; every call reads or writes the current state
 * in the database.
 */
public final class WorkflowHandle {

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    /** Who this handle's operator actions are recorded as; null for the default ({@link Operator}). */
    private final String operator;
    private final String id;

    WorkflowHandle(DataSource dataSource, ObjectMapper mapper, String operator, String id) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.operator = operator;
        this.id = id;
    }

    /** Who this handle's operator actions (cancel, pause, retry, …) are recorded as in the history. */
    String operator() {
        return operator != null ? operator : Operator.defaultName();
    }

    /** The plain mapper, made on first use. */
    private static final class DefaultMapper {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    static ObjectMapper mapperOrDefault(ObjectMapper mapper) {
        return mapper != null ? mapper : DefaultMapper.MAPPER;
    }

    public String id() {
        return id;
    }

    /**
     * Where the execution is now.
     *
     * @throws RondoException.UnknownExecution when no execution has this id
     */
    public ExecutionStatus status() {
        return read(connection -> new ExecutionDao(connection).statusOf(id)).map(ExecutionStatus::of)
                .orElseThrow(() -> new RondoException.UnknownExecution(id));
    }

    /**
     * Sends signal {@code name} with {@code payloadJson} (any JSON value; {@code null} means {@code null}).
     * Signals are buffered until a {@code Signal.next(name)} takes them, first in first out, each once.
     *
     * @throws RondoException.UnknownExecution  when no workflow execution has this id
     * @throws RondoException.ExecutionFinished when it has already ended
     * @throws RondoException.InvalidPayload    when the payload is not JSON, over 4 MiB or holds a NUL (U+0000)
     * @throws IllegalArgumentException         when the name is not one Rondo accepts ({@link Identifiers})
     */
    public void signal(String name, String payloadJson) {
        Identifiers.require(Identifiers.Kind.SIGNAL_NAME, name);
        send(name, Payloads.normalize(payloadJson == null ? "null" : payloadJson, "signal payload"));
    }

    /**
     * {@link #signal(String, String)} with {@code payload} written as JSON by the client's
     * {@code ObjectMapper} ({@code null} means {@code null}; a {@code String} passed as an {@code Object}
     * becomes a JSON string).
     *
     * @throws RondoException.InvalidPayload when Jackson cannot write the payload; nothing is sent then
     */
    public void signal(String name, Object payload) {
        Identifiers.require(Identifiers.Kind.SIGNAL_NAME, name);
        send(name, payload == null ? "null" : Payloads.write(mapperOrDefault(mapper), payload, "signal payload"));
    }

    private void send(String name, String payload) {
        Transactions.retrying(dataSource, connection -> {
            ExecutionDao executions = new ExecutionDao(connection);
            ExecutionDao.Placement placement = unfinished(executions, "signals");
            executions.insertSignal(id, name, payload);
            return executions.enqueue(id, placement.queue(), placement.priority(), 0);
        });
    }

    /** One read in auto-commit mode (one statement, no BEGIN/COMMIT round trips). */
    private <T> T read(Transactions.Work<T> work) {
        return Transactions.autocommit(dataSource, work);
    }

    /**
     * Asks the execution to stop: it gets {@code CancelledError} once, at the await where it waits (or its
     * next one); its {@code catch}/{@code finally} may then await compensations, which run durably to their
     * end. It ends as {@code cancelled} when the CancelledError leaves it, as {@code completed} when it
     * catches it and returns (LANGUAGE.md §6). Every unfinished descendant (child workflows at any depth,
     * their tasks) is asked in the same statement; a task not started yet never runs, a running one sees
     * {@code TaskContext.cancelled()}. It wins over a slice that cannot be committed (docs/engine.md,
     * "Failures and cancellation"). Asking again does nothing (not even while the compensation runs).
     *
     * @throws RondoException.UnknownExecution  when no workflow execution has this id
     * @throws RondoException.ExecutionFinished when it has already ended
     */
    public void cancel() {
        Transactions.retrying(dataSource, connection -> {
            ExecutionDao executions = new ExecutionDao(connection);
            ExecutionDao.Placement placement = unfinished(executions, "cancellation");
            if (executions.requestCancel(id) == 0) {
                return 0; // requested before: a repeated request is no new action, and wakes nothing
            }
            new OperatorLog(connection).record(id, "cancel", operator(), Map.of());
            return executions.enqueue(id, placement.queue(), placement.priority(), 0);
        });
    }

    /**
     * Pauses the execution: no slice of it runs until {@link #resume()} (docs/operations.md, "Pause and
     * resume"). Tasks it already started run to their end and their outcomes wait in its inbox; its timers
     * come due but wait; signals are buffered. A slice running at this moment finishes first (the pause waits
     * for it). Pausing a paused execution changes and records nothing. A cancel wins over a pause: cancelling a
     * paused execution resumes it to run its {@code catch}/{@code finally}.
     *
     * <pre>{@code
     * rondo.handle("order-42").pause();   // … fix the downstream system …
     * rondo.handle("order-42").resume();
     * }</pre>
     *
     * @return whether it was paused now (false: it was paused already)
     * @throws RondoException.UnknownExecution when no execution has this id
     * @throws RondoException.ActionRefused    when it is a task, has ended, or is being cancelled
     */
    public boolean pause() {
        return Transactions.retrying(dataSource, connection -> Steering.pause(connection, id, operator()));
    }

    /**
     * Resumes a paused execution where it stood: what came in while it was paused (task outcomes, due timers,
     * signals) is applied by its next slice, at once. It goes back to {@code waiting}, or to {@code queued}
     * when no slice of it had run yet (a start delayed or waiting for a concurrency slot keeps its turn).
     *
     * @return whether it was resumed now (false: it was not paused, and nothing is recorded)
     * @throws RondoException.UnknownExecution when no execution has this id
     * @throws RondoException.ActionRefused    when it is a task or has ended
     */
    public boolean resume() {
        return Transactions.retrying(dataSource, connection -> Steering.resume(connection, id, operator()));
    }

    /** {@link #terminate(String)} without a reason. */
    public boolean terminate() {
        return terminate(null);
    }

    /**
     * Stops the execution and every unfinished descendant (child workflows at any depth, their tasks) at
     * once, in one statement: none of their code runs again (no {@code catch}, no {@code finally}), and each
     * ends {@code terminated} with a {@code TerminatedError} that names who terminated it (and {@code reason},
     * when given). Their queue items, timers and concurrency waits go; tasks running now see
     * {@code TaskContext.cancelled()} and their results are discarded; {@link #result} waiters wake; a parent
     * that awaits it gets a {@code WorkflowError}. Works on queued, waiting, running and paused executions;
     * terminating a terminated one changes and records nothing. Use {@link #cancel()} to let it compensate.
     *
     * @return whether it was terminated now (false: it was terminated already)
     * @throws RondoException.UnknownExecution when no execution has this id
     * @throws RondoException.ActionRefused    when it is a task or has ended otherwise
     */
    public boolean terminate(String reason) {
        return Transactions.retrying(dataSource, connection -> Steering.terminate(connection, id, operator(), reason));
    }

    /**
     * The execution's checkpoint history, oldest first: one {@link Step} per await it waited at (as many as the
     * workers keep, {@code Worker.builder().checkpointHistory(n)}; a completed or cancelled execution keeps none
     * unless they keep them after the end). Empty before its first await.
     *
     * @throws RondoException.UnknownExecution when no execution has this id
     */
    public List<Step> steps() {
        return new CheckpointActions(dataSource).steps(id);
    }

    /**
     * Sets a failed execution going again from the checkpoint before the await that failed it
     * (docs/operations.md): a failed task it waited on gets a fresh set of attempts (same id, same
     * idempotency key), a failed child is retried, the other outcomes that stretch took are delivered again
     * (nothing that succeeded runs twice); after an error in the flow's own code the same stretch runs again,
     * with the same outcomes (run it on fixed code first: {@code rondo upgrade}). One that failed before its
     * first await starts again from the beginning. Recorded in its history as {@code operator.retry}.
     *
     * <pre>{@code
     * client.handle("order-42").retry();
     * client.handle("order-42").result(Duration.ofMinutes(5));   // waits for the new end
     * }</pre>
     *
     * @throws RondoException.UnknownExecution when no workflow execution has this id
     * @throws RefusedAction                   when it has not failed ({@link RefusedAction.Reason#NOT_FAILED}: a
     *                                         retry asked twice is refused the second time, having changed
     *                                         nothing), or it is a child whose parent has already gone on
     *                                         ({@link RefusedAction.Reason#PARENT_WENT_ON}: retry the parent)
     */
    public void retry() {
        new CheckpointActions(dataSource).retry(id, operator());
    }

    /**
     * Makes a waiting, paused or failed execution go on from the checkpoint of an earlier await, step
     * {@code step} of {@link #steps()}. What it started since is not undone (the history's
     * {@code operator.rewind} row lists it); the await it stands at again completes by the rule in
     * docs/operations.md (recorded outcomes delivered again, failed tasks given fresh attempts, timers at
     * their original due time, signals consumed since given back). Returns false when it stood there already.
     *
     * @throws RondoException.UnknownExecution when no workflow execution has this id
     * @throws RefusedAction                   when it is not waiting, paused or failed, or has no such step (the
     *                                         message gives the steps kept)
     */
    public boolean rewind(int step) {
        return new CheckpointActions(dataSource).rewind(id, step, operator());
    }

    /** {@link #fork(int, String)} from the latest checkpoint, with an id Rondo chooses. */
    public WorkflowHandle fork() {
        return new WorkflowHandle(dataSource, mapper, operator, new CheckpointActions(dataSource).fork(id, null, null, operator()));
    }

    /** {@link #fork(int, String)} with an id Rondo chooses ({@code <id>-fork-<8 hex digits>}). */
    public WorkflowHandle fork(int step) {
        return fork(step, null);
    }

    /**
     * Starts a new execution from step {@code step} of this one's checkpoint history: the same workflow
     * version and input, id {@code newId} (null: Rondo chooses one), linked to this one ({@link #forkedFrom()}).
     * The work that checkpoint waits on is issued again for the new execution (a task that completed for this
     * one has its result delivered, others start again under the new execution's ids; timers keep their due
     * time; signals are awaited afresh). This execution is not touched. Asking again with the same id and step
     * returns the same fork.
     *
     * @throws RondoException.UnknownExecution when no workflow execution has this id
     * @throws RefusedAction                   when it has no such step, or {@code newId} is taken
     * @throws IllegalArgumentException        when {@code newId} is not an id Rondo accepts
     */
    public WorkflowHandle fork(int step, String newId) {
        return new WorkflowHandle(dataSource, mapper, operator, new CheckpointActions(dataSource).fork(id, step, newId, operator()));
    }

    /** Where a fork came from: the execution and the step of its history. */
    public record Origin(String executionId, Integer step) {}

    /** The execution this one was forked from, and at which step; empty when it is no fork. */
    public Optional<Origin> forkedFrom() {
        return read(connection -> new SteeringDao(connection).originOf(id))
                .map(o -> new Origin(o.executionId(), o.step()));
    }

    /**
     * Waits until the execution ends and returns how. Woken by the {@code rondo_done} notification the
     * engine sends when an execution ends (no polling), with a check after listening so an end that came
     * first is never missed. A connection lost while waiting (a database restart, a failover) is replaced
     * and the wait goes on until {@code timeout}.
     *
     * @throws RondoException.UnknownExecution when no execution has this id
     * @throws RondoException.ResultTimeout   when it has not ended within {@code timeout}
     * @throws RondoException                 when the database could not be reached until {@code timeout}
     */
    public WorkflowResult result(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMillis = 50;
        while (true) {
            try {
                return awaitEnd(deadline, timeout);
            } catch (SQLException | RuntimeException e) {
                if (e instanceof RondoException || !ConnectionLoss.isCause(e)) {
                    throw e instanceof RuntimeException r ? r
                            : new RondoException("Cannot wait for execution '" + id + "': " + e.getMessage(), e);
                }
                long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMillis <= 0) {
                    throw new RondoException("Cannot wait for execution '" + id + "': the database could not be reached ("
                            + e.getMessage() + ")", e);
                }
                try {
                    Thread.sleep(Math.min(pauseMillis, leftMillis)); // then a fresh connection from the pool
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new RondoException("Interrupted while waiting for execution '" + id + "'", interrupted);
                }
                pauseMillis = Math.min(pauseMillis * 2, 1_000);
            }
        }
    }

    private WorkflowResult awaitEnd(long deadline, Duration timeout) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement listen = connection.createStatement()) {
                listen.execute("LISTEN " + Channels.DONE);
            }
            try {
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (true) {
                    WorkflowResult current = read(c -> new ExecutionDao(c).resultOf(id)) // on its own connection: this one LISTENs
                            .map(e -> new WorkflowResult(e.executionId(), ExecutionStatus.of(e.status()), e.resultJson(),
                                    e.errorJson()))
                            .orElseThrow(() -> new RondoException.UnknownExecution(id));
                    if (current.status().ended()) {
                        return current;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new RondoException.ResultTimeout(id, timeout);
                    }
                    // Any notification may be ours or another execution's: re-read either way.
                    notifications.getNotifications((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
                }
            } finally {
                if (!connection.isClosed()) {
                    try (Statement unlisten = connection.createStatement()) {
                        unlisten.execute("UNLISTEN " + Channels.DONE); // the connection may go back to a pool
                    } catch (SQLException e) {
                        // a dead connection: the pool discards it, and its LISTEN with it
                    }
                }
            }
        }
    }

    /**
     * Where the execution stands: its status and, while it waits, the await, that line of its source and
     * what it still needs.
     *
     * @throws RondoException.UnknownExecution when no workflow execution has this id
     */
    public Description describe() {
        QueryDao.Row row = read(connection -> new QueryDao(connection).describe(id))
                .orElseThrow(() -> new RondoException.UnknownExecution(id));
        List<String> waitingFor = new ArrayList<>();
        if (row.waitingFor() != null && Json.parse(row.waitingFor()) instanceof FlowArray needs) {
            needs.view().forEach(need -> waitingFor.add(String.valueOf(need)));
        }
        ExecutionStatus status = ExecutionStatus.of(row.status());
        List<String> hints = new ArrayList<>();
        if (status == ExecutionStatus.PAUSED) {
            hints.add("paused by an operator: it runs nothing until resumed ('rondo resume " + id + "'); what comes in waits");
        }
        if (status == ExecutionStatus.QUEUED || status == ExecutionStatus.WAITING || status == ExecutionStatus.PAUSED) {
            read(connection -> new QueueControl(connection).paused()).stream()
                    .filter(p -> p.queue().equals(row.queue()))
                    .forEach(p -> hints.add("queue " + p.queue() + " is paused (by " + p.pausedBy() + "): no worker claims its work"
                            + " until 'rondo queue resume " + p.queue() + "'"));
        }
        if (status == ExecutionStatus.QUEUED || status == ExecutionStatus.WAITING) {
            // flow control first: "waiting for concurrency slot acct-42 (1/1 in use)"
            read(c -> dev.rondo.store.ConcurrencyStatements.waitingFor(c, id))
                    .forEach(w -> hints.add("waiting for " + w.what() + (w.executionId().equals(id) ? "" : ": task " + w.executionId())));
            read(connection -> new QueryDao(connection).unservedQueues(id, Description.UNSERVED_MINUTES))
                    .stream().map(Description::unservedQueueHint).forEach(hints::add);
        }
        return new Description(id, row.workflow(), status, row.createdAt(), row.waitingAt(),
                sourceLine(row.source(), row.waitingAt()), List.copyOf(waitingFor), List.copyOf(hints), row.queue(),
                dev.rondo.client.internal.AttributesJson.read(row.attributes()));
    }

    /**
     * The execution's variables now: the locals of every scope open at the await it waits at, read from its
     * last checkpoint (no worker runs, nothing is replayed). A waiting execution shows where it waits; a
     * queued or running one shows its previous checkpoint, or nothing before its first; an ended one has
     * none ({@link Variables#NONE}).
     *
     * <pre>{@code
     * for (Variables.Scope scope : handle.variables().scopes())
     *     scope.variables().forEach(v -> System.out.println(v.name() + " = " + v.json()));
     * }</pre>
     *
     * @throws RondoException.UnknownExecution when no workflow execution has this id
     */
    public Variables variables() {
        QueryDao.Checkpoint checkpoint = read(connection -> new QueryDao(connection).checkpointOf(id))
                .orElseThrow(() -> new RondoException.UnknownExecution(id));
        if (checkpoint.state() == null || ExecutionStatus.of(checkpoint.status()).ended()) {
            return Variables.NONE;
        }
        return Variables.fromCheckpoint(checkpoint.state());
    }

    /**
     * The execution's log ({@code print}/{@code console.log} lines, each exactly once) after the first
     * {@code after} lines; pass the number of lines seen so far to follow a running execution.
     */
    public List<String> logs(int after) {
        return read(connection -> new QueryDao(connection).logLines(id, after));
    }

    /**
     * The {@code .flow} source of the version this execution runs (the one deployed when it started), as
     * deployed; {@code describe}'s positions point into it.
     *
     * @throws RondoException.UnknownExecution when no workflow execution has this id
     */
    public String source() {
        return read(connection -> new QueryDao(connection).sourceOf(id))
                .orElseThrow(() -> new RondoException.UnknownExecution(id));
    }

    /** The source line a {@code file:line:col} position points at, or null. */
    private static String sourceLine(String source, String position) {
        if (source == null || position == null) {
            return null;
        }
        String[] parts = position.split(":");
        if (parts.length < 3) {
            return null;
        }
        try {
            int line = Integer.parseInt(parts[parts.length - 2]);
            String[] lines = source.split("\\R", -1);
            return line >= 1 && line <= lines.length ? lines[line - 1] : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private ExecutionDao.Placement unfinished(ExecutionDao executions, String what) throws SQLException {
        var placement = executions.lockUnfinishedWorkflow(id);
        if (placement.isPresent()) {
            return placement.get();
        }
        throw executions.statusOf(id)
                .<RondoException>map(status -> new RondoException.ExecutionFinished(id, ExecutionStatus.of(status), what))
                .orElseGet(() -> new RondoException.UnknownExecution(id));
    }

    @Override
    public String toString() {
        return "WorkflowHandle[" + id + "]";
    }
}
