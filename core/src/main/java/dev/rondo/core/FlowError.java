package dev.rondo.core;

import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.Values;

/**
 * An uncaught error that ended an execution: the thrown value (usually {@code {name, message, …}}) and
 * where it was raised. {@link #toString()} is the command line's format,
 * {@code file.flow:LINE:COL: Name: message}.
 */
public record FlowError(Object value, String file, int line, int column) {

    /** The error's name ({@code TypeError}, {@code TaskError}, …), or {@code Uncaught} for a thrown non-error value. */
    public String name() {
        if (value instanceof FlowObject error && error.get("name") instanceof String name) {
            return name;
        }
        return "Uncaught";
    }

    /** The error's message, or the display string of a thrown non-error value. */
    public String message() {
        if (value instanceof FlowObject error && error.get("name") instanceof String) {
            Object message = error.get("message");
            return message == null ? "" : Values.toDisplayString(message);
        }
        return Values.toDisplayString(value);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + name() + ": " + message();
    }
}
