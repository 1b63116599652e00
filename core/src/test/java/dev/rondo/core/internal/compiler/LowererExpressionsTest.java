package dev.rondo.core.internal.compiler;

import static dev.rondo.core.internal.compiler.LowererTesting.assertLowered;

import org.junit.jupiter.api.Test;

class LowererExpressionsTest {

    @Test
    void earlierCallsRunBeforeALaterAwait() {
        assertLowered("let x = [Task.run(\"a\"), await Task.run(\"b\")]", """
                let %1 = Task.run("a")
                let %2
                %2 <- await Task.run("b")
                let x = [%1, %2]
                """);
    }

    @Test
    void literalsAndVariablesAreNotSpilled() {
        assertLowered("""
                let y = 1
                let x = [1, "s", null, y, Inputs, await Task.run("b")]
                """, """
                let y = 1
                let %1
                %1 <- await Task.run("b")
                let x = [1, "s", null, y, Inputs, %1]
                """);
    }

    @Test
    void operandsAfterTheLastAwaitStayInPlace() {
        assertLowered("let x = [await Task.run(\"a\"), Task.run(\"b\")]", """
                let %1
                %1 <- await Task.run("a")
                let x = [%1, Task.run("b")]
                """);
    }

    @Test
    void propertyReadBeforeAnAwaitIsSpilled() {
        assertLowered("let x = Inputs.n + await Task.run(\"a\")", """
                let %1 = Inputs.n
                let %2
                %2 <- await Task.run("a")
                let x = %1 + %2
                """);
    }

    @Test
    void callArgumentsAreEvaluatedLeftToRight() {
        assertLowered("print(Task.run(\"a\"), await Task.run(\"b\"), Task.run(\"c\"))", """
                let %1 = Task.run("a")
                let %2
                %2 <- await Task.run("b")
                print(%1, %2, Task.run("c"))
                """);
    }

    @Test
    void spreadKeepsItsDotsAndSpillsWhatItSpreads() {
        assertLowered("print(...Inputs.list, await Task.run(\"b\"))", """
                let %1 = Inputs.list
                let %2
                %2 <- await Task.run("b")
                print(...%1, %2)
                """);
    }

    @Test
    void templatePiecesAreEvaluatedInOrder() {
        assertLowered("let s = `a ${Inputs.x} b ${await Task.run(\"t\")}!`", """
                let %1 = Inputs.x
                let %2
                %2 <- await Task.run("t")
                let s = `a ${%1} b ${%2}!`
                """);
    }

    @Test
    void objectLiteralKeysAndValuesAreEvaluatedInOrder() {
        assertLowered("let o = {a: Task.run(\"a\"), [Inputs.k]: await Task.run(\"b\"), ...Inputs.rest}", """
                let %1 = Task.run("a")
                let %2 = Inputs.k
                let %3
                %3 <- await Task.run("b")
                let o = {a: %1, [%2]: %3, ...Inputs.rest}
                """);
    }

    @Test
    void nestedAwaitsRunInnermostFirst() {
        assertLowered("let x = await Task.run(\"a\", await Task.run(\"b\"))", """
                let %1
                %1 <- await Task.run("b")
                let x
                x <- await Task.run("a", %1)
                """);
    }

    @Test
    void unaryOperatorsApplyToTheAwaitedValue() {
        assertLowered("""
                let t = typeof await Task.run("a")
                let n = -(await Task.run("b"))
                let b = !(await Task.run("c"))
                """, """
                let %1
                %1 <- await Task.run("a")
                let t = typeof %1
                let %2
                %2 <- await Task.run("b")
                let n = -%2
                let %3
                %3 <- await Task.run("c")
                let b = !%3
                """);
    }

    @Test
    void andAwaitsOnlyWhenTheLeftIsTruthy() {
        assertLowered("let x = Inputs.a && await Task.run(\"b\")", """
                let %1 = Inputs.a
                if (%1) {
                  let %2
                  %2 <- await Task.run("b")
                  %1 = %2
                }
                let x = %1
                """);
    }

    @Test
    void orAwaitsOnlyWhenTheLeftIsFalsy() {
        assertLowered("let x = Inputs.a || await Task.run(\"b\")", """
                let %1 = Inputs.a
                if (!%1) {
                  let %2
                  %2 <- await Task.run("b")
                  %1 = %2
                }
                let x = %1
                """);
    }

    @Test
    void coalesceAwaitsOnlyWhenTheLeftIsNull() {
        assertLowered("let x = Inputs.a ?? await Task.run(\"b\")", """
                let %1 = Inputs.a
                if (%1 === null) {
                  let %2
                  %2 <- await Task.run("b")
                  %1 = %2
                }
                let x = %1
                """);
    }

    @Test
    void awaitOnlyOnTheLeftOfALogicalNeedsNoIf() {
        assertLowered("let x = (await Task.run(\"a\")) && Inputs.b", """
                let %1
                %1 <- await Task.run("a")
                let x = %1 && Inputs.b
                """);
    }

    @Test
    void conditionalAwaitsOnlyInTheChosenBranch() {
        assertLowered("let x = Inputs.c ? await Task.run(\"a\") : Inputs.d", """
                let %1
                if (Inputs.c) {
                  let %2
                  %2 <- await Task.run("a")
                  %1 = %2
                } else {
                  %1 = Inputs.d
                }
                let x = %1
                """);
    }

    @Test
    void conditionalWithAnAwaitingTestOnlyNeedsNoIf() {
        assertLowered("let x = (await Task.run(\"c\")) ? 1 : 2", """
                let %1
                %1 <- await Task.run("c")
                let x = %1 ? 1 : 2
                """);
    }

    @Test
    void shortCircuitAsAStatementLeavesNoUselessRead() {
        assertLowered("Inputs.go && await Task.run(\"b\")", """
                let %1 = Inputs.go
                if (%1) {
                  let %2
                  %2 <- await Task.run("b")
                  %1 = %2
                }
                """);
    }

    @Test
    void awaitedLeftOperandHoldsTheResultItself() {
        assertLowered("let x = (await Task.run(\"a\")) || await Task.run(\"b\")", """
                let %1
                %1 <- await Task.run("a")
                if (!%1) {
                  let %2
                  %2 <- await Task.run("b")
                  %1 = %2
                }
                let x = %1
                """);
    }

    @Test
    void shortCircuitsNest() {
        assertLowered("let x = Inputs.a && (Inputs.b || await Task.run(\"c\"))", """
                let %1 = Inputs.a
                if (%1) {
                  let %2 = Inputs.b
                  if (!%2) {
                    let %3
                    %3 <- await Task.run("c")
                    %2 = %3
                  }
                  %1 = %2
                }
                let x = %1
                """);
    }
}
