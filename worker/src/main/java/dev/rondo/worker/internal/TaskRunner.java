package dev.rondo.worker.internal;

import dev.rondo.core.IdempotencyKeys;
import dev.rondo.core.Limits;
import dev.rondo.core.Retries;
import dev.rondo.core.TaskOptions;
import dev.rondo.core.value.Json;
import dev.rondo.store.QueueStatements;
import dev.rondo.store.Transactions;
import dev.rondo.worker.TaskContext;
import dev.rondo.worker.TaskFailure;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one attempt of a task (ARCHITECTURE.md, "Tasks"): calls the handler on a {@link HandlerPool} thread, enforces
 * the attempt's timeout and heartbeat timeout, and then ends the task (through the batching
 * {@link TaskFinisher}) or schedules the next attempt with exponential backoff and jitter.
 */
final class TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);
    /** How long an interrupted handler may take to finish before its attempt is handed back. */
    private static final long INTERRUPT_GRACE_MILLIS = 2_000;

    private final DataSource dataSource;
    private final String owner;
    private final Handlers handlers;
    private final TaskFinisher finisher;
    private final Limits limits;
    private final Telemetry telemetry;

    TaskRunner(DataSource dataSource, String owner, Handlers handlers, TaskFinisher finisher, Limits limits) {
        this(dataSource, owner, handlers, finisher, limits, Telemetry.NONE);
    }

    TaskRunner(DataSource dataSource, String owner, Handlers handlers, TaskFinisher finisher, Limits limits,
               Telemetry telemetry) {
        this.telemetry = telemetry;
        this.dataSource = dataSource;
        this.owner = owner;
        this.handlers = handlers;
        this.finisher = finisher;
        this.limits = limits;
    }

    /** How an attempt ended, before it is written down. */
    private record Ending(boolean ok, String json, String message, boolean retryable, String detailsJson) {
        static Ending success(String json) {
            return new Ending(true, json, null, false, null);
        }

        static Ending failure(String message, boolean retryable, String detailsJson) {
            return new Ending(false, null, message, retryable, detailsJson);
        }
    }

    /**
     * Runs the attempt and records its end. A retry is committed before this returns; a task's end is only
     * queued with the batching finisher: the returned future completes once it is committed (true) or
     * known lost (false), so the caller can free the attempt's slot at once and keep the item held until
     * then. Returns null when nothing is left pending.
     */
    CompletableFuture<Boolean> run(QueueStatements.Claimed task, InFlight.Item held, HandlerPool.Slot slot) {
        TaskOptions options = TaskOptionsJson.read(task.options());
        int attempt = task.attempt() + 1;
        Telemetry.Attempt report = telemetry.attempt(task.executionId(), task.name(), attempt, task.traceContext());
        Ending ending = attempt(task, options, attempt, held, slot, report);
        if (ending == null) {
            report.ended(Telemetry.AttemptOutcome.RELEASED, null);
            return null; // interrupted by shutdownNow: the attempt was handed back
        }
        held.ending = true; // its end (or retry) is committed next; the item may go before it is released
        boolean retry = !ending.ok() && Retries.retry(options, attempt, ending.retryable());
        try {
            return record(task, options, attempt, ending);
        } finally {
            report.ended(ending.ok() ? Telemetry.AttemptOutcome.COMPLETED
                    : retry ? Telemetry.AttemptOutcome.RETRY : Telemetry.AttemptOutcome.FAILED, ending.message());
        }
    }

    private Ending attempt(QueueStatements.Claimed task, TaskOptions options, int attempt, InFlight.Item held,
                           HandlerPool.Slot slot, Telemetry.Attempt report) {
        Handlers.Invocation handler = handlers.get(task.name());
        if (handler == null) {
            return Ending.failure("No handler for task '" + task.name() + "' on this worker (it handles: "
                    + (handlers.names().isEmpty() ? "no tasks" : String.join(", ", handlers.names()))
                    + "). Register one with Worker.builder(…).task(\"" + task.name() + "\", …) on every worker of its queue.",
                    false, null);
        }
        Context context = new Context(task, attempt, options, held);
        HandlerPool.Running running = slot.start(task.name(), task.executionId(),
                report.wrap(() -> handler.run(task.input(), context)));
        CompletableFuture<String> result = running.result;
        long deadline = System.nanoTime() + seconds(options.timeout());
        try {
            while (true) {
                long now = System.nanoTime();
                long wait = deadline - now;
                if (options.heartbeatTimeout() != null) {
                    wait = Math.min(wait, context.lastBeat + seconds(options.heartbeatTimeout()) - now);
                }
                if (wait <= 0) {
                    // failed now, whether or not the handler heeds the interrupt: a late result is discarded
                    running.abandon();
                    if (deadline - now <= 0) {
                        return Ending.failure(Retries.timedOut(task.name(), options.timeout()), true, null);
                    }
                    return Ending.failure(Retries.noHeartbeat(task.name(), options.heartbeatTimeout()), true, null);
                }
                try {
                    return ended(task, result.get(wait, TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    // look at the deadlines again
                }
            }
        } catch (ExecutionException e) {
            return failed(task, e.getCause());
        } catch (InterruptedException e) {
            return afterInterrupt(task, running);
        }
    }

    /**
     * shutdownNow interrupted the attempt. A handler that still returns (it finished its work, or ignores
     * interrupts and finishes soon) has its result kept, so its effect is not done twice; one that stops
     * with an exception, or keeps running, is handed back without counting as an attempt. Returns null
     * when handed back.
     */
    private Ending afterInterrupt(QueueStatements.Claimed task, HandlerPool.Running running) {
        running.interrupt();
        try {
            String json = uninterruptibly(running.result, INTERRUPT_GRACE_MILLIS);
            Thread.currentThread().interrupt();
            return ended(task, json);
        } catch (ExecutionException | TimeoutException stopped) {
            running.abandon();
            release(task);
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static <T> T uninterruptibly(CompletableFuture<T> future, long millis) throws ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (true) {
            try {
                return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException again) {
                // keep waiting: the point is to see how the handler ends
            }
        }
    }

    /** A result is checked before it is committed: a bad one fails the attempt for good, with a message the workflow can catch. */
    private Ending ended(QueueStatements.Claimed task, String json) {
        String problem = HandlerOutput.problem(json, limits);
        if (problem != null) {
            return Ending.failure("Task '" + task.name() + "' returned " + problem + ".", false, null);
        }
        return Ending.success(json);
    }

    private Ending failed(QueueStatements.Claimed task, Throwable thrown) {
        if (!(thrown instanceof TaskFailure)) {
            LOG.warn("Task {} ({}) failed", task.executionId(), task.name(), thrown);
        }
        Handlers.Failure failure = handlers.failure(thrown);
        // the message is kept whatever the details are: details that cannot be stored are replaced by a note
        String details = failure.detailsJson();
        String problem = details == null ? null : HandlerOutput.problem(details, limits);
        if (problem != null) {
            details = Json.write("The details of this failure were not kept: they were " + problem + ".");
        }
        return Ending.failure(HandlerOutput.withoutNul(failure.message()), failure.retryable(), details);
    }

    private CompletableFuture<Boolean> record(QueueStatements.Claimed task, TaskOptions options, int attempt, Ending ending) {
        if (ending.ok()) {
            return finisher.finish(task.itemId(), Outcomes.RESOLVED, ending.json(), attempt);
        }
        if (Retries.retry(options, attempt, ending.retryable())) {
            double delay = Retries.delayAfter(options, attempt, ThreadLocalRandom.current()::nextDouble);
            String error = Outcomes.taskFailure(ending.message(), attempt, ending.detailsJson());
            Transactions.autocommit(dataSource, connection -> {
                QueueStatements.retryTask(connection, owner, task.itemId(), task.attempt(), attempt, error, delay);
                return null;
            });
            return null;
        }
        return finisher.finish(task.itemId(), Outcomes.TASK_FAILED,
                Outcomes.taskFailure(ending.message(), attempt, ending.detailsJson()), attempt);
    }

    /** shutdownNow interrupted the attempt: hand it back at once, not counted as an attempt. */
    private void release(QueueStatements.Claimed task) {
        try {
            Transactions.autocommit(dataSource, connection -> {
                QueueStatements.retryTask(connection, owner, task.itemId(), task.attempt(), task.attempt(), null, 0);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not hand task {} back; its lease will run out and it will run again", task.executionId(), e);
        }
    }

    private static long seconds(double seconds) {
        return (long) (seconds * 1_000_000_000L);
    }

    /** The context a handler sees. */
    private static final class Context implements TaskContext {
        private final QueueStatements.Claimed task;
        private final int attempt;
        private final TaskOptions options;
        private final InFlight.Item held;
        private volatile long lastBeat = System.nanoTime();

        Context(QueueStatements.Claimed task, int attempt, TaskOptions options, InFlight.Item held) {
            this.task = task;
            this.attempt = attempt;
            this.options = options;
            this.held = held;
        }

        @Override
        public String executionId() {
            return task.executionId();
        }

        @Override
        public String workflowId() {
            return task.parentId();
        }

        @Override
        public String taskName() {
            return task.name();
        }

        @Override
        public int attempt() {
            return attempt;
        }

        @Override
        public int maxAttempts() {
            return options.maxAttempts();
        }

        @Override
        public String idempotencyKey() {
            return IdempotencyKeys.of(task.parentId(), options.key(), task.executionId());
        }

        @Override
        public void heartbeat() {
            lastBeat = System.nanoTime();
        }

        @Override
        public boolean cancelled() {
            return held.cancelled;
        }

        @Override
        public boolean leaseAtRisk() {
            return held.leaseAtRisk();
        }
    }
}
