package dev.rondo.core.internal.compiler;

import static dev.rondo.core.internal.compiler.LowererTesting.assertLowered;

import org.junit.jupiter.api.Test;

class LowererPatternsTest {

    @Test
    void destructuringAnAwaitGoesThroughATemporary() {
        assertLowered("let {a, b} = await Task.run(\"x\")", """
                let %1
                %1 <- await Task.run("x")
                let {a, b} = %1
                """);
    }

    @Test
    void awaitingDefaultRunsOnlyWhenTheValueIsMissingOrNull() {
        assertLowered("const {a, b = await Task.run(\"d\"), c = 3} = Inputs", """
                let %1 = Inputs
                const a = %1.a
                let %2 = %1.b
                if (%2 === null) {
                  let %3
                  %3 <- await Task.run("d")
                  %2 = %3
                }
                const b = %2
                const c = %1.c ?? 3
                """);
    }

    @Test
    void nestedArrayPatternWithAnAwaitingDefault() {
        assertLowered("let [x, , [y = await Task.run(\"d\")]] = Inputs.pairs", """
                let %1 = Inputs.pairs
                let x = %1[0]
                let %2 = %1[2]
                let %3 = %2[0]
                if (%3 === null) {
                  let %4
                  %4 <- await Task.run("d")
                  %3 = %4
                }
                let y = %3
                """);
    }

    @Test
    void renamedTargetWithAnAwaitingDefault() {
        assertLowered("let {k: renamed = await Task.run(\"d\")} = await Task.run(\"o\")", """
                let %1
                %1 <- await Task.run("o")
                let %2 = %1.k
                if (%2 === null) {
                  let %3
                  %3 <- await Task.run("d")
                  %2 = %3
                }
                let renamed = %2
                """);
    }

    @Test
    void laterDefaultsMayReadEarlierNames() {
        assertLowered("let [a, b = await Task.run(\"d\", a)] = Inputs.list", """
                let %1 = Inputs.list
                let a = %1[0]
                let %2 = %1[1]
                if (%2 === null) {
                  let %3
                  %3 <- await Task.run("d", a)
                  %2 = %3
                }
                let b = %2
                """);
    }

    @Test
    void forEachVariableWithAnAwaitingDefaultIsDestructuredInsideTheBody() {
        assertLowered("""
                for (const {id, n = await Task.run("n")} of Inputs.items) {
                  print(id, n)
                }
                """, """
                for (const %1 of Inputs.items) {
                  const id = %1.id
                  let %2 = %1.n
                  if (%2 === null) {
                    let %3
                    %3 <- await Task.run("n")
                    %2 = %3
                  }
                  const n = %2
                  {
                    print(id, n)
                  }
                }
                """);
    }

    @Test
    void catchParameterWithAnAwaitingDefaultIsDestructuredInsideTheHandler() {
        assertLowered("""
                try {} catch ({message = await Task.run("m")}) {
                  print(message)
                }
                """, """
                try {} catch (%1) {
                  let %2 = %1.message
                  if (%2 === null) {
                    let %3
                    %3 <- await Task.run("m")
                    %2 = %3
                  }
                  let message = %2
                  {
                    print(message)
                  }
                }
                """);
    }
}
