package dev.rondo.core.internal.compiler;

import static dev.rondo.core.internal.compiler.LowererTesting.assertLowered;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

class LowererChainsTest {

    @Test
    void propertiesOfAnAwaitedValue() {
        assertLowered("let x = (await Task.run(\"a\")).items[0]", """
                let %1
                %1 <- await Task.run("a")
                let x = %1.items[0]
                """);
    }

    @Test
    void objectIsReadBeforeAnAwaitingIndex() {
        assertLowered("let x = Inputs.list[await Task.run(\"i\")]", """
                let %1 = Inputs.list
                let %2
                %2 <- await Task.run("i")
                let x = %1[%2]
                """);
    }

    @Test
    void methodOnAVariableWithAnAwaitedArgumentStillChangesTheVariable() {
        assertLowered("""
                let a = []
                a.push(await Task.run("x"))
                """, """
                let a = []
                let %1
                %1 <- await Task.run("x")
                a.push(%1)
                """);
    }

    @Test
    void methodOnAPropertyKeepsThePathAndReadsItFirst() {
        assertLowered("""
                let o = {list: []}
                o.list.push(await Task.run("x"))
                """, """
                let o = {list: []}
                o.list
                let %1
                %1 <- await Task.run("x")
                o.list.push(%1)
                """);
    }

    @Test
    void methodPathWithACallInItsIndexSpillsOnlyTheIndex() {
        assertLowered("""
                let o = {lists: [[]]}
                o.lists[Math.floor(Inputs.i)].push(await Task.run("x"))
                """, """
                let o = {lists: [[]]}
                let %1 = Math.floor(Inputs.i)
                o.lists[%1]
                let %2
                %2 <- await Task.run("x")
                o.lists[%1].push(%2)
                """);
    }

    @Test
    void methodPathWithAnAwaitingIndexKeepsThePath() {
        assertLowered("""
                let o = {a: [[]]}
                o.a[await Task.run("i")].push(1)
                """, """
                let o = {a: [[]]}
                o.a
                let %1
                %1 <- await Task.run("i")
                o.a[%1].push(1)
                """);
    }

    @Test
    void methodOnAComputedValueSpillsTheValue() {
        assertLowered("let x = Inputs.list.concat([1]).concat(await Task.run(\"x\"))", """
                let %1 = Inputs.list.concat([1])
                let %2
                %2 <- await Task.run("x")
                let x = %1.concat(%2)
                """);
    }

    @Test
    void durableCallsInOneExpressionStartInSourceOrder() {
        assertLowered("let r = await Promise.all([Task.run(\"a\"), Task.run(\"b\", await Task.run(\"c\"))])", """
                let %1 = Task.run("a")
                let %2
                %2 <- await Task.run("c")
                let r
                r <- await Promise.all([%1, Task.run("b", %2)])
                """);
    }

    @Test
    void optionalCallSkipsTheAwaitWhenTheObjectIsNull() {
        assertLowered("""
                let a = Inputs.a
                let x = a?.b(await Task.run("x"))
                """, """
                let a = Inputs.a
                let %1
                if (a !== null) {
                  let %2
                  %2 <- await Task.run("x")
                  %1 = a.b(%2)
                }
                let x = %1
                """);
    }

    @Test
    void optionalLinkBeforeAnAwaitGuardsTheRestOfTheChain() {
        assertLowered("let x = Inputs.a?.b[await Task.run(\"i\")].c?.d", """
                let %1
                let %2 = Inputs.a
                if (%2 !== null) {
                  let %3 = %2.b
                  let %4
                  %4 <- await Task.run("i")
                  %1 = %3[%4].c?.d
                }
                let x = %1
                """);
    }

    @Test
    void optionalLinksAfterTheLastAwaitStayOptional() {
        assertLowered("let x = (await Task.run(\"a\"))?.b", """
                let %1
                %1 <- await Task.run("a")
                let x = %1?.b
                """);
    }

    @Test
    void successiveOptionalLinksNestTheirGuards() {
        assertLowered("let x = Inputs.a?.b?.c(await Task.run(\"x\"))", """
                let %1
                if (Inputs.a !== null) {
                  if (Inputs.a.b !== null) {
                    let %2
                    %2 <- await Task.run("x")
                    %1 = Inputs.a.b.c(%2)
                  }
                }
                let x = %1
                """);
    }

    @Test
    void optionalFunctionCallKeepsItsChainWrapper() {
        List<Stmt> result = LowererTesting.lowered(SnippetParser.parse("let x = print?.(await Task.run(\"a\"))"));
        Stmt.Let let = assertInstanceOf(Stmt.Let.class, result.get(2));
        Expr.OptionalChain chain = assertInstanceOf(Expr.OptionalChain.class, let.init());
        assertTrue(((Expr.Call) chain.chain()).optional());
    }

    @Test
    void optionalMethodCallAsAStatement() {
        assertLowered("Inputs.a?.notify(await Task.run(\"x\"))", """
                let %1
                if (Inputs.a !== null) {
                  let %2
                  %2 <- await Task.run("x")
                  %1 = Inputs.a.notify(%2)
                }
                """);
    }
}
