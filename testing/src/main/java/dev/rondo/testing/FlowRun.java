package dev.rondo.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.client.WorkflowResult.ExecutionError;
import dev.rondo.core.FlowError;
import dev.rondo.core.Slice;
import dev.rondo.core.driver.LocalRun;
import dev.rondo.testing.internal.FlowValues;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One workflow run started by {@link FlowTest#start}: send it signals, move its virtual clock, cancel it,
 * and look at what it did. Every method that delivers or moves time runs the workflow as far as it can
 * go by then, so the run is always settled when the method returns.
 *
 * <pre>{@code
 * FlowRun run = env.start("orders/approve", "{\"orderId\": 7}");
 * assertEquals(List.of("waiting for approval"), run.logs());
 * run.signal("approve", "{\"by\": \"ada\"}");
 * run.advance(Duration.ofHours(1));
 * assertEquals(FlowRun.Status.COMPLETED, run.status());
 * assertEquals("approved", run.result(String.class));
 * }</pre>
 */
public final class FlowRun {

    /**
     * One attempt of a task, in the order they started (child workflows' tasks included).
     *
     * @param workflowId the execution that started it ({@code local-1} for the started workflow)
     * @param attempt    from 1; a retry is another attempt of the same task
     * @param at         the virtual time the attempt started
     * @param idempotencyKey the key the handler gets as {@code ctx.idempotencyKey()}: {@code <workflow id>/<key>}
     *                   when the workflow gave {@code options.key}, else the task's id; the same for every attempt
     */
    public record Attempt(String workflowId, String task, JsonNode input, int attempt, Instant at,
            String idempotencyKey) {}

    /**
     * Where a run stands; a run is always settled between calls, so it is never seen running. The names are
     * the client's status strings ({@code waiting}, {@code completed}, …) in capitals.
     */
    public enum Status {
        /** Waits at an await: for a task, a signal, a timer or a child workflow ({@link #waitingFor()}). */
        WAITING,
        /** Returned a value ({@link #result(Class)}). */
        COMPLETED,
        /** Ended with an uncaught error ({@link #error()}). */
        FAILED,
        /**
         * Ended by {@link #cancel()}: its CancelledError left the workflow ({@link #error()}); one that
         * caught it and returned is {@link #COMPLETED}.
         */
        CANCELLED
    }

    /** A signal the workflow consumed with {@code Signal.next}, in order. */
    public record Signal(String name, JsonNode payload) {}

    /** A timer the workflow started, when it fires, and whether the virtual clock has reached that time. */
    public record Timer(Instant fireAt, boolean fired) {}

    private final LocalRun run;
    private final TaskAnswers answers;
    private final ObjectMapper mapper;
    private final long startMillis;

    FlowRun(LocalRun run, TaskAnswers answers, ObjectMapper mapper) {
        this.run = run;
        this.answers = answers;
        this.mapper = mapper;
        this.startMillis = run.now();
    }

    /** Sends signal {@code name} with {@code payloadJson} (JSON text) now, and runs what it wakes. */
    public FlowRun signal(String name, String payloadJson) {
        return signalAt(now(), name, payloadJson);
    }

    /** Sends signal {@code name} when the virtual clock reaches {@code at} (now, if that has passed). */
    public FlowRun signalAt(Instant at, String name, String payloadJson) {
        run.signal(at.toEpochMilli(), name, FlowValues.parse(payloadJson, "the payload of signal '" + name + "'"));
        run.runUntil(run.now());
        return this;
    }

    /** Sends signal {@code name} after {@code delay} of virtual time from now. */
    public FlowRun signalAfter(Duration delay, String name, String payloadJson) {
        return signalAt(now().plus(delay), name, payloadJson);
    }

    /**
     * Requests cancellation now: {@code CancelledError} is thrown once, at the workflow's await; its
     * {@code catch}/{@code finally} then runs (awaiting its compensations) to the end. A second call does
     * nothing new.
     */
    public FlowRun cancel() {
        run.cancel(run.now());
        run.runUntil(run.now());
        return this;
    }

    /** Moves the virtual clock forward by {@code duration}, running everything that comes due. */
    public FlowRun advance(Duration duration) {
        return runUntil(now().plus(duration));
    }

    /** Moves the virtual clock to {@code time}, running everything that comes due by then. */
    public FlowRun runUntil(Instant time) {
        run.runUntil(time.toEpochMilli());
        return this;
    }

    /**
     * Moves the virtual clock from event to event until the workflow ends or nothing more is scheduled
     * (it then waits for a signal).
     */
    public FlowRun runUntilIdle() {
        run.runUntilIdle();
        return this;
    }

    /** The virtual time now. */
    public Instant now() {
        return Instant.ofEpochMilli(run.now());
    }

    /** Virtual time since the start. */
    public Duration elapsed() {
        return Duration.ofMillis(run.now() - startMillis);
    }

    /** {@code WAITING} while the workflow waits; {@code COMPLETED}, {@code FAILED} or {@code CANCELLED} once it ended. */
    public Status status() {
        return switch (run.lastSlice().status()) {
            case SUSPENDED -> Status.WAITING;
            case COMPLETED -> Status.COMPLETED;
            case FAILED -> Status.FAILED;
            case CANCELLED -> Status.CANCELLED;
        };
    }

    /** The result read by Jackson as {@code type}; an {@link AssertionError} saying why when it did not complete. */
    public <T> T result(Class<T> type) {
        return read(mapper.constructType(type));
    }

    /** The result read by Jackson as a generic type, e.g. {@code new TypeReference<List<Item>>() {}}. */
    public <T> T result(TypeReference<T> type) {
        return read(mapper.constructType(type));
    }

    /** The result as JSON text; an {@link AssertionError} saying why when it did not complete. */
    public String resultJson() {
        Slice last = run.lastSlice();
        if (last.status() != Slice.Status.COMPLETED) {
            throw new AssertionError("Expected the workflow to have completed, but it " + describe() + ".");
        }
        return FlowValues.toJson(last.result());
    }

    /** The uncaught error of a failed or cancelled run (name, message and {@code file:line:col}); null otherwise. */
    public ExecutionError error() {
        FlowError error = run.lastSlice().error();
        return error == null ? null
                : new ExecutionError(error.name(), error.message(), error.file(), error.line(), error.column());
    }

    /** The lines the workflow printed, in order. */
    public List<String> logs() {
        return run.log();
    }

    /** Every task attempt so far, in order. */
    public List<Attempt> tasks() {
        return answers.attempts();
    }

    /** The attempts of task {@code task}, in order. */
    public List<Attempt> tasks(String task) {
        return tasks().stream().filter(a -> a.task().equals(task)).toList();
    }

    /** The signals the workflow consumed, in order. */
    public List<Signal> signalsConsumed() {
        return run.consumedSignals().stream()
                .map(s -> new Signal(s.name(), FlowValues.toTree(s.payload(), mapper))).toList();
    }

    /** The timers the workflow started, in order. */
    public List<Timer> timers() {
        return run.timers().stream()
                .map(t -> new Timer(Instant.ofEpochMilli(t.fireAtMillis()), t.fireAtMillis() <= run.now())).toList();
    }

    /** Where the workflow waits ({@code file:line:col}), or null once it ended. */
    public String waitingAt() {
        return run.lastSlice().waitingAt();
    }

    /** What it waits for ({@code task quote}, {@code signal approve}, {@code timer}, …); empty once it ended. */
    public List<String> waitingFor() {
        return run.lastSlice().waitingFor();
    }

    private <T> T read(JavaType type) {
        String json = resultJson();
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("The workflow's result does not fit " + type.getRawClass().getSimpleName() + ": "
                    + e.getOriginalMessage() + "\nThe result: " + json, e);
        }
    }

    private String describe() {
        Slice last = run.lastSlice();
        String how = switch (last.status()) {
            case SUSPENDED -> "still waits at " + last.waitingAt() + " for " + String.join(", ", last.waitingFor())
                    + " (virtual time " + now() + "; send a signal or advance the clock)";
            case FAILED -> "failed: " + last.error();
            case CANCELLED -> last.error() != null ? "was cancelled: " + last.error() : "was cancelled";
            case COMPLETED -> "completed";
        };
        List<String> log = run.log();
        return how + (log.isEmpty() ? "" : "\nIts log:\n  " + String.join("\n  ", log));
    }
}
