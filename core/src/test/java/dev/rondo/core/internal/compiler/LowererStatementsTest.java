package dev.rondo.core.internal.compiler;

import static dev.rondo.core.internal.compiler.LowererTesting.assertLowered;
import static dev.rondo.core.internal.compiler.LowererTesting.lowered;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

class LowererStatementsTest {

    @Test
    void programWithoutAwaitIsReturnedAsIs() {
        List<Stmt> body = SnippetParser.parse("""
                let x = 1
                if (x > 0) { print(x) }
                """);
        List<Stmt> result = lowered(body);
        assertSame(body.get(0), result.get(0));
        assertSame(body.get(1), result.get(1));
    }

    @Test
    void statementsWithoutAwaitKeepTheirInstancesNextToOnesThatAwait() {
        List<Stmt> body = SnippetParser.parse("""
                let x = 1
                {
                  print(x)
                  await Task.run("a")
                  while (x < 3) x++
                }
                """);
        List<Stmt> result = lowered(body);
        assertSame(body.get(0), result.get(0));
        Stmt.Block before = (Stmt.Block) body.get(1);
        Stmt.Block after = (Stmt.Block) result.get(1);
        assertNotSame(before, after);
        assertSame(before.body().get(0), after.body().get(0));
        assertSame(before.body().get(2), after.body().get(2));
    }

    @Test
    void awaitedExpressionStatementBecomesAnAwaitWithoutTarget() {
        assertLowered("await Task.run(\"a\")", "await Task.run(\"a\")");
    }

    @Test
    void awaitStatementKeepsTheSpanOfTheAwait() {
        List<Stmt> result = lowered(SnippetParser.parse("let total = await Task.run(\"a\")"));
        Stmt.AwaitStmt await = (Stmt.AwaitStmt) result.get(1);
        assertEquals(new Span(1, 13, 1, 32), await.span());
        assertEquals("total", await.target());
    }

    @Test
    void letOfAnAwaitDeclaresThenAwaitsIntoTheVariable() {
        assertLowered("let x = await Task.run(\"a\")", """
                let x
                x <- await Task.run("a")
                """);
    }

    @Test
    void constOfAnAwaitIsLoweredTheSameWay() {
        assertLowered("const x = await Task.run(\"a\")", """
                let x
                x <- await Task.run("a")
                """);
    }

    @Test
    void letOfAnAwaitReadingAnOuterVariableOfTheSameNameEvaluatesTheOperandFirst() {
        assertLowered("""
                let x = 1
                {
                  let x = await Task.run("a", x)
                }
                """, """
                let x = 1
                {
                  let %1 = Task.run("a", x)
                  let x
                  x <- await %1
                }
                """);
    }

    @Test
    void letWithAnAwaitInsideItsValueDeclaresAfterThePrelude() {
        assertLowered("const x = 1 + await Task.run(\"a\")", """
                let %1
                %1 <- await Task.run("a")
                const x = 1 + %1
                """);
    }

    @Test
    void assignmentOfAnAwaitToALetVariableAwaitsIntoIt() {
        assertLowered("""
                let x
                x = await Task.run("a")
                """, """
                let x
                x <- await Task.run("a")
                """);
    }

    @Test
    void assignmentOfAnAwaitToALoopVariableGoesThroughATemporary() {
        assertLowered("""
                for (let v of [1]) {
                  v = await Task.run("a")
                }
                """, """
                for (let v of [1]) {
                  let %1
                  %1 <- await Task.run("a")
                  v = %1
                }
                """);
    }

    @Test
    void compoundAssignmentComputesTheValueFirst() {
        assertLowered("""
                let x = 1
                x += await Task.run("a")
                x++
                """, """
                let x = 1
                let %1
                %1 <- await Task.run("a")
                x += %1
                x += 1
                """);
    }

    @Test
    void assignmentTargetIndexIsEvaluatedBeforeTheAwait() {
        assertLowered("""
                let o = {}
                let n = 1
                o[String(n)] = await Task.run("a")
                """, """
                let o = {}
                let n = 1
                let %1 = String(n)
                let %2
                %2 <- await Task.run("a")
                o[%1] = %2
                """);
    }

    @Test
    void nestedAssignmentTargetReadsItsObjectBeforeTheAwait() {
        assertLowered("""
                let o = {a: {}}
                o.a.b = await Task.run("x")
                """, """
                let o = {a: {}}
                o.a
                let %1
                %1 <- await Task.run("x")
                o.a.b = %1
                """);
    }

    @Test
    void compoundAssignmentToAPropertyReadsItBeforeTheAwait() {
        assertLowered("""
                let o = {n: 1}
                o.n += await Task.run("x")
                """, """
                let o = {n: 1}
                o.n
                let %1
                %1 <- await Task.run("x")
                o.n += %1
                """);
    }

    @Test
    void awaitInsideTheTargetIsLowered() {
        assertLowered("""
                let o = {}
                o[await Task.run("k")] = 1
                """, """
                let o = {}
                let %1
                %1 <- await Task.run("k")
                o[%1] = 1
                """);
    }

    @Test
    void coalescingAssignmentAwaitsOnlyWhenTheVariableIsNull() {
        assertLowered("""
                let x
                x ??= await Task.run("a")
                """, """
                let x
                if (x === null) {
                  x <- await Task.run("a")
                }
                """);
    }

    @Test
    void orAndAndAssignmentsKeepTheirShortCircuit() {
        assertLowered("""
                let o = {}
                o.k ||= await Task.run("a")
                o.j &&= await Task.run("b")
                """, """
                let o = {}
                if (!o.k) {
                  let %1
                  %1 <- await Task.run("a")
                  o.k = %1
                }
                if (o.j) {
                  let %2
                  %2 <- await Task.run("b")
                  o.j = %2
                }
                """);
    }

