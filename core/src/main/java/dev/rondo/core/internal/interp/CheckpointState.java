package dev.rondo.core.internal.interp;

import dev.rondo.core.value.FlowObject;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to go on with a suspended execution: the path of positions (outermost first, with
 * the locals of every open scope), the promise table, the idempotency keys, the input and context, and
 * the cancellation flags, and the tally of the whole-execution limits. Plain data, written to JSON by the checkpoint codec.
 */
public record CheckpointState(
        List<Pos> path,
        PromiseTable promises,
        Map<String, Integer> keys,
        Object inputs,
        FlowObject context,
        boolean cancelRequested,
        boolean cancelDelivered,
        Tally tally) {

    /** What the execution has used of its whole-execution limits: bytes printed, tasks and children started. */
    public record Tally(long logBytes, long starts, List<String> attributeKeys) {
        public static final Tally NONE = new Tally(0, 0, List.of());

        public Tally(long logBytes, long starts) {
            this(logBytes, starts, List.of());
        }
    }
}
