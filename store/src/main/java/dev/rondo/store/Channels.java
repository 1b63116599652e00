package dev.rondo.store;

/**
 * The NOTIFY channels of the engine, named once: the {@code .sql} files write them as
 * {@code {{work_channel}}}, {@code {{done_channel}}}, {@code {{schedules_channel}}} and {@code {{admit_channel}}}, which {@link Sql} and {@link StatementText} replace
 * by these names when they read a file.
 */
public final class Channels {

    /** Payload: a queue name. Sent when that queue got work that is due now; workers LISTEN here. */
    public static final String WORK = "rondo_work";

    /** Payload: an execution id (cut to 1,000 characters past 4,000 bytes). Sent when that execution ended. */
    public static final String DONE = "rondo_done";

    /** Payload: a schedule's name. Sent when a schedule was created, changed or resumed; workers' firers LISTEN here. */
    public static final String SCHEDULES = "rondo_schedules";

    /**
     * Payload: a stored concurrency or rate-limit key. Sent when a start put work under that key without
     * admitting it (in the caller's transaction, or over a rate limit); workers' admitters LISTEN here, so
     * the work is admitted at once rather than at their next sweep.
     */
    public static final String ADMIT = "rondo_admit";

    private Channels() {}
}
