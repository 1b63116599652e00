package dev.rondo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.core.value.FlowObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The operation budget runs out at the exact same operation, and names the same statement, whatever fast
 * paths the interpreter takes through loops: each program runs under every budget from 1 up to the one it
 * completes under, and the outcome of each (where the LimitError was raised, or "ok") is compared with the
 * counts of LANGUAGE.md §10 (a statement or a loop iteration is one operation; built-ins charge their work).
 */
class OperationBudgetBoundaryTest {

    private static String outcomes(String source, int upTo) {
        Executable executable = Executable.of(FlowCompiler.compile("budget.flow", source).program());
        List<String> outcomes = new ArrayList<>();
        for (int budget = 1; budget <= upTo; budget++) {
            Slice slice = Execution.start(executable, new FlowObject(), new FlowObject(),
                    Limits.DEFAULTS.withMaxOperations(budget)).run(List.of(), 0);
            if (slice.status() == Slice.Status.COMPLETED) {
                outcomes.add("ok");
            } else {
                assertEquals(Slice.Status.FAILED, slice.status());
                assertEquals("LimitError", slice.error().name(), () -> slice.error().toString());
                outcomes.add(slice.error().line() + ":" + slice.error().column());
            }
        }
        return String.join(" ", outcomes);
    }

    @Test
    void aForLoopCountsEachPassAndEachStatementOfItsBody() {
        String got = outcomes("""
                let s = 0
                for (let i = 0; i < 4; i++) { s += i % 7; s += 1 }
                return s
                """, 17);
        // let, for, then per pass: the test, the two statements; the last test; the return
        assertEquals("2:1 2:1 2:31 2:43 2:1 2:31 2:43 2:1 2:31 2:43 2:1 2:31 2:43 2:1 3:1 ok ok", got);
    }

    @Test
    void continueAndBreakEndAPassWhereTheyAre() {
        String got = outcomes("""
                let s = 0
                for (let i = 0; i < 5; i++) {
                  if (i % 2 == 0) { continue }
                  if (i == 3) { break }
                  s += i
                }
                return s
                """, 17);
        assertEquals("2:1 2:1 3:3 3:21 2:1 3:3 4:3 5:3 2:1 3:3 3:21 2:1 3:3 4:3 4:17 7:1 ok", got);
    }

    @Test
    void chargesAndCallsInsideTheBodyCountWhereTheyHappen() {
        String got = outcomes("""
                function f(k) { return k % 3 }
                let s = 0
                for (let i = 0; i < 3; i++) { s += f(i); let t = "ab".repeat(600); s += t.length }
                return s
                """, 40);
        // the call's return statement (1:17) counts inside the pass; "ab".repeat(600) charges 1,200 / 256 = 4
        assertEquals("2:1 3:1 3:1 3:31 1:17 3:42 3:50 3:50 3:50 3:50 3:68 3:1 3:31 1:17 3:42 3:50 3:50 3:50 3:50 3:68"
                + " 3:1 3:31 1:17 3:42 3:50 3:50 3:50 3:50 3:68 3:1 4:1 ok ok ok ok ok ok ok ok ok", got);
    }
}
