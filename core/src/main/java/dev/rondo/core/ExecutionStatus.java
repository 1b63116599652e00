package dev.rondo.core;

import java.util.Locale;

/**
 * Where an execution is. {@link #text()} is how the command line, the JSON output and the database's
 * {@code executions.status} column write it ({@code queued}, {@code completed}, …).
 *
 * <pre>{@code
 * if (handle.status() == ExecutionStatus.WAITING) { handle.signal("approve", new Approval("ann")); }
 * }</pre>
 */
public enum ExecutionStatus {
    /** Started; no worker has run its first slice yet. */
    QUEUED,
    /** A worker is running a slice of it now. */
    RUNNING,
    /** Waiting at an await for a task, a child workflow, a signal or a timer. */
    WAITING,
    /**
     * Paused by an operator ({@code WorkflowHandle.pause()}): no slice of it runs until it is resumed; what
     * comes in meanwhile (task outcomes, due timers, signals) waits for it.
     */
    PAUSED,
    /** Ended with a result. */
    COMPLETED,
    /** Ended with an uncaught error. */
    FAILED,
    /** Ended after a cancellation request. */
    CANCELLED,
    /** Stopped by an operator ({@code WorkflowHandle.terminate()}) without running any more of its code. */
    TERMINATED;

    /** Whether the execution has ended (it will not run again). */
    public boolean ended() {
        return this == COMPLETED || this == FAILED || this == CANCELLED || this == TERMINATED;
    }

    /** The lower-case name: {@code queued}, {@code running}, … */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status named {@code text} (either case); null for null.
     *
     * @throws IllegalArgumentException when it names no status; the message lists them
     */
    public static ExecutionStatus of(String text) {
        if (text == null) {
            return null;
        }
        for (ExecutionStatus status : values()) {
            if (status.name().equalsIgnoreCase(text)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown status '" + text
                + "'; use one of queued, running, waiting, paused, completed, failed, cancelled, terminated.");
    }
}
