package dev.rondo.core.internal.compiler;

import static dev.rondo.core.internal.compiler.ParserTestSupport.error;
import static dev.rondo.core.internal.compiler.ParserTestSupport.program;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Where statements end without ';' (LANGUAGE.md §2, JavaScript's automatic semicolon insertion). */
class ParserAsiTest {

    @Test
    void endsAStatementAtALineBreakWhereItIsComplete() {
        assertEquals("(let a 1)\n(let b 2)\n(call print a b)", program("let a = 1\nlet b = 2\nprint(a, b)"));
        assertEquals("(= x 1)\n(= y 2)", program("x = 1\r\ny = 2\r\n"));
        assertEquals("(= x 1)\n(= y 2)", program("x = 1\ry = 2"));
    }

    @Test
    void endsAStatementAtSemicolonsOnOneLine() {
        assertEquals("(= x 1)\n(= y 2)\n(call f)", program("x = 1; y = 2; f()"));
    }

    @Test
    void endsAStatementBeforeAClosingBraceOrTheEndOfTheFile() {
        assertEquals("(if a {(= x 1)})", program("if (a) { x = 1 }"));
        assertEquals("(= x 1)", program("x = 1"));
    }

    @Test
    void continuesAnExpressionThatIsNotCompleteAtTheLineBreak() {
        assertEquals("(let total (+ (+ a b) c))", program("let total = a +\n  b\n  + c"));
        assertEquals("(call f 1 2)", program("f(\n  1,\n  2\n)"));
        assertEquals("(let x (. (call (. a b) c) d))", program("let x = a\n  .b(c)\n  .d"));
        assertEquals("(let y (? a b c))", program("let y = a\n  ? b\n  : c"));
        assertEquals("(let o {a: 1 b: 2})", program("let o = {\n  a: 1,\n  b: 2\n}"));
    }

    @Test
    void continuesTheExpressionWhenTheNextLineStartsWithParenthesisBracketOrTemplate() {
        assertEquals("(let b (call a foo))", program("let b = a\n(foo)"));
        assertEquals("(let b ([] a 0))", program("let b = a\n[0]"));
        assertEquals("(let b (- a c))", program("let b = a\n-c"));
        assertEquals("2:1: Tagged templates are not supported.", error("let b = a\n`x`"));
    }

    @Test
    void endsReturnBreakAndContinueAtALineBreak() {
        assertEquals("(return)\n(+= x 1)", program("return\nx += 1"));
        assertEquals("(while 1 {(break); (call f)})", program("while (1) {\n  break\n  f()\n}"));
        assertEquals("(while 1 {(continue); (call f)})", program("while (1) {\n  continue\n  f()\n}"));
        assertEquals("(label a (while 1 {(break); a}))", program("a: while (1) {\n  break\n  a\n}"));
        assertEquals("(return (+ 1 2))", program("return 1 +\n  2"));
    }

    @Test
    void requiresTheOperandOfThrowOnTheSameLine() {
        assertEquals("1:6: Expect an expression after 'throw' on the same line.", error("throw\nError(\"x\")"));
        assertEquals("(throw (call Error \"x\"))", program("throw Error(\n  \"x\")"));
    }

    @Test
    void treatsIncrementAtTheStartOfALineAsPrefix() {
        assertEquals("x\n(+= y 1)", program("x\n++y"));
        assertEquals("x\n(-= y 1)", program("x\n--\ny"));
        assertEquals("(+= x 1)\n(+= y 1)", program("x++\ny++"));
        assertEquals("(for (= i 0) (< i 3) (+= i 1) {})", program("for (i = 0; i < 3;\n  ++i) {}"));
    }

    @Test
    void readsKeywordsAfterADotAsPropertyNames() {
        assertEquals("(call (. p finally) f)", program("p.finally(f)"));
        assertEquals("(= x (. o return))\n(call f)", program("x = o.return\nf()"));
    }

    @Test
    void endsADoWhileWithoutSemicolon() {
        assertEquals("(do {(+= x 1)} (< x 3))\n(call print x)", program("do { x++ } while (x < 3) print(x)"));
    }

    @Test
    void reportsTwoStatementsOnOneLineWithoutSemicolon() {
        assertEquals("1:12: Expect ';' or a line break before 'print'.", error("print(\"a\") print(\"b\")"));
        assertEquals("1:11: Expect ';' or a line break before '6'.", error("let x = 5 6"));
        assertEquals("1:12: Expect ';' or a line break before 'else'.", error("if (a) b() else c()"));
    }
}
