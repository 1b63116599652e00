package dev.rondo.worker.internal;

import dev.rondo.core.FlowError;
import dev.rondo.core.Outcome;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Json;
import dev.rondo.store.SliceDao;
import java.util.ArrayList;
import java.util.List;

/** Translates between the store's rows and the interpreter's outcomes and errors. */
final class Outcomes {

    static final String RESOLVED = "resolved";
    static final String TASK_FAILED = "task_failed";
    static final String CHILD_FAILED = "child_failed";

    private Outcomes() {}

    /** The outcomes of pending rows, in their order; rows for other sources are skipped. */
    static List<Outcome> of(List<SliceDao.Pending> pending) {
        List<Outcome> outcomes = new ArrayList<>(pending.size());
        for (SliceDao.Pending p : pending) {
            outcomes.add(switch (p.kind()) {
                case RESOLVED -> new Outcome.Resolved(p.promise(), Json.parse(p.payload()));
                case TASK_FAILED -> taskFailed(p.promise(), p.payload());
                case CHILD_FAILED -> new Outcome.ChildFailed(p.promise(), Json.parse(p.payload()));
                case "cancel" -> new Outcome.CancelRequested();
                case "timer" -> new Outcome.TimerFired(p.promise());
                case "signal" -> new Outcome.SignalArrived(p.name(), p.id(), Json.parse(p.payload()));
                default -> throw new IllegalStateException("unknown inbox kind " + p.kind());
            });
        }
        return outcomes;
    }

    private static Outcome taskFailed(int promise, String payload) {
        FlowObject failure = (FlowObject) Json.parse(payload);
        Object attempts = failure.get("attempts");
        return new Outcome.TaskFailed(promise, String.valueOf(failure.get("message")),
                attempts instanceof Number n ? n.intValue() : 1, failure.get("details"));
    }

    /** A task's final failure as stored: {@code {message, attempts, details}}. */
    static String taskFailure(String message, int attempts, String detailsJson) {
        FlowObject failure = new FlowObject();
        failure.put("message", message);
        failure.put("attempts", (double) attempts);
        failure.put("details", detailsJson == null ? null : Json.parse(detailsJson));
        return Json.write(failure);
    }

    /**
     * An uncaught error as stored in {@code executions.error}: the thrown error object (or
     * {@code {name: "Uncaught", message, value}} for a thrown non-object) with {@code file}, {@code line}
     * and {@code column} added, and the stack of helper calls ({@code stack}) when it was raised inside one.
     */
    static String errorJson(FlowError error) {
        FlowObject stored = error.value() instanceof FlowObject object ? object.copy() : uncaught(error);
        stored.put("file", error.file());
        stored.put("line", (double) error.line());
        stored.put("column", (double) error.column());
        if (!error.stack().isEmpty()) {
            dev.rondo.core.value.FlowArray stack = new dev.rondo.core.value.FlowArray();
            error.stack().forEach(stack::add);
            stored.put("stack", stack);
        }
        return Json.write(stored);
    }

    private static FlowObject uncaught(FlowError error) {
        FlowObject wrapped = new FlowObject();
        wrapped.put("name", error.name());
        wrapped.put("message", error.message());
        wrapped.put("value", error.value());
        return wrapped;
    }

    /** An error object {@code {name, message}} as JSON text. */
    static String error(String name, String message) {
        return Json.write(FlowThrow.errorObject(name, message));
    }
}
