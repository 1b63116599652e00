package dev.rondo.core;

import dev.rondo.core.ast.Span;
import dev.rondo.core.internal.codec.CheckpointCodec;
import dev.rondo.core.internal.interp.Interpreter;
import dev.rondo.core.internal.interp.PromiseEntry;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Json;
import dev.rondo.core.value.Values;
import java.util.List;

/**
 * One execution of a workflow, run stretch by stretch. The engine (or the in-process driver) calls
 * {@link #run} with the outcomes that arrived, commits the effects and {@link #checkpointJson()} of each
 * suspended stretch together, and after a crash rebuilds the execution with {@link #restore}.
 *
 * <pre>{@code
 * Execution execution = Execution.start(executable, input, context, Limits.DEFAULTS);
 * Slice slice = execution.run(List.of(), System.currentTimeMillis());
 * String saved = execution.checkpointJson();          // while slice.suspended()
 * Execution again = Execution.restore(executable, saved, Limits.DEFAULTS);
 * slice = again.run(List.of(new Outcome.Resolved(0, result)), System.currentTimeMillis());
 * }</pre>
 */
public final class Execution {

    private final Executable executable;
    private final Interpreter interpreter;
    private final Limits limits;
    /** The checkpoint of the last stretch, when it suspended; written by {@link #run}, within the limit. */
    private String checkpoint;

    private Execution(Executable executable, Interpreter interpreter, Limits limits) {
        this.executable = executable;
        this.interpreter = interpreter;
        this.limits = limits;
    }

    /** A new execution; {@code context} is what the program reads as {@code Context}. */
    public static Execution start(Executable executable, Object input, FlowObject context, Limits limits) {
        return new Execution(executable, Interpreter.start(executable.linked(), input, context, limits), limits);
    }

    /** Rebuilds a suspended execution from its checkpoint; the next {@link #run} goes on from the await. */
    public static Execution restore(Executable executable, String checkpointJson, Limits limits) {
        return new Execution(executable,
                Interpreter.restore(executable.linked(), CheckpointCodec.read(checkpointJson), limits), limits);
    }

    /**
     * The {@code Context} value for a new execution; a {@code rondo run}'s private workflow and queue show as
     * the names the user gave ({@link RunNames}).
     */
    public static FlowObject context(String executionId, String workflow, String queue, String parentId, String startedAt) {
        return context(executionId, workflow, queue, parentId, startedAt, null);
    }

    /**
     * The {@code Context} of an execution a schedule started: {@code scheduledAt} is its fire time (ISO-8601
     * text with milliseconds, as {@code startedAt}), null for an execution no schedule started.
     */
    public static FlowObject context(String executionId, String workflow, String queue, String parentId, String startedAt,
                                     String scheduledAt) {
        FlowObject context = new FlowObject();
        context.put("executionId", executionId);
        context.put("workflow", RunNames.shownWorkflow(workflow));
        context.put("queue", RunNames.shownQueue(queue));
        context.put("parentId", parentId);
        context.put("startedAt", isoMillis(startedAt));
        context.put("scheduledAt", scheduledAt);
        return context;
    }

    private static final java.time.format.DateTimeFormatter ISO_MILLIS =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /**
     * An instant as ISO-8601 text in UTC, always with milliseconds ({@code 2026-12-07T10:00:00.000Z}), so
     * that such texts sort as the instants do (LANGUAGE.md §7: {@code Date.iso()}, {@code Context.startedAt}).
     */
    public static String isoMillis(long epochMillis) {
        return ISO_MILLIS.format(java.time.Instant.ofEpochMilli(epochMillis));
    }

