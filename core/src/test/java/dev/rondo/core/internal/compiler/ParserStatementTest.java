package dev.rondo.core.internal.compiler;

import static dev.rondo.core.internal.compiler.ParserTestSupport.error;
import static dev.rondo.core.internal.compiler.ParserTestSupport.parse;
import static dev.rondo.core.internal.compiler.ParserTestSupport.program;
import static dev.rondo.core.internal.compiler.ParserTestSupport.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserStatementTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " :: ", textBlock = """
            let x = 1 :: (let x 1)
            let x :: (let x)
            const c = a + 1 :: (const c (+ a 1))
            let {a, b: renamed, c = 5} = obj :: (let {a: a, b: renamed, c: c = 5} obj)
            let [first, second] = arr :: (let [first, second] arr)
            let [p, , q = 1] = arr :: (let [p, _, q = 1] arr)
            let [, b] = arr :: (let [_, b] arr)
            let [a,] = arr :: (let [a] arr)
            let {a: {b: [c, d = 2]}, 'e-f': g} = o :: (let {a: {b: [c, d = 2]}, e-f: g} o)
            let {0: first, default: d} = o :: (let {0: first, default: d} o)
            """)
    void readsDeclarationsAndPatterns(String source, String expected) {
        assertEquals(expected, statement(source));
    }

    @Test
    void givesEachVariableOfOneDeclarationItsOwnLet() {
        List<Stmt> body = parse("let a = 1, b, c = a");
        assertEquals("(let a 1)\n(let b)\n(let c a)", program("let a = 1, b, c = a"));
        assertEquals(new Span(1, 1, 1, 10), body.get(0).span());
        assertEquals(new Span(1, 12, 1, 13), body.get(1).span());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " :: ", textBlock = """
            x = 1 :: (= x 1)
            o.k = e :: (= (. o k) e)
            o[k] = e :: (= ([] o k) e)
            o.a.b[0].c = e :: (= (. ([] (. (. o a) b) 0) c) e)
            (x) = 2 :: (= x 2)
            x += 1 :: (+= x 1)
            x -= 1 :: (-= x 1)
            x *= 2 :: (*= x 2)
            x /= 2 :: (/= x 2)
            x %= 2 :: (%= x 2)
            x **= 2 :: (**= x 2)
            x ??= d :: (??= x d)
            x ||= d :: (||= x d)
            x &&= d :: (&&= x d)
            x++ :: (+= x 1)
            x-- :: (-= x 1)
            ++x :: (+= x 1)
            --x :: (-= x 1)
            o.k++ :: (+= (. o k) 1)
            --a[0] :: (-= ([] a 0) 1)
            o.k = await t() :: (= (. o k) (await (call t)))
            o[await k()] = 1 :: (= ([] o (await (call k))) 1)
            """)
    void readsAssignmentsAndUpdates(String source, String expected) {
        assertEquals(expected, statement(source));
    }

    @Test
    void givesUpdatesTheSpanOfTheStatementAndOfTheOperator() {
        Stmt.Assign update = assertInstanceOf(Stmt.Assign.class, parse("  count++").get(0));
        assertEquals(new Span(1, 3, 1, 10), update.span());
        assertEquals(new Span(1, 3, 1, 8), update.target().span());
        assertEquals(new Span(1, 8, 1, 10), update.value().span());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " :: ", textBlock = """
            1 = 2 :: 1:1
            f() = 3 :: 1:1
            a.b().c = 1 :: 1:1
            a + b = c :: 1:1
            a?.b = 1 :: 1:1
            (a?.b).c = 1 :: 1:1
            (await x).y = 1 :: 1:1
            f()++ :: 1:1
            ++a.b() :: 1:3
            """)
    void reportsInvalidAssignmentTargets(String source, String position) {
        assertEquals(position + ": Invalid assignment target.", error(source));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " :: ", textBlock = """
            if (a) b() :: (if a (call b))
            if (a) b(); else c() :: (if a (call b) (call c))
            if (a) { b() } else if (c) { d() } else { e() } :: (if a {(call b)} (if c {(call d)} {(call e)}))
            if (a) if (b) x(); else y() :: (if a (if b (call x) (call y)))
            if (a) ; else b() :: (if a {} (call b))
            if (a) let x = 1 :: (if a {(let x 1)})
            while (i < 3) i++ :: (while (< i 3) (+= i 1))
            while ((await poll()).pending) {} :: (while (. (await (call poll)) pending) {})
            do x++; while (x < 10) :: (do (+= x 1) (< x 10))
            do { x++ } while (x < 10) :: (do {(+= x 1)} (< x 10))
            for (;;) {} :: (for - - - {})
            for (let i = 0; i < n; i++) f(i) :: (for (let i 0) (< i n) (+= i 1) (call f i))
            for (i = 0, j = 9; i < j; i++, j--) {} :: (for {(= i 0); (= j 9)} (< i j) {(+= i 1); (-= j 1)} {})
            for (const v of list) print(v) :: (for-of const v list (call print v))
            for (let k in obj) {} :: (for-in let k obj {})
            for (const [k, v] of Object.entries(o)) {} :: (for-of const [k, v] (call (. Object entries) o) {})
            for (const {id} of items) {} :: (for-of const {id: id} items {})
            outer: for (const x of xs) { continue outer } :: (label outer (for-of const x xs {(continue outer)}))
            a: b: while (1) break a :: (label a (label b (while 1 (break a))))
            while (1) { break } :: (while 1 {(break)})
            return :: (return)
            return x + 1 :: (return (+ x 1))
            throw Error("x") :: (throw (call Error "x"))
            throw {name: "E"} :: (throw {name: "E"})
            try { a() } catch (e) { b(e) } :: (try {(call a)} (catch e {(call b e)}))
            try { a() } catch { b() } :: (try {(call a)} (catch {(call b)}))
            try { a() } finally { c() } :: (try {(call a)} (finally {(call c)}))
            try { a() } catch ({message}) { } finally { c() } :: (try {(call a)} (catch {message: message} {}) (finally {(call c)}))
            { let x = 1; print(x) } :: {(let x 1); (call print x)}
            """)
    void readsControlFlowStatements(String source, String expected) {
        assertEquals(expected, statement(source));
    }

    @Test
    void readsSwitchWithFallThroughAndDefault() {
        String source = """
                switch (x) {
                  case 1:
                  case 2:
                    print("small")
                    break
                  case "a" + b: { f() }
                  default:
                    print("other")
                }
                """;
        assertEquals("(switch x (case 1) (case 2 (call print \"small\") (break)) (case (+ \"a\" b) {(call f)})"
                + " (default (call print \"other\")))", statement(source));
        Stmt.Switch switchStmt = assertInstanceOf(Stmt.Switch.class, parse(source).get(0));
        assertEquals(new Span(1, 1, 9, 2), switchStmt.span());
        assertEquals(new Span(3, 3, 5, 10), switchStmt.cases().get(1).span());
    }

    @Test
    void dropsEmptyStatements() {
        assertEquals("(= x 1)\n(= y 2)", program(";; x = 1;;; y = 2;"));
        assertTrue(parse("").isEmpty());
        assertTrue(parse("  // only a comment\n/* and another */\n").isEmpty());
    }

    @Test
    void readsTheBodyOfMainAsTheWorkflowForRhythmFiles() {
        String source = """
                async function main() {
                  const order = await Task.run("charge", Inputs)
                  return order
                }
                """;
        assertEquals("(const order (await (call (. Task run) \"charge\" Inputs)))\n(return order)", program(source));
        assertEquals("(call print 1)", program("function main() { print(1) }"));
        assertEquals("", program("async function main() {}"));
    }

    @Test
    void parsesHelperFunctions() {
        assertEquals("(function helper (a) {(return a)})\n(call helper 1)", program("function helper(a) { return a }\nhelper(1)"));
        assertEquals("(async function main () {})\n(function other (...rest) {})",
                program("async function main() {}\nfunction other(...rest) {}"));
        assertEquals("1:15: The function 'main' takes no parameters; read the workflow's input from 'Inputs'.",
                error("function main(input) {}"));
    }

    @Test
    void refusesVarWithAHint() {
        assertEquals("1:1: 'var' is not supported; use 'let' or 'const'.", error("var x = 1"));
        assertEquals("1:6: 'var' is not supported; use 'let' or 'const'.", error("for (var x of xs) {}"));
    }

    @Test
    void reportsDeclarationsThatNeedAValue() {
        assertEquals("1:7: A 'const' needs a value: write 'const c = …'.", error("const c"));
        assertEquals("1:5: A destructuring declaration needs a value: write 'let {a} = …'.", error("let {a}"));
        assertEquals(List.of(), Parser.parse("test.flow", "for (let i = 0, j = 1; i < j; i++, j--) {}").diagnostics());
        assertEquals("1:6: Expect 'let' or 'const' before the loop variable.", error("for (x of xs) {}"));
    }

    @Test
    void reportsUnsupportedPatternsAndASecondDefault() {
        assertEquals("1:9: Rest patterns ('...name') are not supported.", error("let {a, ...rest} = o"));
        assertEquals("1:9: Rest patterns ('...name') are not supported.", error("let [a, ...rest] = o"));
        assertEquals("1:6: Computed keys are not supported in destructuring patterns.", error("let {[k]: v} = o"));
        assertEquals("1:35: A 'switch' can have only one 'default'.",
                error("switch (x) { default: f(); break; default: g() }"));
    }

    @Test
    void givesStatementsTheirSpans() {
        List<Stmt> body = parse("if (a) {\n  b()\n} else c()\nlet x = 1;\nreturn");
        assertEquals(new Span(1, 1, 3, 11), body.get(0).span());
        Stmt.If ifStmt = (Stmt.If) body.get(0);
        assertEquals(new Span(1, 8, 3, 2), ifStmt.then().span());
        assertEquals(new Span(2, 3, 2, 6), ((Stmt.Block) ifStmt.then()).body().get(0).span());
        assertEquals(new Span(4, 1, 4, 10), body.get(1).span());
        assertEquals(new Span(5, 1, 5, 7), body.get(2).span());
    }
}
