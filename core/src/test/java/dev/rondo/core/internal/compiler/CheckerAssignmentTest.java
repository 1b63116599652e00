package dev.rondo.core.internal.compiler;

import static dev.rondo.core.internal.compiler.CheckerTesting.assertClean;
import static dev.rondo.core.internal.compiler.CheckerTesting.assertProblems;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckerAssignmentTest {

    @Test
    void assigningAnUndeclaredNameIsAnError() {
        assertProblems("y = 1", "1:1: Undefined variable 'y'.");
    }

    @Test
    void incrementOfAnUndeclaredNameIsAnError() {
        assertProblems("""
                y++
                --z
                """, "1:1: Undefined variable 'y'.", "2:3: Undefined variable 'z'.");
    }

    @Test
    void everyAssignmentOperatorToAConstantIsAnError() {
        assertProblems("""
                const c = 1
                c = 2
                c += 1
                c++
                c ??= 3
                """,
                "2:1: Cannot assign to constant 'c'.",
                "3:1: Cannot assign to constant 'c'.",
                "4:1: Cannot assign to constant 'c'.",
                "5:1: Cannot assign to constant 'c'.");
    }

    @Test
    void contentsOfAConstantMayChange() {
        assertClean("""
                const c = {k: 1}
                c.k = 2
                c["j"] = 3
                c.k += 1
                const a = []
                a.push(1)
                """);
    }

    @Test
    void builtInsAreReadOnly() {
        assertProblems("""
                Inputs = 1
                Math = 2
                Inputs.k = 1
                Context.x.y = 1
                print = 3
                Math.PI++
                """,
                "1:1: Cannot assign to built-in 'Inputs'.",
                "2:1: Cannot assign to built-in 'Math'.",
                "3:1: Cannot assign to built-in 'Inputs'.",
                "4:1: Cannot assign to built-in 'Context'.",
                "5:1: Cannot assign to built-in 'print'.",
                "6:1: Cannot assign to built-in 'Math'.");
    }

    @Test
    void localShadowingABuiltInMayBeAssigned() {
        assertClean("""
                let Inputs = 1
                Inputs = 2
                """);
    }

    @Test
    void assigningBeforeTheDeclarationSaysWhereItIsDeclared() {
        assertProblems("""
                x = 1
                let x = 2
                """, "1:1: Cannot assign to 'x' before its declaration at 2:5.");
    }

    @Test
    void constLoopVariableCannotBeAssignedButLetOneCan() {
        assertProblems("for (const v of [1]) { v = 2 }", "1:24: Cannot assign to constant 'v'.");
        assertClean("for (let v of [1]) { v = 2 }");
    }

    @Test
    void catchParameterMayBeAssigned() {
        assertClean("try {} catch (e) { e = 1 }");
    }

    @Test
    void indexAndValueOfAnAssignmentAreChecked() {
        assertProblems("""
                let o = {}
                o[k] = v
                """, "2:3: Undefined variable 'k'.", "2:8: Undefined variable 'v'.");
    }

    @Test
    void assigningToSomethingOtherThanAPlaceIsAnError() {
        // The parser already refuses this; the checker still guards ASTs built any other way.
        Span at = new Span(2, 1, 2, 9);
        Expr target = new Expr.OptionalChain(at, new Expr.Member(at, new Expr.Identifier(at, "o"), "k", true));
        List<Stmt> body = List.of(
                new Stmt.Let(new Span(1, 1, 1, 11), false, new Pattern.Name(new Span(1, 5, 1, 6), "o"),
                        new Expr.ObjectLit(new Span(1, 9, 1, 11), List.of())),
                new Stmt.Assign(at, target, Stmt.AssignOp.ASSIGN, new Expr.Literal(at, 1.0)));
        assertEquals(List.of("2:1: The left side of an assignment must be a variable, a property or an index."),
                Checker.check("t.flow", body).stream().map(d -> d.line() + ":" + d.column() + ": " + d.message()).toList());
    }
}
