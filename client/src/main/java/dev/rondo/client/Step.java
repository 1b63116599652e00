package dev.rondo.client;

import java.time.Instant;
import java.util.List;

/**
 * One step of an execution's checkpoint history: the checkpoint it took at an await (docs/operations.md),
 * which {@link WorkflowHandle#rewind(int)} and {@link WorkflowHandle#fork(int)} can go back to.
 *
 * @param step       its number, 1 for the first await; never reused (a rewind goes on with the next number)
 * @param waitingAt  where it waited, {@code file.flow:LINE:COL}
 * @param waitingFor what it waited for ({@code task chargeCard}, {@code signal approve}, {@code timer}, …)
 * @param at         when the checkpoint was committed
 */
public record Step(int step, String waitingAt, List<String> waitingFor, Instant at) {
    public Step {
        waitingFor = List.copyOf(waitingFor);
    }
}
