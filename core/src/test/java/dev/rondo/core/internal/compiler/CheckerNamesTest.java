package dev.rondo.core.internal.compiler;

import static dev.rondo.core.internal.compiler.CheckerTesting.assertClean;
import static dev.rondo.core.internal.compiler.CheckerTesting.assertProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.core.Diagnostic;
import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckerNamesTest {

    @Test
    void undeclaredNameIsReportedAtItsPosition() {
        assertProblems("print(y)", "1:7: Undefined variable 'y'.");
    }

    @Test
    void diagnosticCarriesFileLineAndColumn() {
        Span at = new Span(3, 9, 3, 10);
        List<Stmt> body = List.of(new Stmt.ExprStmt(at, new Expr.Identifier(at, "ghost")));
        assertEquals(List.of(new Diagnostic("orders.flow", 3, 9, "Undefined variable 'ghost'.")),
                Checker.check("orders.flow", body));
    }

    @Test
    void declaredLocalIsVisibleAfterItsDeclaration() {
        assertClean("""
                let x = 1
                print(x)
                """);
    }

    @Test
    void useBeforeTheDeclarationInTheSameBlockSaysWhereItIsDeclared() {
        assertProblems("""
                print(x)
                let x = 1
                """, "1:7: Cannot use 'x' before its declaration at 2:5.");
    }

    @Test
    void declarationCannotReadItself() {
        assertProblems("let x = x", "1:9: Cannot use 'x' before its declaration at 1:5.");
    }

    @Test
    void useInAnInnerBlockBeforeTheOuterDeclarationIsAnError() {
        assertProblems("""
                {
                  print(x)
                }
                let x = 1
                """, "2:9: Cannot use 'x' before its declaration at 4:5.");
    }

    @Test
    void useBeforeAnInnerDeclarationReadsTheOuterVariable() {
        assertClean("""
                let x = 1
                {
                  print(x)
                  let x = 2
                  let y = x
                }
                """);
    }

    @Test
    void innerShadowingLeavesTheOuterVariableVisibleAfterTheBlock() {
        assertClean("""
                let x = 1
                {
                  let x = "inner"
                  print(x)
                }
                x = 2
                print(x)
                """);
    }

    @Test
    void blockVariableIsNotVisibleAfterTheBlock() {
        assertProblems("""
                {
                  let y = 1
                }
                print(y)
                """, "4:7: Undefined variable 'y'.");
    }

    @Test
    void localsMayShadowBuiltIns() {
        assertClean("""
                let Math = {floor: 1}
                print(Math.floor, Math.nothing)
                let Inputs = 3
                print(Inputs)
                """);
    }

    @Test
    void inputsAndContextAreValues() {
        assertClean("""
                let i = Inputs
                let c = Context.executionId
                print(Inputs.items[0])
                """);
    }

    @Test
    void namespacesAndFunctionsAreNotValues() {
        assertProblems("""
                let m = Math
                let p = print
                let r = Task.run
                let c = console
                """,
                "1:9: 'Math' is not a value.",
                "2:9: 'print' is not a value.",
                "3:9: 'Task.run' is not a value.",
                "4:9: 'console' is not a value.");
    }

    @Test
    void namespaceConstantsAreValuesButUnknownMembersAreNot() {
        assertProblems("""
                let a = Math.PI + Math.E
                let b = Math.PIE
                """, "2:9: 'Math' has no member 'PIE'.");
    }

    @Test
    void secondDeclarationInTheSameBlockIsAnError() {
        assertProblems("""
                let x = 1
                const x = 2
                """, "2:7: 'x' is already declared in this block at 1:5.");
    }

    @Test
    void sameNameInAnInnerBlockIsShadowingNotARedeclaration() {
        assertClean("""
                let x = 1
                {
                  let x = 2
                }
                """);
    }

    @Test
    void destructuringDeclaresEachOfItsNames() {
        assertProblems("""
                let {a, b: c, d = 5} = Inputs
                let [first, , third] = Inputs.list
                print(a, c, d, first, third)
                print(b)
                """, "4:7: Undefined variable 'b'.");
    }

    @Test
    void repeatedNameInsideOnePatternIsAnError() {
        assertProblems("let [a, a] = Inputs", "1:9: 'a' is already declared in this pattern at 1:6.");
    }

    @Test
    void patternNameClashingWithAnEarlierDeclarationIsAnError() {
        assertProblems("""
                let a = 1
                let {a} = Inputs
                """, "2:6: 'a' is already declared in this block at 1:5.");
    }

    @Test
    void patternDefaultSeesTheNamesBeforeItButNotAfter() {
        assertClean("let [a, b = a] = Inputs");
        assertProblems("let [a = b, b] = Inputs", "1:10: Cannot use 'b' before its declaration at 1:13.");
    }

    @Test
    void forLoopVariableLivesInItsOwnScope() {
        assertClean("""
                for (let i = 0; i < 3; i++) {
                  let i = 5
                }
                let i = 1
                """);
        assertProblems("""
                for (let i = 0; i < 3; i++) {}
                print(i)
                """, "2:7: Undefined variable 'i'.");
    }

    @Test
    void forEachVariableLivesInItsOwnScope() {
        assertProblems("""
                for (const v of [1]) {
                  let v = 2
                }
                print(v)
                """, "4:7: Undefined variable 'v'.");
    }

    @Test
    void forEachIterableCannotReadTheLoopVariable() {
        assertProblems("for (const x of x) {}", "1:17: Cannot use 'x' before its declaration at 1:12.");
    }

    @Test
    void catchParameterLivesInItsOwnScope() {
        assertProblems("""
                try {
                } catch (e) {
                  let e = 1
                }
                print(e)
                """, "5:7: Undefined variable 'e'.");
    }

    @Test
    void constWithoutInitializerIsAnError() {
        // The parser already refuses this; the checker still guards ASTs built any other way.
        List<Stmt> body = List.of(
                new Stmt.Let(new Span(1, 1, 1, 8), true, new Pattern.Name(new Span(1, 7, 1, 8), "c"), null),
                new Stmt.Let(new Span(2, 1, 2, 9), false, new Pattern.Name(new Span(2, 5, 2, 9), "fine"), null));
        assertEquals(List.of("1:1: Missing initializer in 'const' declaration."),
                Checker.check("t.flow", body).stream().map(d -> d.line() + ":" + d.column() + ": " + d.message()).toList());
    }

    @Test
    void switchCasesShareOneBlock() {
        assertProblems("""
                switch (1) {
                  case 1:
                    let a = 1
                    break
                  case 2:
                    let a = 2
                }
                """, "6:9: 'a' is already declared in this block at 3:9.");
    }

    @Test
    void loneDeclarationAsABodyDoesNotLeak() {
        assertProblems("""
                if (true) let x = 1
                print(x)
                """, "2:7: Undefined variable 'x'.");
    }

    @Test
    void everyProblemIsReportedInSourceOrder() {
        assertProblems("""
                let m = Math
                print(a)
                b = 2
                """,
                "1:9: 'Math' is not a value.",
                "2:7: Undefined variable 'a'.",
                "3:1: Undefined variable 'b'.");
    }

    @Test
    void namesInEveryKindOfExpressionAreChecked() {
        assertProblems("""
                let x = [a, ...b, {k: c, [d]: 1, ...e}, `${f}`, -g, h + 1, i && 1, j ? 1 : 2, k?.m, l[0]]
                """,
                "1:10: Undefined variable 'a'.",
                "1:16: Undefined variable 'b'.",
                "1:23: Undefined variable 'c'.",
                "1:27: Undefined variable 'd'.",
                "1:37: Undefined variable 'e'.",
                "1:44: Undefined variable 'f'.",
                "1:50: Undefined variable 'g'.",
                "1:53: Undefined variable 'h'.",
                "1:60: Undefined variable 'i'.",
                "1:68: Undefined variable 'j'.",
                "1:79: Undefined variable 'k'.",
                "1:85: Undefined variable 'l'.");
    }
}
