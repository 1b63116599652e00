package dev.rondo.bench.fuzz;

import dev.rondo.core.Effect;
import dev.rondo.core.Executable;
import dev.rondo.core.Execution;
import dev.rondo.core.FlowError;
import dev.rondo.core.Limits;
import dev.rondo.core.Outcome;
import dev.rondo.core.Slice;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Runs an execution slice by slice as the engine would, answering every durable operation at once (a task
 * or child resolves to a fresh copy of its input, a timer fires) and, at the awaits {@code restoreAt}
 * picks, rebuilding the execution from its checkpoint's JSON text. Returns a trace of everything the
 * execution did (effects, status, result or error), which must not depend on where it was restored.
 */
final class Stepper {

    static final Limits LIMITS = Limits.DEFAULTS.withMaxOperations(20_000);
    private static final int MAX_SLICES = 60;
    private static final long START_MILLIS = 1_800_000_000_000L;

    private Stepper() {}

    static String trace(Executable executable, IntPredicate restoreAt) {
        StringBuilder trace = new StringBuilder();
        Execution execution = Execution.start(executable, new FlowObject(),
                Execution.context("fuzz-1", "fuzz", "default", null, "2027-01-15T08:00:00.000Z"), LIMITS);
        List<Outcome> outcomes = List.of();
        for (int n = 0; n < MAX_SLICES; n++) {
            Slice slice = execution.run(outcomes, START_MILLIS + n * 1000L);
            List<Outcome> next = new ArrayList<>();
            for (Effect effect : slice.effects()) {
                trace.append(describe(effect)).append('\n');
                switch (effect) {
                    case Effect.StartTask task -> next.add(new Outcome.Resolved(task.promise(), Json.parse(task.inputJson())));
                    case Effect.StartWorkflow child -> next.add(new Outcome.Resolved(child.promise(), Json.parse(child.inputJson())));
                    case Effect.StartTimer timer -> next.add(new Outcome.TimerFired(timer.promise()));
                    default -> { }
                }
            }
            trace.append(slice.status());
            if (!slice.suspended()) {
                FlowError error = slice.error();
                trace.append(error == null ? " " + Json.write(slice.result())
                        : " " + error.name() + ": " + error.message() + " at " + error.line() + ":" + error.column());
                return trace.toString();
            }
            trace.append(" at ").append(slice.waitingAt()).append(' ').append(slice.waitingFor()).append('\n');
            if (next.isEmpty()) {
                return trace.append("waits for nothing that will come").toString();
            }
            // an over-limit state ends the slice as FAILED (Execution.run writes the checkpoint), so it has one
            String checkpoint = execution.checkpointJson();
            if (restoreAt.test(n)) {
                execution = Execution.restore(executable, checkpoint, LIMITS);
            }
            outcomes = next;
        }
        return trace.append("still running after ").append(MAX_SLICES).append(" slices").toString();
    }

    private static String describe(Effect effect) {
        return switch (effect) {
            case Effect.Log log -> "log " + log.line();
            case Effect.StartTask task -> "task " + task.promise() + " " + task.name() + " " + task.inputJson() + " " + task.options();
            case Effect.StartWorkflow child -> "child " + child.promise() + " " + child.name() + " " + child.inputJson();
            case Effect.StartTimer timer -> "timer " + timer.promise() + " " + timer.fireAtMillis();
            case Effect.ConsumeSignal signal -> "signal " + signal.name() + " " + signal.seq();
            case Effect.SetAttributes set -> "attributes " + set.attributes();
        };
    }
}
