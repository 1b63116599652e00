package dev.rondo.core;

import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.Values;

/**
 * An uncaught error that ended an execution: the thrown value (usually {@code {name, message, …}}) and
 * where it was raised. {@link #toString()} is the command line's format,
 * {@code file.flow:LINE:COL: Name: message}.
 */
public record FlowError(Object value, String file, int line, int column, java.util.List<String> stack) {

    /**
     * {@code stack}: the helper calls the error left, innermost first, as {@code at scaled (orders.flow:3:12)},
     * then where the workflow body stood ({@code at orders.flow:8:1}); empty when raised in the body itself.
     */
    public FlowError {
        stack = stack == null ? java.util.List.of() : java.util.List.copyOf(stack);
    }

    public FlowError(Object value, String file, int line, int column) {
        this(value, file, line, column, java.util.List.of());
    }

    /** The error's name ({@code TypeError}, {@code TaskError}, …), or {@code Uncaught} for a thrown non-error value. */
    public String name() {
        if (value instanceof FlowObject error && error.get("name") instanceof String name) {
            return name;
        }
        return "Uncaught";
    }

    /** How much of a message is shown: a thrown value can stand for gigabytes of text. */
    public static final int MESSAGE_PREVIEW = 10_000;

    /**
     * The error's message, or the display string of a thrown non-error value; cut after
     * {@value #MESSAGE_PREVIEW} characters (ending in {@code …}). The whole value is {@link #value()}.
     */
    public String message() {
        if (value instanceof FlowObject error && error.get("name") instanceof String) {
            Object message = error.get("message");
            return message == null ? "" : Values.toDisplayPreview(message, MESSAGE_PREVIEW);
        }
        return Values.toDisplayPreview(value, MESSAGE_PREVIEW);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + name() + ": " + message();
    }

    /** {@link #toString()} followed by the stack of helper calls, one indented line each. */
    public String withStack() {
        StringBuilder text = new StringBuilder(toString());
        for (String call : stack) {
            text.append("\n    ").append(call);
        }
        return text.toString();
    }
}
