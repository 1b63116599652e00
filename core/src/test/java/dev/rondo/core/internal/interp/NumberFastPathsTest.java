package dev.rondo.core.internal.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.Effect;
import dev.rondo.core.Executable;
import dev.rondo.core.Execution;
import dev.rondo.core.Limits;
import dev.rondo.core.Outcome;
import dev.rondo.core.Slice;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The interpreter's fast paths for numbers and arrays (integer {@code %}, counters updated in place in
 * their slot, {@code push} on a local, {@code Inputs.name}) give exactly what the general paths give:
 * the sign of zero, the values a checkpoint holds, and copy-on-write.
 */
class NumberFastPathsTest {

    private static Slice run(String source, FlowObject input) {
        Execution execution = Execution.start(Executable.compile("fast.flow", source), input, new FlowObject(), Limits.DEFAULTS);
        return execution.run(List.of(), 0);
    }

    private static List<Object> items(Slice slice) {
        assertEquals(Slice.Status.COMPLETED, slice.status(), () -> String.valueOf(slice.error()));
        return ((FlowArray) slice.result()).view();
    }

    @Test
    void remainderOfWholeNumbersTakesTheDividendsSignAndKeepsNegativeZero() {
        FlowObject input = new FlowObject();
        input.put("k", -7.0);
        List<Object> got = items(run("""
                let z = -0
                return [-7 % 7, 7 % 7, z % 5, -8 % 7, 8 % -3, -8 % -3, Inputs.k % 7, 5.5 % 2, -5.5 % 2,
                        2147483648 % 7, -2147483649 % 10, 1e300 % 7]
                """, input));
        // Double.equals tells -0.0 from 0.0
        assertEquals(List.of(-0.0, 0.0, -0.0, -1.0, 2.0, -2.0, -0.0, 1.5, -1.5, 2147483648.0 % 7, -2147483649.0 % 10,
                1e300 % 7), got);
    }

    @Test
    void remainderByZeroIsStillAnError() {
        Slice slice = run("let i = 3\nlet s = 0\ns += i % 0\nreturn s\n", new FlowObject());
        assertEquals(Slice.Status.FAILED, slice.status());
        assertTrue(slice.error().toString().contains("RangeError: Division by zero"), slice.error()::toString);
    }

    @Test
    void countersUpdatedInPlaceBehaveAsNumbers() {
        List<Object> got = items(run("""
                let c = 10
                c--
                c -= 2.5
                c += 0.25
                let z = -0
                z += -0
                let y = -0
                y -= 0
                let s = 1
                s += "x"
                let t = 0
                for (let i = 0; i < 4; i++) { t += i % 3; t += 0.5 }
                const copy = t
                t++
                let big = 1e308
                try { big += 1e308 } catch (e) { big = e.name }
                let fns = []
                for (let i = 0; i < 3; i++) { t++; fns.push(() => t) }
                return [c, z, y, s, copy, big, fns.map(f => f())]
                """, new FlowObject()));
        assertEquals(List.of(6.75, -0.0, -0.0, "1x", 5.0, "RangeError", FlowArray.of(7.0, 8.0, 9.0)), got);
    }

    /** A counter and a sum held in place are saved as plain numbers at every await and go on from the checkpoint. */
    @Test
    void countersSurviveACheckpointAtEveryAwait() {
        String source = """
                let s = 0
                for (let i = 0; i < 3; i++) {
                  s += i % 2
                  s += 0.5
                  await Task.run("step", i)
                  s++
                }
                return s
                """;
        Executable executable = Executable.compile("fast.flow", source);
        Execution execution = Execution.start(executable, new FlowObject(), new FlowObject(), Limits.DEFAULTS);
        List<Outcome> outcomes = List.of();
        List<String> checkpoints = new ArrayList<>();
        while (true) {
            Slice slice = execution.run(outcomes, 0);
            outcomes = new ArrayList<>();
            for (Effect effect : slice.effects()) {
                if (effect instanceof Effect.StartTask task) {
                    outcomes.add(new Outcome.Resolved(task.promise(), null));
                }
            }
            if (!slice.suspended()) {
                assertEquals(Slice.Status.COMPLETED, slice.status());
                assertEquals(5.5, slice.result());
                break;
            }
            String json = execution.checkpointJson();
            checkpoints.add(json);
            execution = Execution.restore(executable, json, Limits.DEFAULTS);
        }
        assertEquals(3, checkpoints.size());
        assertTrue(checkpoints.get(2).contains("\"s\":4.5"), checkpoints.get(2));
    }

    @Test
    void pushOnALocalCopiesASharedArrayAndGivesTheLength() {
        FlowObject input = new FlowObject();
        input.put("list", FlowArray.of(1.0, 2.0));
        List<Object> got = items(run("""
                let a = [1, 2]
                let b = a
                a.push(3)
                let n = a.push(4)
                a.push(a)
                let q = Inputs.list
                q.push(3)
                let o = {push: (x) => x * 2}
                let e = []
                e.push(...[1, 2])
                let message = null
                try { let s = "abc"; s.push(1) } catch (err) { message = err.message }
                return [b.length, n, a.length, a[4].length, q.length, Inputs.list.length, o.push(21), e, message]
                """, input));
        assertEquals(List.of(2.0, 4.0, 5.0, 4.0, 3.0, 2.0, 42.0, FlowArray.of(1.0, 2.0),
                "'push' is not a method of string."), got);
    }
}