    /** {@link #isoMillis(long)} of an instant given as text (any ISO-8601 form); text that is no instant is kept. */
    static String isoMillis(String instant) {
        if (instant == null) {
            return null;
        }
        try {
            return isoMillis(java.time.OffsetDateTime.parse(instant).toInstant().toEpochMilli());
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return isoMillis(java.time.Instant.parse(instant).toEpochMilli());
            } catch (java.time.format.DateTimeParseException again) {
                return instant;
            }
        }
    }

    /**
     * Applies the outcomes (in the order they happened; pass every unconsumed signal each time) and runs
     * until the program waits or ends.
     */
    public Slice run(List<Outcome> outcomes, long nowMillis) {
        Interpreter.Stretch stretch = interpreter.run(outcomes, nowMillis);
        String file = executable.program().file();
        checkpoint = null;
        return switch (stretch.status()) {
            case SUSPENDED -> suspended(stretch, file);
            case FAILED -> new Slice(stretch.cancelled() ? Slice.Status.CANCELLED : Slice.Status.FAILED,
                    stretch.effects(), null, storable(error(file, stretch.error())), null, List.of());
            case COMPLETED -> completed(stretch, file);
        };
    }

    /**
     * Writes the checkpoint at once, so that the engine and the in-process driver refuse the same states:
     * one over the limit fails the execution with a {@code LimitError} at the await (the writing stops as
     * soon as it passes the limit).
     */
    private Slice suspended(Interpreter.Stretch stretch, String file) {
        try {
            checkpoint = CheckpointCodec.write(interpreter.checkpoint(), limits.maxCheckpointBytes());
        } catch (CheckpointCodec.TooLarge tooLarge) {
            FlowThrow error = FlowThrow.limitError("The workflow's state at this await is over the "
                    + Limits.bytesText(limits.maxCheckpointBytes()) + " checkpoint limit; keep less data in"
                    + " variables across awaits.");
            return new Slice(Slice.Status.FAILED, stretch.effects(), null,
                    error(file, error.at(stretch.waitingAt())), null, List.of());
        }
        return new Slice(Slice.Status.SUSPENDED, stretch.effects(), null, null, where(file, stretch.waitingAt()),
                stretch.waitingFor().stream().map(Execution::describe).toList());
    }

    private Slice completed(Interpreter.Stretch stretch, String file) {
        Object result = stretch.result();
        Span at = stretch.waitingAt() == null ? new Span(1, 1, 1, 1) : stretch.waitingAt();
        FlowThrow bad;
        try {
            String json = Json.write(result);
            if (limits.payloadTooLarge(json)) {
                bad = tooLargeResult();
            } else {
                String problem = StoredText.jsonProblem("workflow's result", json, result);
                bad = problem == null ? null : FlowThrow.rangeError(problem);
            }
        } catch (FlowThrow unwritable) {
            // Past the string limit while writing (a value sharing its parts can stand for terabytes).
            bad = "LimitError".equals(new FlowError(unwritable.value(), "", 0, 0).name()) ? tooLargeResult() : unwritable;
        }
        if (bad != null) {
            return new Slice(Slice.Status.FAILED, stretch.effects(), null, error(file, bad.at(at)), null, List.of());
        }
        return new Slice(stretch.cancelled() ? Slice.Status.CANCELLED : Slice.Status.COMPLETED, stretch.effects(),
                result, null, null, List.of());
    }

    private FlowThrow tooLargeResult() {
        return FlowThrow.limitError("The workflow's result is larger than the " + limits.payloadLimitText() + " limit.");
    }

    /** The checkpoint of a suspended execution as JSON text (exact: key order, numbers, any Unicode). */
    public String checkpointJson() {
        if (checkpoint == null) {
            throw new IllegalStateException("only a suspended execution has a checkpoint");
        }
        return checkpoint;
    }

    /**
     * The error as the execution's end may store it: one whose value is over the payload limit (such as
     * {@code throw [s, s]} with a 9 MB string) becomes a {@code LimitError} at the same place that begins
     * with its message, as an over-size result does.
     */
    private FlowError storable(FlowError error) {
        boolean tooLarge;
        try {
            tooLarge = limits.payloadTooLarge(Json.write(error.value()));
        } catch (FlowThrow unwritable) {
            // Over the string limit while writing (so over the payload limit too), or a promise inside,
            // which is stored as the engine stores any thrown value.
            tooLarge = "LimitError".equals(new FlowError(unwritable.value(), "", 0, 0).name());
        }
        if (!tooLarge) {
            return error;
        }
        FlowThrow replaced = FlowThrow.limitError("The workflow's uncaught error is larger than the "
                + limits.payloadLimitText() + " limit; it was " + error.name() + ": "
                + Values.toDisplayPreview(error.message(), 200));
        return new FlowError(replaced.value(), error.file(), error.line(), error.column(), error.stack());
    }

    private static String where(String file, Span span) {
        return span == null ? null : file + ":" + span.line() + ":" + span.column();
    }

    private static FlowError error(String file, FlowThrow thrown) {
        Span span = thrown.span() == null ? new Span(1, 1, 1, 1) : thrown.span();
        List<String> stack = new java.util.ArrayList<>(thrown.inherited());
        for (FlowThrow.Call call : thrown.calls()) {
            stack.add(FlowThrow.line(call.function(), file, call.at() == null ? span : call.at()));
        }
        if (!stack.isEmpty()) {
            stack.add(FlowThrow.line(null, file, thrown.bodySpan()));
        }
        return new FlowError(thrown.value(), file, span.line(), span.column(), stack);
    }

    private static String describe(PromiseEntry entry) {
        return switch (entry.kind()) {
            case TASK -> "task " + entry.label();
            case WORKFLOW -> "workflow " + entry.label();
            case SIGNAL -> "signal " + entry.label();
            case TIMER -> "timer";
            default -> entry.kind().name().toLowerCase();
        };
    }
}
