package dev.rondo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.core.value.FlowObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operation budget runs out at the exact same operation, and names the same statement, whatever fast
 * paths the interpreter takes through loops: each program runs under every budget from 1 up to the one it
 * completes under, and the outcome of each (where the LimitError was raised, or "ok") is compared with the
 * counts of LANGUAGE.md §10 (a statement or a loop iteration is one operation; built-ins charge their work).
 * Loops of arithmetic on locals run compiled (the interpreter's bytecode tier): each program also runs with
 * the tier off, and both must give the same outcome under every budget.
 */
class OperationBudgetBoundaryTest {

    private static final String TIER = "rondo.interpreter.compile";
    private static final String COMPILE_AFTER = "rondo.interpreter.compileAfter";

    /**
     * The outcomes under every budget, the same with the interpreter's bytecode tier on (each loop it can
     * compile runs compiled from its first run) as with it off (the tree-walker).
     */
    private static String outcomes(String source, int upTo) {
        String compiled = outcomes(link(source, true), upTo);
        assertEquals(outcomes(link(source, false), upTo), compiled, "compiled loops against the tree-walker");
        return compiled;
    }

    private static Executable link(String source, boolean tier) {
        Map<String, String> was = new HashMap<>();
        for (String property : List.of(TIER, COMPILE_AFTER)) {
            was.put(property, System.getProperty(property));
        }
        System.setProperty(TIER, Boolean.toString(tier));
        System.setProperty(COMPILE_AFTER, "0");
        try {
            return Executable.of(FlowCompiler.compile("budget.flow", source).program());
        } finally {
            was.forEach((property, value) -> {
                if (value == null) {
                    System.clearProperty(property);
                } else {
                    System.setProperty(property, value);
                }
            });
        }
    }

    private static String outcomes(Executable executable, int upTo) {
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

    @Test
    void compiledLoopsRunOutWhereTheTreeWalkerDoes() {
        String got = outcomes("""
                let s = 0
                let k = 0
                outer: while (k < 3) {
                  k++
                  for (let j = 0; j < 3; j++) {
                    if (j == k) continue outer
                    if (j > 1) break
                    s += j
                  }
                  do { s -= 1 } while (s > 2)
                }
                return s
                """, 60);
        // the labelled while counts its passes at 3:8; the do-while counts each test at 10:8
        assertEquals("2:1 3:1 3:8 4:3 5:3 5:3 6:5 7:5 8:5 5:3 6:5 3:8 4:3 5:3 5:3 6:5 7:5 8:5 5:3 6:5 7:5 8:5 5:3 6:5 3:8"
                + " 4:3 5:3 5:3 6:5 7:5 8:5 5:3 6:5 7:5 8:5 5:3 6:5 7:5 10:3 10:8 10:3 3:8 12:1"
                + " ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok", got);
    }

    @Test
    void aCompiledLoopThatReturnsCountsUpToItsReturn() {
        String got = outcomes("""
                function find(n) {
                  for (let i = 0; i < n; i++) { let sq = i * i; if (sq > n) return i }
                  return -1
                }
                return find(5)
                """, 16);
        assertEquals("5:1 2:3 2:3 2:33 2:49 2:3 2:33 2:49 2:3 2:33 2:49 2:3 2:33 2:49 ok ok", got);
    }

    @Test
    void aRecursiveNumericFunctionRunsOutWhereTheTreeWalkerDoes() {
        String got = outcomes("""
                function fib(k) {
                  if (k < 2) { return k }
                  let a = fib(k - 1)
                  return a + fib(k - 2)
                }
                return fib(4)
                """, 40);
        // each call counts its if, then the return inside it (2:16) or its let and its return
        assertEquals("6:1 2:3 3:3 2:3 3:3 2:3 3:3 2:3 2:16 4:3 2:3 2:16 4:3 2:3 2:16 4:3 2:3 3:3 2:3 2:16 4:3 2:3 2:16"
                + " ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok ok", got);
    }
}
