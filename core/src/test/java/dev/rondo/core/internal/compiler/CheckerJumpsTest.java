package dev.rondo.core.internal.compiler;

import static dev.rondo.core.internal.compiler.CheckerTesting.assertClean;
import static dev.rondo.core.internal.compiler.CheckerTesting.assertProblems;

import org.junit.jupiter.api.Test;

class CheckerJumpsTest {

    @Test
    void breakOutsideALoopOrSwitchIsAnError() {
        assertProblems("break", "1:1: Cannot use 'break' outside a loop or a 'switch'.");
    }

    @Test
    void continueOutsideALoopIsAnError() {
        assertProblems("continue", "1:1: Cannot use 'continue' outside a loop.");
    }

    @Test
    void breakAndContinueInsideLoopsAreFine() {
        assertClean("""
                while (true) { break }
                do { continue } while (false)
                for (;;) { if (true) continue; else break }
                for (const x of [1]) { break }
                """);
    }

    @Test
    void breakInsideASwitchIsFineButContinueNeedsALoop() {
        assertProblems("""
                switch (1) {
                  case 1:
                    break
                  default:
                    continue
                }
                """, "5:5: Cannot use 'continue' outside a loop.");
        assertClean("while (true) { switch (1) { case 1: continue } }");
    }

    @Test
    void unknownLabelIsAnError() {
        assertProblems("""
                while (true) { break L }
                while (true) { continue M }
                """, "1:16: Unknown label 'L'.", "2:16: Unknown label 'M'.");
    }

    @Test
    void continueToALabelOfANonLoopIsAnError() {
        assertProblems("L: { continue L }",
                "1:6: Cannot 'continue' to label 'L' because it does not label a loop.");
        assertClean("L: { break L }");
    }

    @Test
    void labelledLoopsCanBeContinuedFromInside() {
        assertClean("""
                outer: for (let i = 0; i < 2; i++) {
                  inner: for (let j = 0; j < 2; j++) {
                    if (j == 1) continue outer
                    break inner
                  }
                }
                a: b: while (true) { continue a }
                """);
    }

    @Test
    void labelReusedInsideItselfIsAnError() {
        assertProblems("L: while (true) { L: while (true) { break L } }",
                "1:19: Label 'L' is already used by an enclosing statement at 1:1.");
    }

    @Test
    void labelReusedOnASiblingIsFine() {
        assertClean("""
                L: while (true) { break L }
                L: while (true) { break L }
                """);
    }

    @Test
    void returnInsideFinallyIsAnError() {
        assertProblems("""
                try {
                  return 1
                } catch (e) {
                  return 2
                } finally {
                  if (true) return 3
                }
                """, "6:13: Cannot 'return' from a 'finally' block.");
    }

    @Test
    void breakOrContinueOutOfFinallyIsAnError() {
        assertProblems("""
                while (true) {
                  try {
                  } finally {
                    break
                  }
                }
                L: for (;;) {
                  try {} finally { continue L }
                }
                """,
                "4:5: Cannot 'break' out of a 'finally' block.",
                "8:20: Cannot 'continue' out of a 'finally' block.");
    }

    @Test
    void loopEntirelyInsideFinallyMayBreak() {
        assertClean("""
                try {
                } finally {
                  while (true) { break }
                  L: { break L }
                }
                """);
    }
}
