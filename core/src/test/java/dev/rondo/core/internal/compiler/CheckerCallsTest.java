package dev.rondo.core.internal.compiler;

import static dev.rondo.core.internal.compiler.CheckerTesting.assertClean;
import static dev.rondo.core.internal.compiler.CheckerTesting.assertProblems;

import org.junit.jupiter.api.Test;

class CheckerCallsTest {

    @Test
    void unknownFunctionIsAnError() {
        assertProblems("foo()", "1:1: Unknown function 'foo'.");
    }

    @Test
    void unknownNamespaceFunctionIsAnError() {
        assertProblems("""
                Math.foo(1)
                Task.go()
                console.warn(1)
                """,
                "1:1: 'Math' has no function 'foo'.",
                "2:1: 'Task' has no function 'go'.",
                "3:1: 'console' has no function 'warn'.");
    }

    @Test
    void callingAVariableIsAllowedSinceItMayHoldAFunction() {
        assertProblems("""
                let x = 1
                x()
                let print = 2
                print(1)
                """);
    }

    @Test
    void callingAValueOrAConstantIsAnError() {
        assertProblems("""
                Inputs()
                Math.PI()
                """, "1:1: 'Inputs' is not a function.", "2:1: 'Math.PI' is not a function.");
    }

    @Test
    void methodCallsOnValuesAreLeftToRunTime() {
        assertClean("""
                let a = []
                a.push(1)
                let s = " x "
                print(s.trim(), Inputs.items.whatever(1, 2, 3))
                """);
    }

    @Test
    void namespaceShadowedByALocalIsAnOrdinaryValue() {
        assertClean("""
                let Math = {}
                Math.foo()
                """);
    }

    @Test
    void builtInsWithTheRightArgumentCountAreFine() {
        assertClean("""
                print()
                console.log(1, 2, 3)
                let n = Math.pow(2, 3) + Math.max(1, 2, 3) + parseInt("7") + parseInt("7", 10)
                let p = Task.run("a", {}, {queue: "q"})
                let w = Promise.all([p])
                let t = Date.now()
                """);
    }

    @Test
    void wrongArgumentCountIsAnError() {
        assertProblems("""
                Math.pow(2)
                parseInt()
                Math.max()
                Task.run("a", 1, 2, 3)
                Math.random(1)
                String(1, 2)
                """,
                "1:1: 'Math.pow' takes 2 arguments but got 1.",
                "2:1: 'parseInt' takes 1 or 2 arguments but got 0.",
                "3:1: 'Math.max' takes at least 1 argument but got 0.",
                "4:1: 'Task.run' takes 1 to 3 arguments but got 4.",
                "5:1: 'Math.random' takes 0 arguments but got 1.",
                "6:1: 'String' takes 1 argument but got 2.");
    }

    @Test
    void spreadArgumentsSkipTheCountCheck() {
        assertClean("""
                let xs = [2, 3]
                print(Math.pow(...xs), String(...xs))
                """);
    }

    @Test
    void argumentsAreChecked() {
        assertProblems("print(1, nope)", "1:10: Undefined variable 'nope'.");
    }

    @Test
    void callingAnyExpressionIsAllowedSinceItMayGiveAFunction() {
        assertProblems("""
                let a = [1]
                a[0]()
                """);
    }

    @Test
    void optionalCallsOnNamespacesAreCheckedToo() {
        assertClean("print(Math?.floor(1.5))");
        assertProblems("print(Math?.flor(1))", "1:7: 'Math' has no function 'flor'.");
    }

    @Test
    void awaitElsewhereIsFine() {
        assertClean("""
                let x = await Task.run("a")
                if (await Signal.next("go")) print(`${await Timer.delay(1)}`)
                while ((await Task.run("poll")).pending) {}
                """);
    }
}
