package dev.rondo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Expr.ArrayLit;
import dev.rondo.core.ast.Expr.Await;
import dev.rondo.core.ast.Expr.Binary;
import dev.rondo.core.ast.Expr.BinaryOp;
import dev.rondo.core.ast.Expr.Call;
import dev.rondo.core.ast.Expr.ComputedProp;
import dev.rondo.core.ast.Expr.Conditional;
import dev.rondo.core.ast.Expr.Identifier;
import dev.rondo.core.ast.Expr.Index;
import dev.rondo.core.ast.Expr.KeyProp;
import dev.rondo.core.ast.Expr.Literal;
import dev.rondo.core.ast.Expr.Logical;
import dev.rondo.core.ast.Expr.LogicalOp;
import dev.rondo.core.ast.Expr.Member;
import dev.rondo.core.ast.Expr.ObjectLit;
import dev.rondo.core.ast.Expr.OptionalChain;
import dev.rondo.core.ast.Expr.Spread;
import dev.rondo.core.ast.Expr.SpreadProp;
import dev.rondo.core.ast.Expr.Template;
import dev.rondo.core.ast.Expr.Unary;
import dev.rondo.core.ast.Expr.UnaryOp;
import dev.rondo.core.ast.Node;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Pattern.ArrayPattern;
import dev.rondo.core.ast.Pattern.Element;
import dev.rondo.core.ast.Pattern.Name;
import dev.rondo.core.ast.Pattern.ObjectPattern;
import dev.rondo.core.ast.Pattern.PropTarget;
import dev.rondo.core.ast.Program;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import dev.rondo.core.ast.Stmt.Assign;
import dev.rondo.core.ast.Stmt.AssignOp;
import dev.rondo.core.ast.Stmt.AwaitStmt;
import dev.rondo.core.ast.Stmt.Block;
import dev.rondo.core.ast.Stmt.Break;
import dev.rondo.core.ast.Stmt.Case;
import dev.rondo.core.ast.Stmt.Continue;
import dev.rondo.core.ast.Stmt.DoWhile;
import dev.rondo.core.ast.Stmt.ExprStmt;
import dev.rondo.core.ast.Stmt.For;
import dev.rondo.core.ast.Stmt.ForEach;
import dev.rondo.core.ast.Stmt.If;
import dev.rondo.core.ast.Stmt.Labeled;
import dev.rondo.core.ast.Stmt.Let;
import dev.rondo.core.ast.Stmt.Return;
import dev.rondo.core.ast.Stmt.Switch;
import dev.rondo.core.ast.Stmt.Throw;
import dev.rondo.core.ast.Stmt.Try;
import dev.rondo.core.ast.Stmt.While;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AstCodecRoundTripTest {

    /** Gives every node its own span, so a span written or read in the wrong place breaks equality. */
    private static int nextLine;

    static Span sp() {
        int line = ++nextLine;
        return new Span(line, line + 1, line + 2, line + 3);
    }

    static Identifier id(String name) {
        return new Identifier(sp(), name);
    }

    static Literal lit(Object value) {
        return new Literal(sp(), value);
    }

    static Block block(Stmt... body) {
        return new Block(sp(), List.of(body));
    }

    static ExprStmt print(Expr value) {
        return new ExprStmt(sp(), new Call(sp(), id("print"), List.of(value), false));
    }

    /** One node of every kind, every part present: no null, no false, no empty list. */
    static Program everyKind() {
        nextLine = 0;
        Expr call = new Call(sp(), new Member(sp(), id("Task"), "run", true),
                List.of(lit("charge"), new Spread(sp(), id("rest"))), true);
        Pattern destructure = new ObjectPattern(sp(), List.of(
                new PropTarget(sp(), "items", new ArrayPattern(sp(), List.of(
                        new Element(sp(), new Name(sp(), "first"), lit(1.5)))), lit("none"))));
        Expr object = new ObjectLit(sp(), List.of(
                new KeyProp(sp(), "a-b", lit(true)),
                new ComputedProp(sp(), id("k"), new ArrayLit(sp(), List.of(lit(2.0), new Spread(sp(), id("xs"))))),
                new SpreadProp(sp(), id("defaults"))));
        Stmt forLoop = new For(sp(),
                new Let(sp(), true, new Name(sp(), "i"), lit(0.0)),
                new Binary(sp(), BinaryOp.LESS, id("i"), lit(10.0)),
                new Assign(sp(), id("i"), AssignOp.ADD, lit(1.0)),
                block(new Continue(sp(), "outer")));
        Stmt labeled = new Labeled(sp(), "outer", new ForEach(sp(), true, true, new Name(sp(), "key"),
                new Index(sp(), id("table"), lit("rows"), true), block(new Break(sp(), "outer"))));
        Stmt tryStmt = new Try(sp(), block(print(lit("try"))), new Name(sp(), "error"),
                block(new Throw(sp(), id("error"))), block(print(lit("finally"))));
        Stmt switchStmt = new Switch(sp(), new Unary(sp(), UnaryOp.TYPEOF, id("x")), List.of(
                new Case(sp(), lit("string"), List.of(new Return(sp(), new Conditional(sp(), id("a"), id("b"),
                        new Logical(sp(), LogicalOp.COALESCE, id("c"), id("d"))))))));
        return new Program("every-kind.flow", List.of(
                new Let(sp(), true, destructure, object),
                new ExprStmt(sp(), call),
                new Assign(sp(), new Member(sp(), id("order"), "total", true), AssignOp.COALESCE,
                        new Template(sp(), List.of("total: ", " EUR"), List.of(id("sum")))),
                new If(sp(), id("ready"), block(print(id("ready"))), new While(sp(), id("waiting"),
                        new DoWhile(sp(), block(print(lit("again"))), id("retry")))),
                forLoop,
                labeled,
                tryStmt,
                switchStmt,
                new AwaitStmt(sp(), "result", call),
                new ExprStmt(sp(), new OptionalChain(sp(), new Member(sp(), id("maybe"), "value", true))),
                new ExprStmt(sp(), new Await(sp(), id("promise"))),
                new Stmt.FunctionDecl(sp(), new Expr.Function(sp(), "helper", true, true,
                        List.of(new Expr.Param(sp(), new Name(sp(), "a"), lit(1.0), true)),
                        block(new Return(sp(), id("a")))))));
    }

    /** Every part that may be null, left out: the other half of {@link #everyKind()}. */
    static Program everyOptionalPartLeftOut() {
        nextLine = 0;
        return new Program("sparse.flow", List.of(
                new Let(sp(), false, new ArrayPattern(sp(), Arrays.asList(
                        null, new Element(sp(), new Name(sp(), "second"), null), null)), null),
                new Let(sp(), false, new ObjectPattern(sp(), List.of(
                        new PropTarget(sp(), "a", new Name(sp(), "a"), null))), null),
                new If(sp(), lit(false), new Break(sp(), null), null),
                new For(sp(), null, null, null, new Continue(sp(), null)),
                new ForEach(sp(), false, false, new Name(sp(), "v"), new ArrayLit(sp(), List.of()), block()),
                new Try(sp(), block(), null, null, block()),
                new Try(sp(), block(), null, block(), null),
                new Switch(sp(), lit(null), List.of(new Case(sp(), null, List.of()))),
                new Return(sp(), null),
                new AwaitStmt(sp(), null, new Call(sp(), id("sleep"), List.of(), false)),
                new ExprStmt(sp(), new Index(sp(), id("a"), id("b"), false)),
                new ExprStmt(sp(), new Member(sp(), id("a"), "b", false)),
                new ExprStmt(sp(), new Template(sp(), List.of(""), List.of())),
                new ExprStmt(sp(), new ObjectLit(sp(), List.of())),
                new Block(sp(), List.of()),
                new ExprStmt(sp(), new Expr.Function(sp(), null, false, false,
                        List.of(new Expr.Param(sp(), new Name(sp(), "x"), null, false)), block()))));
    }

    @Test
    void roundTripsOneNodeOfEveryKindWithEveryPartPresent() {
        Program program = everyKind();
        assertEquals(program, AstCodec.fromJson(AstCodec.toJson(program)));
    }

    @Test
    void roundTripsEveryOptionalPartLeftOut() {
        Program program = everyOptionalPartLeftOut();
        assertEquals(program, AstCodec.fromJson(AstCodec.toJson(program)));
    }

    @Test
    void theEveryKindSampleHasEveryAstRecordTypeWithEveryPartPresent() {
        Set<Class<?>> complete = new HashSet<>();
        collectComplete(everyKind(), complete);
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : astRecordTypes()) {
            if (!complete.contains(type)) {
                missing.add(type.getName());
            }
        }
        assertEquals(Set.of(), missing, "record types the sample lacks, or has only with a null/false/empty part");
    }

    @Test
    void theSparseSampleHasEveryNullablePartNullAndEveryFlagFalse() {
        Set<String> absent = new TreeSet<>();
        collectAbsent(everyOptionalPartLeftOut(), absent);
        Set<String> expected = new TreeSet<>(List.of("If.otherwise", "Let.init", "For.init", "For.test",
                "For.update", "Try.param", "Try.handler", "Try.finalizer", "Return.value", "Break.label",
                "Continue.label", "AwaitStmt.target", "Case.test", "PropTarget.defaultValue", "Element.defaultValue",
                "ArrayPattern.elements[hole]", "Literal.value", "Let.constant", "ForEach.keys", "ForEach.constant",
                "Member.optional", "Index.optional", "Call.optional", "Function.name", "Function.async",
                "Function.arrow", "Param.defaultValue", "Param.rest"));
        assertEquals(expected, absent);
    }

    @Test
    void leavesOutNullPartsAndFalseFlags() {
        String json = AstCodec.toJson(everyOptionalPartLeftOut());
        // What remains: the null literal, the false literal and the holes of the array pattern.
        assertEquals(List.of("\"value\":false", "\"value\":null"), matches(json, "\"\\w+\":(null|false)"));
        assertTrue(json.contains("\"elements\":[null,{"), json);
        assertTrue(json.contains("}},null]"), json);
    }

    @Test
    void roundTripsEveryOperator() {
        List<Stmt> body = new ArrayList<>();
        for (UnaryOp op : UnaryOp.values()) {
            body.add(new ExprStmt(sp(), new Unary(sp(), op, id("x"))));
        }
        for (BinaryOp op : BinaryOp.values()) {
            body.add(new ExprStmt(sp(), new Binary(sp(), op, id("x"), id("y"))));
        }
        for (LogicalOp op : LogicalOp.values()) {
            body.add(new ExprStmt(sp(), new Logical(sp(), op, id("x"), id("y"))));
        }
        for (AssignOp op : AssignOp.values()) {
            body.add(new Assign(sp(), id("x"), op, id("y")));
        }
        Program program = new Program("ops.flow", body);
        assertEquals(program, AstCodec.fromJson(AstCodec.toJson(program)));
    }

    @Test
    void writesOperatorsAsTheirSymbols() {
        Program program = new Program("a.flow", List.of(new Assign(new Span(1, 1, 1, 8), id("x"), AssignOp.COALESCE,
                new Binary(new Span(1, 5, 1, 8), BinaryOp.STRICT_NOT_EQUAL, lit(1.0), lit(2.0)))));
        String json = AstCodec.toJson(program);
        assertTrue(json.contains("\"op\":\"??=\""), json);
        assertTrue(json.contains("\"op\":\"!==\""), json);
    }

    @Test
    void roundTripsEdgeCaseNumbersExactly() {
        double[] numbers = {0.0, -0.0, 1.0, -1.0, 0.1, 0.1 + 0.2, 1e300, -1e300, 5e-324, -5e-324, Double.MIN_NORMAL,
            Double.MAX_VALUE, 9007199254740991.0, 9007199254740992.0, 1e21, 123456789012345680000.0, 1e-7,
            2.5e-8, 4.35, 100.0, Math.PI, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double number : numbers) {
            Object back = roundTripLiteral(number);
            assertInstanceOf(Double.class, back);
            // Double.equals compares bits, so -0.0 and 0.0 differ and NaN equals NaN.
            assertEquals(Double.valueOf(number), back, "literal " + number);
        }
    }

    @Test
    void writesNonFiniteNumbersApartFromStrings() {
        assertEquals("Infinity", roundTripLiteral("Infinity"));
        assertEquals("NaN", roundTripLiteral("NaN"));
        String json = AstCodec.toJson(new Program("a.flow", List.of(print(lit(Double.NEGATIVE_INFINITY)))));
        assertTrue(json.contains("\"nonFinite\":\"-Infinity\""), json);
    }

    @Test
    void roundTripsNullAndBooleanLiterals() {
        assertEquals(null, roundTripLiteral(null));
        assertEquals(Boolean.TRUE, roundTripLiteral(true));
        assertEquals(Boolean.FALSE, roundTripLiteral(false));
    }

    @Test
    void roundTripsAnyUtf16TextIncludingLoneSurrogates() {
        List<String> strings = List.of("", "plain", "quote \" backslash \\ slash /", "\n\t\r\b\f",
                "\u0000\u0001\u001f\u007f", "é 中文 Ω", "\uD83D\uDE00 astral", "\uD800", "\uDC00", "x\uD800",
                "\uDBFF\uD800\uDFFF\uDC00", "\uDC00\uD800", "\u2028\u2029", "\uFFFF\uFEFF", "${not a template}");
        for (String s : strings) {
            assertEquals(s, roundTripLiteral(s), "literal " + escaped(s));
        }
        Program program = new Program("na\uD800me.flow", List.of(
                new Let(sp(), false, new Name(sp(), "\uDC00x"), new ObjectLit(sp(), List.of(
                        new KeyProp(sp(), "k\uD83D", new Template(sp(), List.of("\uDE00", "\uD800"), List.of(id("v")))))))));
        assertEquals(program, AstCodec.fromJson(AstCodec.toJson(program)));
    }

    @Test
    void writesTextThatSurvivesUtf8EvenWithLoneSurrogates() {
        String json = AstCodec.toJson(new Program("a.flow", List.of(print(lit("a\uD800b\uD83D\uDE00c\uDFFFé")))));
        assertTrue(json.chars().noneMatch(c -> Character.isSurrogate((char) c)), escaped(json));
        String throughUtf8 = new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertEquals(json, throughUtf8);
        assertTrue(json.contains("a\\uD800b\\uD83D\\uDE00c\\uDFFFé"), json);
    }

    @Test
    void writesTheSameTextForTheSameProgram() {
        String first = AstCodec.toJson(everyKind());
        String second = AstCodec.toJson(everyKind());
        assertEquals(first, second);
        assertEquals(first, AstCodec.toJson(AstCodec.fromJson(first)));
    }

    @Test
    void writesTheDocumentedFormat() {
        Program program = new Program("hello.flow", List.of(new ExprStmt(new Span(1, 1, 1, 22),
                new Call(new Span(1, 1, 1, 22), new Member(new Span(1, 1, 1, 12), new Identifier(new Span(1, 1, 1, 8),
                        "console"), "log", false), List.of(new Binary(new Span(1, 13, 1, 21), BinaryOp.ADD,
                        new Literal(new Span(1, 13, 1, 16), "n="), new Literal(new Span(1, 19, 1, 21), 42.0))), false))));
        assertEquals("{\"format\":1,\"file\":\"hello.flow\",\"body\":[{\"t\":\"ExprS\",\"s\":[1,1,1,22],\"expr\":"
                + "{\"t\":\"Call\",\"s\":[1,1,1,22],\"callee\":{\"t\":\"Mem\",\"s\":[1,1,1,12],\"object\":{\"t\":\"Id\","
                + "\"s\":[1,1,1,8],\"name\":\"console\"},\"name\":\"log\"},\"args\":[{\"t\":\"Bin\",\"s\":[1,13,1,21],"
                + "\"op\":\"+\",\"left\":{\"t\":\"Lit\",\"s\":[1,13,1,16],\"value\":\"n=\"},\"right\":{\"t\":\"Lit\","
                + "\"s\":[1,19,1,21],\"value\":42.0}}]}}]}", AstCodec.toJson(program));
    }

    /**
     * Text written by format 1 must stay readable by every later Rondo, since cached programs outlive the
     * version that compiled them: this is the sample as format 1 writes it.
     */
    @Test
    void readsAndWritesTheFormatOneTextOfEveryKind() {
        // The sample as it stood before functions (its last statement) joined the format.
        Program full = everyKind();
        Program beforeFunctions = new Program(full.file(), full.body().subList(0, full.body().size() - 1));
        assertEquals(beforeFunctions, AstCodec.fromJson(EVERY_KIND_FORMAT_1));
        assertEquals(EVERY_KIND_FORMAT_1, AstCodec.toJson(beforeFunctions));
    }

    private static final String EVERY_KIND_FORMAT_1 = """
            {"format":1,"file":"every-kind.flow","body":[{"t":"Let","s":[72,73,74,75],"constant":true,
            "target":{"t":"PObj","s":[7,8,9,10],"props":[{"s":[8,9,10,11],"key":"items","target":{"t":"PArr",
            "s":[9,10,11,12],"elements":[{"s":[10,11,12,13],"target":{"t":"PName","s":[11,12,13,14],
            "name":"first"},"defaultValue":{"t":"Lit","s":[12,13,14,15],"value":1.5}}]},"defaultValue":{"t":"Lit",
            "s":[13,14,15,16],"value":"none"}}]},"init":{"t":"Obj","s":[14,15,16,17],"props":[{"t":"KeyP",
            "s":[15,16,17,18],"key":"a-b","value":{"t":"Lit","s":[16,17,18,19],"value":true}},{"t":"CompP",
            "s":[17,18,19,20],"key":{"t":"Id","s":[18,19,20,21],"name":"k"},"value":{"t":"Arr","s":[19,
            20,21,22],"elements":[{"t":"Lit","s":[20,21,22,23],"value":2.0},{"t":"Spread","s":[21,22,
            23,24],"value":{"t":"Id","s":[22,23,24,25],"name":"xs"}}]}},{"t":"SpreadP","s":[23,24,25,
            26],"value":{"t":"Id","s":[24,25,26,27],"name":"defaults"}}]}},{"t":"ExprS","s":[73,74,75,
            76],"expr":{"t":"Call","s":[1,2,3,4],"callee":{"t":"Mem","s":[2,3,4,5],"object":{"t":"Id",
            "s":[3,4,5,6],"name":"Task"},"name":"run","optional":true},"args":[{"t":"Lit","s":[4,5,6,
            7],"value":"charge"},{"t":"Spread","s":[5,6,7,8],"value":{"t":"Id","s":[6,7,8,9],"name":"rest"}}],
            "optional":true}},{"t":"Assign","s":[74,75,76,77],"target":{"t":"Mem","s":[75,76,77,78],
            "object":{"t":"Id","s":[76,77,78,79],"name":"order"},"name":"total","optional":true},"op":"??=",
            "value":{"t":"Tpl","s":[77,78,79,80],"strings":["total: "," EUR"],"exprs":[{"t":"Id","s":[78,
            79,80,81],"name":"sum"}]}},{"t":"If","s":[79,80,81,82],"test":{"t":"Id","s":[80,81,82,83],
            "name":"ready"},"then":{"t":"Block","s":[85,86,87,88],"body":[{"t":"ExprS","s":[82,83,84,
            85],"expr":{"t":"Call","s":[83,84,85,86],"callee":{"t":"Id","s":[84,85,86,87],"name":"print"},
            "args":[{"t":"Id","s":[81,82,83,84],"name":"ready"}]}}]},"otherwise":{"t":"While","s":[86,
            87,88,89],"test":{"t":"Id","s":[87,88,89,90],"name":"waiting"},"body":{"t":"DoWhile","s":[88,
            89,90,91],"body":{"t":"Block","s":[93,94,95,96],"body":[{"t":"ExprS","s":[90,91,92,93],"expr":{"t":"Call",
            "s":[91,92,93,94],"callee":{"t":"Id","s":[92,93,94,95],"name":"print"},"args":[{"t":"Lit",
            "s":[89,90,91,92],"value":"again"}]}}]},"test":{"t":"Id","s":[94,95,96,97],"name":"retry"}}}},
            {"t":"For","s":[25,26,27,28],"init":{"t":"Let","s":[26,27,28,29],"constant":true,"target":{"t":"PName",
            "s":[27,28,29,30],"name":"i"},"init":{"t":"Lit","s":[28,29,30,31],"value":0.0}},"test":{"t":"Bin",
            "s":[29,30,31,32],"op":"<","left":{"t":"Id","s":[30,31,32,33],"name":"i"},"right":{"t":"Lit",
            "s":[31,32,33,34],"value":10.0}},"update":{"t":"Assign","s":[32,33,34,35],"target":{"t":"Id",
            "s":[33,34,35,36],"name":"i"},"op":"+=","value":{"t":"Lit","s":[34,35,36,37],"value":1.0}},
            "body":{"t":"Block","s":[36,37,38,39],"body":[{"t":"Continue","s":[35,36,37,38],"label":"outer"}]}},
            {"t":"Labeled","s":[37,38,39,40],"label":"outer","body":{"t":"ForEach","s":[38,39,40,41],
            "keys":true,"constant":true,"target":{"t":"PName","s":[39,40,41,42],"name":"key"},"iterable":{"t":"Idx",
            "s":[40,41,42,43],"object":{"t":"Id","s":[41,42,43,44],"name":"table"},"index":{"t":"Lit",
            "s":[42,43,44,45],"value":"rows"},"optional":true},"body":{"t":"Block","s":[44,45,46,47],
            "body":[{"t":"Break","s":[43,44,45,46],"label":"outer"}]}}},{"t":"Try","s":[45,46,47,48],
            "body":{"t":"Block","s":[50,51,52,53],"body":[{"t":"ExprS","s":[47,48,49,50],"expr":{"t":"Call",
            "s":[48,49,50,51],"callee":{"t":"Id","s":[49,50,51,52],"name":"print"},"args":[{"t":"Lit",
            "s":[46,47,48,49],"value":"try"}]}}]},"param":{"t":"PName","s":[51,52,53,54],"name":"error"},
            "handler":{"t":"Block","s":[54,55,56,57],"body":[{"t":"Throw","s":[52,53,54,55],"value":{"t":"Id",
            "s":[53,54,55,56],"name":"error"}}]},"finalizer":{"t":"Block","s":[59,60,61,62],"body":[{"t":"ExprS",
            "s":[56,57,58,59],"expr":{"t":"Call","s":[57,58,59,60],"callee":{"t":"Id","s":[58,59,60,
            61],"name":"print"},"args":[{"t":"Lit","s":[55,56,57,58],"value":"finally"}]}}]}},{"t":"Switch",
            "s":[60,61,62,63],"discriminant":{"t":"Un","s":[61,62,63,64],"op":"typeof","operand":{"t":"Id",
            "s":[62,63,64,65],"name":"x"}},"cases":[{"s":[63,64,65,66],"test":{"t":"Lit","s":[64,65,
            66,67],"value":"string"},"body":[{"t":"Return","s":[65,66,67,68],"value":{"t":"Cond","s":[66,
            67,68,69],"test":{"t":"Id","s":[67,68,69,70],"name":"a"},"then":{"t":"Id","s":[68,69,70,
            71],"name":"b"},"otherwise":{"t":"Log","s":[69,70,71,72],"op":"??","left":{"t":"Id","s":[70,
            71,72,73],"name":"c"},"right":{"t":"Id","s":[71,72,73,74],"name":"d"}}}}]}]},{"t":"AwaitS",
            "s":[95,96,97,98],"target":"result","operand":{"t":"Call","s":[1,2,3,4],"callee":{"t":"Mem",
            "s":[2,3,4,5],"object":{"t":"Id","s":[3,4,5,6],"name":"Task"},"name":"run","optional":true},
            "args":[{"t":"Lit","s":[4,5,6,7],"value":"charge"},{"t":"Spread","s":[5,6,7,8],"value":{"t":"Id",
            "s":[6,7,8,9],"name":"rest"}}],"optional":true}},{"t":"ExprS","s":[96,97,98,99],"expr":{"t":"Chain",
            "s":[97,98,99,100],"chain":{"t":"Mem","s":[98,99,100,101],"object":{"t":"Id","s":[99,100,
            101,102],"name":"maybe"},"name":"value","optional":true}}},{"t":"ExprS","s":[100,101,102,
            103],"expr":{"t":"Await","s":[101,102,103,104],"operand":{"t":"Id","s":[102,103,104,105],
            "name":"promise"}}}]}
            """.replace("\n", "");

    private static Object roundTripLiteral(Object value) {
        Program program = new Program("lit.flow", List.of(print(new Literal(new Span(1, 7, 1, 9), value))));
        Program back = AstCodec.fromJson(AstCodec.toJson(program));
        assertEquals(program, back);
        ExprStmt stmt = (ExprStmt) back.body().getFirst();
        return ((Literal) ((Call) stmt.expr()).args().getFirst()).value();
    }

    /** Every record type of the AST: the sealed hierarchy under {@link Node}, and the records nested in it. */
    static Set<Class<?>> astRecordTypes() {
        Set<Class<?>> types = new HashSet<>();
        collectPermitted(Node.class, types);
        for (Class<?> outer : List.of(Expr.class, Stmt.class, Pattern.class)) {
            for (Class<?> nested : outer.getDeclaredClasses()) {
                if (nested.isRecord()) {
                    types.add(nested);
                }
            }
        }
        types.add(Program.class);
        types.add(Span.class);
        return types;
    }

    private static void collectPermitted(Class<?> type, Set<Class<?>> types) {
        if (type.isRecord()) {
            types.add(type);
        }
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collectPermitted(sub, types);
            }
        }
    }

    /** Adds the type of every record in the tree that has no null, false or empty-list component. */
    private static void collectComplete(Object value, Set<Class<?>> complete) {
        if (value instanceof List<?> list) {
            list.forEach(item -> collectComplete(item, complete));
            return;
        }
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        boolean allPresent = true;
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object part;
            try {
                part = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            if (part == null || Boolean.FALSE.equals(part) || part instanceof List<?> list && list.isEmpty()) {
                allPresent = false;
            }
            collectComplete(part, complete);
        }
        if (allPresent) {
            complete.add(value.getClass());
        }
    }

    /** Adds "Record.component" for every null part and false flag in the tree, and a mark for pattern holes. */
    private static void collectAbsent(Object value, Set<String> absent) {
        if (value instanceof List<?> list) {
            list.forEach(item -> collectAbsent(item, absent));
            return;
        }
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            Object part;
            try {
                part = component.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            String name = value.getClass().getSimpleName() + "." + component.getName();
            if (part == null || Boolean.FALSE.equals(part)) {
                absent.add(name);
            }
            if (part instanceof List<?> list && list.stream().anyMatch(item -> item == null)) {
                absent.add(name + "[hole]");
            }
            collectAbsent(part, absent);
        }
    }

    private static List<String> matches(String text, String regex) {
        return java.util.regex.Pattern.compile(regex).matcher(text).results().map(r -> r.group()).toList();
    }

    static String escaped(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.toString();
    }
}
