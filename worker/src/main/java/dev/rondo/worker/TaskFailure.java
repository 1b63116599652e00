package dev.rondo.worker;

import dev.rondo.core.RondoException;

/**
 * Thrown by a task handler to fail an attempt with a message (the Flow {@code TaskError}'s
 * {@code message}) and optional details (its {@code details}, any value Jackson can write). Any other
 * exception fails the attempt too, with the exception's message, and is retried.
 *
 * <pre>{@code
 * throw TaskFailure.permanent("Card declined").withDetails(Map.of("code", "insufficient_funds"));
 * }</pre>
 */
public final class TaskFailure extends RondoException {

    private final boolean retryable;
    private final transient Object details;

    private TaskFailure(String message, boolean retryable, Object details, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.details = details;
    }

    /** A failure that another attempt may fix (attempts and backoff as the task's options say). */
    public static TaskFailure retryable(String message) {
        return new TaskFailure(message, true, null, null);
    }

    /** A failure no retry can fix: the task fails at once, whatever attempts are left. */
    public static TaskFailure permanent(String message) {
        return new TaskFailure(message, false, null, null);
    }

    /** The same failure carrying {@code details} (written as JSON into the {@code TaskError}). */
    public TaskFailure withDetails(Object details) {
        return new TaskFailure(getMessage(), retryable, details, getCause());
    }

    /** The same failure with its cause attached (for logs; the workflow sees only message and details). */
    public TaskFailure withCause(Throwable cause) {
        return new TaskFailure(getMessage(), retryable, details, cause);
    }

    public boolean retryable() {
        return retryable;
    }

    public Object details() {
        return details;
    }
}
