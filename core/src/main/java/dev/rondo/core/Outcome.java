package dev.rondo.core;

/**
 * Something the engine learnt since the execution suspended, handed to {@link Execution#run} in the
 * order it happened: that order is what "first" means for {@code Promise.race} and {@code any}.
 */
public sealed interface Outcome {

    /** A task or child workflow completed with {@code value}. */
    record Resolved(int promise, Object value) implements Outcome {}

    /** A task failed for good (attempts spent or a non-retryable error); {@code details} may be null. */
    record TaskFailed(int promise, String message, int attempts, Object details) implements Outcome {}

    /** A child workflow failed (or was cancelled) with {@code error}, its uncaught error value. */
    record ChildFailed(int promise, Object error) implements Outcome {}

    /** A timer is due. */
    record TimerFired(int promise) implements Outcome {}

    /**
     * A signal sent to this execution and not consumed yet. Pass every unconsumed signal, oldest first,
     * on every run: the execution takes only those a waiting {@code Signal.next} needs, and reports each it
     * took as an {@link Effect.ConsumeSignal}.
     */
    record SignalArrived(String name, long seq, Object payload) implements Outcome {}

    /** Cancellation was requested: {@code CancelledError} is thrown at the await. */
    record CancelRequested() implements Outcome {}
}
