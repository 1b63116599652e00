package dev.rondo.core.value;

import dev.rondo.core.ast.Span;

/**
 * A Flow {@code throw} travelling through the Java stack: the thrown Flow value (usually an error object
 * {@code {name, message, …}}), and where it was raised once the interpreter knows. Built-ins throw these
 * through the factories ({@link #typeError}, …); the interpreter adds the span of the node that called them.
 *
 * <p>No Java stack trace is captured: a Flow error is control flow for the interpreter, not a bug report.
 */
public final class FlowThrow extends RuntimeException {

    private final Object value;
    private Span span;
    private boolean fatal;
    /** The helper calls the error has left, innermost first, each with where in it the error stood. */
    private java.util.List<Call> calls;
    /** Where the error stands in the frame it has reached (the call site of the last function it left). */
    private Span cursor;

    /** One helper call on the error's way out: the function's name and where in it the error was. */
    public record Call(String function, Span at) {}

    public FlowThrow(Object value, Span span) {
        super(null, null, false, false);
        this.value = value;
        this.span = span;
    }

    public FlowThrow(Object value) {
        this(value, null);
    }

    /** An error object {@code {name, message}}. */
    public static FlowObject errorObject(String name, String message) {
        FlowObject error = new FlowObject();
        error.put("name", name);
        error.put("message", message);
        return error;
    }

    public static FlowThrow error(String name, String message) {
        return new FlowThrow(errorObject(name, message));
    }

    public static FlowThrow typeError(String message) {
        return error("TypeError", message);
    }

    public static FlowThrow rangeError(String message) {
        return error("RangeError", message);
    }

    public static FlowThrow syntaxError(String message) {
        return error("SyntaxError", message);
    }

    public static FlowThrow limitError(String message) {
        return error("LimitError", message);
    }

    /**
     * Marks this error as one no {@code catch} or {@code finally} may see: the operations limit, which
     * would otherwise be raised again by the handler's first statement, at the wrong place.
     */
    public FlowThrow fatal() {
        fatal = true;
        return this;
    }

    public boolean isFatal() {
        return fatal;
    }

    /** The thrown Flow value. */
    public Object value() {
        return value;
    }

    /** Where it was raised, or {@code null} when not yet known. */
    public Span span() {
        return span;
    }

    /** Sets the position when none is set yet (the innermost node that knows wins). */
    public FlowThrow at(Span where) {
        if (span == null) {
            span = where;
        }
        return this;
    }

    /** Records that the error leaves the function {@code function}, called at {@code callSite}. */
    public FlowThrow leaving(String function, Span callSite) {
        if (calls == null) {
            calls = new java.util.ArrayList<>();
        }
        calls.add(new Call(function, cursor != null ? cursor : span));
        cursor = callSite;
        return this;
    }

    /** The stack of an async call whose rejection this error rethrows at an await, innermost first. */
    private java.util.List<String> inherited;

    public FlowThrow inherit(java.util.List<String> lines) {
        inherited = lines;
        return this;
    }

    public java.util.List<String> inherited() {
        return inherited == null ? java.util.List.of() : inherited;
    }

    /** One line of a helper stack: {@code at name (file:line:col)}. */
    public static String line(String function, String file, Span at) {
        String where = at == null ? file : file + ":" + at.line() + ":" + at.column();
        return function == null ? "at " + where : "at " + function + " (" + where + ")";
    }

    /** The helper calls the error left, innermost first (empty when raised in the workflow body). */
    public java.util.List<Call> calls() {
        return calls == null ? java.util.List.of() : calls;
    }

    /** Where the error stands in the workflow body: its own position, or the call that led to it. */
    public Span bodySpan() {
        return cursor != null ? cursor : span;
    }

    /** {@code name: message} for error objects, the display string otherwise. */
    @Override
    public String getMessage() {
        if (value instanceof FlowObject error && error.get("name") instanceof String name) {
            Object message = error.get("message");
            return name + ": " + (message == null ? "" : Values.toDisplayPreview(message, 10_000));
        }
        return "Uncaught " + Values.toDisplayPreview(value, 10_000);
    }
}
