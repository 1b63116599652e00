package dev.rondo.core.internal.compiler;

import static dev.rondo.core.internal.compiler.ParserTestSupport.error;
import static dev.rondo.core.internal.compiler.ParserTestSupport.expression;
import static dev.rondo.core.internal.compiler.ParserTestSupport.print;
import static dev.rondo.core.internal.compiler.ParserTestSupport.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Span;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParserExpressionTest {

    private static String parsed(String source) {
        return print(expression(source));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " :: ", textBlock = """
            a ? b : c ? d : e :: (? a b (? c d e))
            a ? b ? c : d : e :: (? a (? b c d) e)
            a ?? b ? c : d :: (? (?? a b) c d)
            a ?? b ?? c :: (?? (?? a b) c)
            a || b || c :: (|| (|| a b) c)
            a || b && c :: (|| a (&& b c))
            a && b || c :: (|| (&& a b) c)
            a && b == c :: (&& a (== b c))
            a == b != c === d !== e :: (!== (=== (!= (== a b) c) d) e)
            a == b < c :: (== a (< b c))
            a < b <= c > d >= e :: (>= (> (<= (< a b) c) d) e)
            a < b + c :: (< a (+ b c))
            a + b - c :: (- (+ a b) c)
            a - b * c :: (- a (* b c))
            a * b / c % d :: (% (/ (* a b) c) d)
            a * b ** c :: (* a (** b c))
            a ** b ** c :: (** a (** b c))
            2 ** -1 :: (** 2 (- 1))
            (-a) ** 2 :: (** (- a) 2)
            -a * b :: (* (- a) b)
            !a && b :: (&& (! a) b)
            typeof a == "number" :: (== (typeof a) "number")
            3 - -5 :: (- 3 (- 5))
            - - a :: (- (- a))
            +a :: (+ a)
            !a.b :: (! (. a b))
            -a[0] :: (- ([] a 0))
            await a + await b :: (+ (await a) (await b))
            await a.b(c) :: (await (call (. a b) c))
            !await a :: (! (await a))
            (a + b) * c :: (* (+ a b) c)
            a * (b + c) :: (* a (+ b c))
            (a || b) ?? c :: (?? (|| a b) c)
            a ?? (b && c) :: (?? a (&& b c))
            """)
    void groupsOperatorsByTheirPrecedence(String source, String expected) {
        assertEquals(expected, parsed(source));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " :: ", textBlock = """
            a.b.c :: (. (. a b) c)
            a[0][1] :: ([] ([] a 0) 1)
            f(x)(y) :: (call (call f x) y)
            console.log(1, 2) :: (call (. console log) 1 2)
            Task.run("a", {x: 1}) :: (call (. Task run) "a" {x: 1})
            a.b(c).d[e] :: ([] (. (call (. a b) c) d) e)
            p.catch :: (. p catch)
            x.default.new :: (. (. x default) new)
            f() :: (call f)
            f(a, b,) :: (call f a b)
            f(...xs, 1) :: (call f ...xs 1)
            """)
    void chainsPostfixOperationsLeftToRight(String source, String expected) {
        assertEquals(expected, parsed(source));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " :: ", textBlock = """
            a?.b :: (chain (?. a b))
            a?.[i] :: (chain (?.[] a i))
            a?.m(x) :: (chain (call (?. a m) x))
            f?.(x) :: (chain (?.call f x))
            a?.b.c.d :: (chain (. (. (?. a b) c) d))
            a.b?.c[0]?.d :: (chain (?. ([] (?. (. a b) c) 0) d))
            (a?.b).c :: (. (chain (?. a b)) c)
            a?.b + c?.d :: (+ (chain (?. a b)) (chain (?. c d)))
            x ? .5 : 1 :: (? x 0.5 1)
            """)
    void wrapsEachOptionalChainOnceAtItsEnd(String source, String expected) {
        assertEquals(expected, parsed(source));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " :: ", textBlock = """
            42 :: 42
            3.14 :: 3.14
            .5 :: 0.5
            5. :: 5
            1e3 :: 1000
            2.5E-3 :: 0.0025
            0x1F :: 31
            0XfF :: 255
            1_000_000 :: 1000000
            0x_1 :: -
            0 :: 0
            0.5e1 :: 5
            """)
    void readsEveryNumberForm(String source, String expected) {
        if (expected.equals("-")) {
            return; // not a number: see the invalid number tests
        }
        Expr.Literal literal = assertInstanceOf(Expr.Literal.class, expression(source));
        assertInstanceOf(Double.class, literal.value(), "numbers are always doubles");
        assertEquals(expected, print(literal));
    }

    @Test
    void readsLiteralValues() {
        assertEquals("[null true false \"s\" \"'s'\"]", parsed("[null, true, false, \"s\", \"'s'\"]"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " :: ", quoteCharacter = '~', textBlock = """
            "a\\nb" :: ~"a\\nb"~
            'it\\'s' :: ~"it's"~
            "say \\"hi\\"" :: ~"say \\"hi\\""~
            "\\t\\\\" :: ~"\\t\\\\"~
            "\\u0041\\u{42}\\u{1F600}" :: ~"AB😀"~
            '"' :: ~"\\""~
            """)
    void appliesEscapesInQuotedStrings(String source, String expected) {
        assertEquals(expected, parsed(source));
    }

    @Test
    void appliesTheRemainingEscapes() {
        Expr.Literal literal = assertInstanceOf(Expr.Literal.class, expression("'\\r\\b\\f\\v\\`\\$\\0'"));
        assertEquals("\r\b\f\u000B`$\0", literal.value());
    }

    @Test
    void dropsALineContinuationInAString() {
        assertEquals("\"ab\"", parsed("'a\\\nb'"));
        assertEquals("\"ab\"", parsed("'a\\\r\nb'"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " :: ", quoteCharacter = '~', textBlock = """
            `plain` :: ~(template "plain")~
            `` :: ~(template "")~
            `a ${x} b` :: ~(template "a " x " b")~
            `${x}${y}` :: ~(template "" x "" y "")~
            `total: ${a + b}` :: ~(template "total: " (+ a b) "")~
            `${ {a: 1}.a }` :: ~(template "" (. {a: 1} a) "")~
            `${ {a: {b: 2}} }!` :: ~(template "" {a: {b: 2}} "!")~
            `out ${ `in ${x} ner` } end` :: ~(template "out " (template "in " x " ner") " end")~
            `${await t()}` :: ~(template "" (await (call t)) "")~
            `$ $$ {x} $` :: ~(template "$ $$ {x} $")~
            `\\${not} \\` \\n` :: ~(template "${not} ` \\n")~
            """)
    void readsTemplateLiterals(String source, String expected) {
        assertEquals(expected, parsed(source));
    }

    @Test
    void keepsLineBreaksInTemplatesAsLineFeeds() {
        assertEquals("(template \"a\\nb\\nc\")", parsed("`a\nb\r\nc`"));
        assertEquals("(template \"ab\")", parsed("`a\\\nb`"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " :: ", quoteCharacter = '~', textBlock = """
            [1, 2, 3] :: ~[1 2 3]~
            [1, 2,] :: ~[1 2]~
            [] :: ~[]~
            [...a, 4, ...b] :: ~[...a 4 ...b]~
            x = {} :: ~(= x {})~
            x = {a, b} :: ~(= x {a: a b: b})~
            x = {a: 1, "b-c": 2, 'd': 3,} :: ~(= x {a: 1 b-c: 2 d: 3})~
            x = {[k]: v, ...o, k2: 1} :: ~(= x {[k]: v ...o k2: 1})~
            x = {1: "one", 0x10: "hex", 1.0: 2} :: ~(= x {1: "one" 16: "hex" 1: 2})~
            x = {if: 1, default: 2, let: 3} :: ~(= x {if: 1 default: 2 let: 3})~
            """)
    void readsArrayAndObjectLiterals(String source, String expected) {
        assertEquals(expected, statement(source));
    }

    @Test
    void readsKeywordsAsWholeWordsOnly() {
        assertEquals("(+ (+ (+ letter nullable) returnValue) awaitable)",
                parsed("letter + nullable + returnValue + awaitable"));
        assertEquals("(+ breakfast $if_)", parsed("breakfast + $if_"));
    }

    @Test
    void reportsMixingCoalesceWithOrAndAndWithoutParentheses() {
        String message = "Cannot mix '??' with '||' or '&&' without parentheses.";
        assertEquals("1:3: " + message, error("a ?? b || c"));
        assertEquals("1:8: " + message, error("a || b ?? c"));
        assertEquals("1:8: " + message, error("a && b ?? c"));
        assertEquals("1:3: " + message, error("a ?? b && c"));
    }

    @Test
    void reportsAUnaryOperatorOnTheLeftOfPowerAsJavaScriptDoes() {
        assertEquals("1:1: A unary '-' on the left of '**' needs parentheses: write '(-a) ** b' or '-(a ** b)'.",
                error("-a ** 2"));
        assertEquals("1:6: A unary 'typeof' on the left of '**' needs parentheses: write '(typeof a) ** b' or"
                + " 'typeof (a ** b)'.", error("2 ** typeof a ** 2"));
    }

    @Test
    void parsesArrowFunctionsAndGivesTaggedTemplatesAClearError() {
        assertEquals("(call f (=> (x) {(return (* x 2))}))", ParserTestSupport.program("f((x) => x * 2)"));
        assertEquals("(call g (async => (a b) {(await a)}))", ParserTestSupport.program("g(async (a, b = 1) => { await a })"));
        assertEquals("1:4: Tagged templates are not supported.", error("tag`x`"));
    }

    @Test
    void givesExactSpansToExpressions() {
        // 1234567890123456789012345
        // print(a.b + f(1, `x${y}`))
        Expr.Call call = assertInstanceOf(Expr.Call.class, expression("print(a.b + f(1, `x${y}`))"));
        assertEquals(new Span(1, 1, 1, 27), call.span());
        Expr.Binary sum = assertInstanceOf(Expr.Binary.class, call.args().get(0));
        assertEquals(new Span(1, 7, 1, 26), sum.span());
        assertEquals(new Span(1, 7, 1, 10), sum.left().span());
        Expr.Call inner = assertInstanceOf(Expr.Call.class, sum.right());
        assertEquals(new Span(1, 13, 1, 26), inner.span());
        assertEquals(new Span(1, 18, 1, 25), inner.args().get(1).span());
        Expr.Template template = assertInstanceOf(Expr.Template.class, inner.args().get(1));
        assertEquals(new Span(1, 22, 1, 23), template.exprs().get(0).span());
    }

    @Test
    void spansAMultiLineExpressionToItsLastLine() {
        Expr.Call call = assertInstanceOf(Expr.Call.class, expression("f(1,\n  2,\n  `a\nb`)"));
        assertEquals(new Span(1, 1, 4, 4), call.span());
        assertEquals(new Span(3, 3, 4, 3), call.args().get(2).span());
    }

    @Test
    void countsColumnsInUtf16UnitsAfterCharactersOutsideTheBasicPlane() {
        // the emoji is two UTF-16 units: 'x' starts at column 11
        Expr.Binary sum = assertInstanceOf(Expr.Binary.class, expression("\"😀😀\" + x + \"é\""));
        assertEquals(List.of(1, 1), List.of(sum.span().line(), sum.span().column()));
        Expr.Binary inner = assertInstanceOf(Expr.Binary.class, sum.left());
        assertEquals(new Span(1, 10, 1, 11), inner.right().span());
        assertEquals(new Span(1, 14, 1, 17), sum.right().span());
    }
}
