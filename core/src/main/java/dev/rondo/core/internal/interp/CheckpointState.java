package dev.rondo.core.internal.interp;

import dev.rondo.core.value.FlowObject;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to go on with a suspended execution: the path of positions (outermost first, with
 * the locals of every open scope), the promise table, the idempotency keys, the input and context, and
 * the cancellation flags, the tally of the whole-execution limits, and the async calls that wait
 * ({@code calls}, in the order they started). Plain data, written to JSON by the checkpoint codec.
 */
public record CheckpointState(
        List<Pos> path,
        PromiseTable promises,
        Map<String, Integer> keys,
        Object inputs,
        FlowObject context,
        boolean cancelRequested,
        boolean cancelDelivered,
        Tally tally,
        List<Call> calls) {

    public CheckpointState(List<Pos> path, PromiseTable promises, Map<String, Integer> keys, Object inputs,
                           FlowObject context, boolean cancelRequested, boolean cancelDelivered, Tally tally) {
        this(path, promises, keys, inputs, context, cancelRequested, cancelDelivered, tally, List.of());
    }

    /**
     * A waiting async call: its promise, the function it runs (its index in the program) and the path to
     * where it waits, with the locals (arguments and captures included) of every open scope of its body.
     */
    public record Call(int promise, int function, List<Pos> path) {}

    /** What the execution has used of its whole-execution limits: bytes printed, tasks and children started. */
    public record Tally(long logBytes, long starts, List<String> attributeKeys) {
        public static final Tally NONE = new Tally(0, 0, List.of());

        public Tally(long logBytes, long starts) {
            this(logBytes, starts, List.of());
        }
    }
}
