package dev.rondo.store;

/**
 * How much checkpoint history a worker keeps (docs/operations.md, "Checkpoint history"): each await's
 * checkpoint is a step; an execution keeps at most its last {@code maxSteps} (0: none, so neither rewind
 * nor fork has a step to go to), and an execution that ends keeps them only when {@code keepAfterEnd}
 * (then they go with it when retention prunes it). A failed execution keeps them either way: it can be
 * retried or rewound. The setting of the worker that runs the slice applies.
 *
 * @param maxSteps     the steps kept per execution, the oldest dropped first; 0 to 1,000,000
 * @param keepAfterEnd keep the steps of a completed or cancelled execution
 */
public record HistoryRetention(int maxSteps, boolean keepAfterEnd) {

    /** The last 1,000 steps while an execution runs (or has failed), none after it completes or is cancelled. */
    public static final HistoryRetention DEFAULT = new HistoryRetention(1000, false);

    /** The most steps an execution can be set to keep. */
    public static final int MAX_STEPS = 1_000_000;

    public HistoryRetention {
        if (maxSteps < 0 || maxSteps > MAX_STEPS) {
            throw new IllegalArgumentException("The checkpoint history keeps 0 to " + MAX_STEPS
                    + " steps per execution, not " + maxSteps + ".");
        }
    }
}
