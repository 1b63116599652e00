package dev.rondo.store;

import java.util.Locale;

/** Where an execution is: the {@code status} column of {@code executions}. */
public enum ExecutionStatus {
    QUEUED,
    RUNNING,
    WAITING,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** Whether the execution has ended (it will not run again). */
    public boolean ended() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** The column's text. */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status whose column text is {@code text}; null for null. */
    public static ExecutionStatus of(String text) {
        return text == null ? null : valueOf(text.toUpperCase(Locale.ROOT));
    }
}