    @Test
    void logicalAssignmentToAnIndexReadsTheTargetOnlyInItsTest() {
        assertLowered("""
                let o = {n: [0]}
                o.n[await Task.run("i")] ??= await Task.run("v")
                """, """
                let o = {n: [0]}
                o.n
                let %1
                %1 <- await Task.run("i")
                if (o.n[%1] === null) {
                  let %2
                  %2 <- await Task.run("v")
                  o.n[%1] = %2
                }
                """);
    }

    @Test
    void logicalAssignmentStabilizesItsTargetBeforeTheTest() {
        assertLowered("""
                let o = {}
                o[String(Inputs.k)] ||= await Task.run("v")
                """, """
                let o = {}
                let %1 = String(Inputs.k)
                if (!o[%1]) {
                  let %2
                  %2 <- await Task.run("v")
                  o[%1] = %2
                }
                """);
    }

    @Test
    void returnAndThrowGetTheirPreludeBeforeThem() {
        assertLowered("""
                if (Inputs.fail) throw await Task.run("error")
                return await Task.run("a")
                """, """
                if (Inputs.fail) {
                  let %1
                  %1 <- await Task.run("error")
                  throw %1
                }
                let %2
                %2 <- await Task.run("a")
                return %2
                """);
    }

    @Test
    void ifTestAwaitsBeforeTheIf() {
        assertLowered("if (await Task.run(\"a\")) print(1); else print(2)", """
                let %1
                %1 <- await Task.run("a")
                if (%1) print(1) else print(2)
                """);
    }

    @Test
    void bracelessBodyWithAPreludeBecomesABlock() {
        assertLowered("""
                if (Inputs.go) await Task.run("a")
                if (Inputs.go) print(await Task.run("b"))
                """, """
                if (Inputs.go) await Task.run("a")
                if (Inputs.go) {
                  let %1
                  %1 <- await Task.run("b")
                  print(%1)
                }
                """);
    }

    @Test
    void elseIfWithAnAwaitingTestKeepsTheFirstTestFirst() {
        assertLowered("""
                if (Inputs.a) print(1)
                else if (await Task.run("b")) print(2)
                """, """
                if (Inputs.a) print(1) else {
                  let %1
                  %1 <- await Task.run("b")
                  if (%1) print(2)
                }
                """);
    }

    @Test
    void switchDiscriminantAwaitsBeforeTheSwitchAndCaseBodiesAreLowered() {
        assertLowered("""
                switch (await Task.run("a")) {
                  case 1:
                    print(await Task.run("b"))
                  default:
                    print(0)
                }
                """, """
                let %1
                %1 <- await Task.run("a")
                switch (%1) {
                  case 1:
                    let %2
                    %2 <- await Task.run("b")
                    print(%2)
                  default:
                    print(0)
                }
                """);
    }

    @Test
    void awaitInACaseLabelChoosesTheCaseByIndexTestingLabelsInOrder() {
        assertLowered("""
                switch (x) {
                  case 1:
                    print(1)
                  default:
                    print(0)
                  case await Task.run("a"):
                    print(2)
                }
                """, """
                let %1 = -1
                if (%1 === -1) {
                  if (x === 1) %1 = 0
                }
                if (%1 === -1) {
                  let %2
                  %2 <- await Task.run("a")
                  if (x === %2) %1 = 2
                }
                if (%1 === -1) %1 = 1
                switch (%1) {
                  case 0:
                    print(1)
                  case 1:
                    print(0)
                  case 2:
                    print(2)
                }
                """);
    }

    @Test
    void forEachIterableAwaitsBeforeTheLoop() {
        assertLowered("for (const x of await Task.run(\"list\")) print(x)", """
                let %1
                %1 <- await Task.run("list")
                for (const x of %1) print(x)
                """);
    }

    @Test
    void labelStaysOnTheLoopAndThePreludeGoesBeforeIt() {
        assertLowered("""
                outer: for (const x of await Task.run("l")) {
                  continue outer
                }
                """, """
                let %1
                %1 <- await Task.run("l")
                outer: for (const x of %1) {
                  continue outer
                }
                """);
    }

    @Test
    void tryBlocksAreLoweredInSourceOrder() {
        assertLowered("""
                try {
                  print(await Task.run("a"))
                } catch (e) {
                  print(await Task.run("b"))
                } finally {
                  print(await Task.run("c"))
                }
                """, """
                try {
                  let %1
                  %1 <- await Task.run("a")
                  print(%1)
                } catch (e) {
                  let %2
                  %2 <- await Task.run("b")
                  print(%2)
                } finally {
                  let %3
                  %3 <- await Task.run("c")
                  print(%3)
                }
                """);
    }

    @Test
    void tryCatchAndFinallyBlocksAreLowered() {
        assertLowered("""
                try {
                  await Task.run("a")
                } catch (e) {
                  await Task.run("b", e)
                } finally {
                  await Task.run("c")
                }
                """, """
                try {
                  await Task.run("a")
                } catch (e) {
                  await Task.run("b", e)
                } finally {
                  await Task.run("c")
                }
                """);
    }

    @Test
    void temporariesAreNumberedAcrossTheWholeProgram() {
        assertLowered("""
                {
                  print(await Task.run("a"))
                }
                print(await Task.run("b"))
                """, """
                {
                  let %1
                  %1 <- await Task.run("a")
                  print(%1)
                }
                let %2
                %2 <- await Task.run("b")
                print(%2)
                """);
    }
}
