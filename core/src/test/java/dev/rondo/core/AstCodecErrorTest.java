package dev.rondo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Program;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets an IllegalArgumentException that says what was wrong and where, and nothing else. */
class AstCodecErrorTest {

    private static final String HEAD = "{\"format\":1,\"file\":\"a.flow\",\"body\":[";
    private static final String SPAN = "\"s\":[1,1,1,9]";

    /** A document whose only statement is {@code stmt}. */
    private static String withStmt(String stmt) {
        return HEAD + stmt + "]}";
    }

    /** A document whose only statement evaluates {@code expr}. */
    private static String withExpr(String expr) {
        return withStmt("{\"t\":\"ExprS\"," + SPAN + ",\"expr\":" + expr + "}");
    }

    private static String errorFor(String json) {
        return assertThrows(IllegalArgumentException.class, () -> AstCodec.fromJson(json)).getMessage();
    }

    @Test
    void readsAHandWrittenDocument() {
        Program program = AstCodec.fromJson(withExpr("{\"t\":\"Id\"," + SPAN + ",\"name\":\"x\"}"));
        assertEquals(new Program("a.flow", List.of(new Stmt.ExprStmt(new Span(1, 1, 1, 9),
                new Expr.Identifier(new Span(1, 1, 1, 9), "x")))), program);
    }

    @Test
    void rejectsAnUnknownFormatVersion() {
        assertEquals("Unsupported AST format version 2 at $.format: this Rondo reads version 1; recompile the"
                + " program from its source.", errorFor("{\"format\":2,\"file\":\"a.flow\",\"body\":[]}"));
        assertEquals("Unsupported AST format version 2 at $.format: this Rondo reads version 1; recompile the"
                + " program from its source.", errorFor("{\"format\":2,\"whatever\":{\"a newer\":\"shape\"}}"));
    }

    @Test
    void requiresTheFormatVersionFirst() {
        assertEquals("Expected member 'format' in the program object but found 'file' at $.file.",
                errorFor("{\"file\":\"a.flow\",\"format\":1,\"body\":[]}"));
        assertEquals("Expected an integer but found a string at $.format.",
                errorFor("{\"format\":\"1\",\"file\":\"a.flow\",\"body\":[]}"));
        assertEquals("Expected an integer but found the number 1.0 at $.format.",
                errorFor("{\"format\":1.0,\"file\":\"a.flow\",\"body\":[]}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty text              || Expected the program object but found the end of the text at $.
            whitespace only         | ' \t\n ' | Expected the program object but found the end of the text at $.
            null document           | null | Expected the program object but found null at $.
            array document          | [] | Expected the program object but found an array at $.
            empty object            | {} | Missing member 'format' in the program object at $.
            missing body            | {"format":1,"file":"a.flow"} | Missing member 'body' in the program object at $.
            file not a string       | {"format":1,"file":null,"body":[]} | Expected a string but found null at $.file.
            body not an array       | {"format":1,"file":"a","body":{}} | Expected an array but found an object at $.body.
            extra top-level member  | {"format":1,"file":"a","body":[],"hash":"x"} | Unexpected member 'hash' in the program object at $.hash.
            text after the program  | {"format":1,"file":"a","body":[]} {} | Expected the end of the text after the program but found an object at $.
            null statement          | {"format":1,"file":"a","body":[null]} | Expected a statement but found null at $.body[0].
            """)
    void rejectsABadDocument(String description, String json, String message) {
        assertEquals(message, errorFor(json == null ? "" : json.translateEscapes()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " | ", textBlock = """
            unknown statement tag   | {"t":"Goto","s":[1,1,1,9]} | Unknown statement tag 'Goto' at $.body[0].t.
            expression as statement | {"t":"Id","s":[1,1,1,9],"name":"x"} | Unknown statement tag 'Id' at $.body[0].t.
            tag not first           | {"s":[1,1,1,9],"t":"Break"} | Expected the tag "t" as the first member of a statement but found member 's' at $.body[0].s.
            no tag                  | {} | Expected the tag "t" as the first member of a statement but found the end of an object at $.body[0].
            tag not a string        | {"t":7} | Expected a string but found the number 7 at $.body[0].t.
            missing span            | {"t":"Break"} | Missing member 's' in the 'Break' node at $.body[0].
            short span              | {"t":"Break","s":[1,1,1]} | Expected an integer but found the end of an array at $.body[0].s.
            long span               | {"t":"Break","s":[1,1,1,9,9]} | Expected the end of a span of 4 numbers but found the number 9 at $.body[0].s[4].
            fractional span         | {"t":"Break","s":[1.5,1,1,9]} | Expected an integer but found the number 1.5 at $.body[0].s[0].
            huge span               | {"t":"Break","s":[1,1,1,99999999999]} | Expected an integer but found 99999999999, which is out of range at $.body[0].s[3].
            span not an array       | {"t":"Break","s":"1:1"} | Expected a span [line, column, endLine, endColumn] but found a string at $.body[0].s.
            missing member          | {"t":"ExprS","s":[1,1,1,9]} | Missing member 'expr' in the 'ExprS' node at $.body[0].
            unknown member          | {"t":"Break","s":[1,1,1,9],"level":2} | Unexpected member 'level' in the 'Break' node at $.body[0].level.
            duplicate member        | {"t":"Break","s":[1,1,1,9],"s":[1,1,1,9]} | Unexpected member 's' in the 'Break' node at $.body[0].s.
            members out of order    | {"t":"While","s":[1,1,1,9],"body":{"t":"Break","s":[1,1,1,9]},"test":{"t":"Id","s":[1,1,1,9],"name":"x"}} | Expected member 'test' in the 'While' node but found 'body' at $.body[0].body.
            label not a string      | {"t":"Break","s":[1,1,1,9],"label":false} | Expected a string but found false at $.body[0].label.
            flag not a boolean      | {"t":"Let","s":[1,1,1,9],"constant":1,"target":{"t":"PName","s":[1,1,1,9],"name":"x"}} | Expected true or false but found the number 1 at $.body[0].constant.
            unknown operator        | {"t":"Assign","s":[1,1,1,9],"target":{"t":"Id","s":[1,1,1,9],"name":"x"},"op":"<<=","value":{"t":"Id","s":[1,1,1,9],"name":"y"}} | Unknown assignment operator '<<=' at $.body[0].op; expected one of [=, +=, -=, *=, /=, %=, **=, ??=, ||=, &&=].
            try body not a block    | {"t":"Try","s":[1,1,1,9],"body":{"t":"Break","s":[1,1,1,9]},"handler":{"t":"Block","s":[1,1,1,9],"body":[]}} | Expected a 'Block' node but found tag 'Break' at $.body[0].body.t.
            pattern not a pattern   | {"t":"Let","s":[1,1,1,9],"target":{"t":"Id","s":[1,1,1,9],"name":"x"}} | Unknown pattern tag 'Id' at $.body[0].target.t.
            case not an object      | {"t":"Switch","s":[1,1,1,9],"discriminant":{"t":"Id","s":[1,1,1,9],"name":"x"},"cases":[[]]} | Expected a switch case but found an array at $.body[0].cases[0].
            hole outside a pattern  | {"t":"Block","s":[1,1,1,9],"body":[{"t":"Break","s":[1,1,1,9]},null]} | Expected a statement but found null at $.body[0].body[1].
            """)
    void rejectsABadStatement(String description, String stmt, String message) {
        assertEquals(message, errorFor(withStmt(stmt)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            statement as expression | {"t":"Break","s":[1,1,1,9]} | Unknown expression tag 'Break' at $.body[0].expr.t.
            literal without value   | {"t":"Lit","s":[1,1,1,9]} | Missing member 'value' in the 'Lit' node at $.body[0].expr.
            literal object value    | {"t":"Lit","s":[1,1,1,9],"value":{}} | Expected null, a boolean, a number or a string but found an object at $.body[0].expr.value.
            literal array value     | {"t":"Lit","s":[1,1,1,9],"value":[1]} | Expected null, a boolean, a number or a string but found an array at $.body[0].expr.value.
            bad non-finite number   | {"t":"Lit","s":[1,1,1,9],"nonFinite":"inf"} | Expected "NaN", "Infinity" or "-Infinity" but found "inf" at $.body[0].expr.nonFinite.
            unknown binary operator | {"t":"Bin","s":[1,1,1,9],"op":">>>","left":{"t":"Id","s":[1,1,1,9],"name":"x"},"right":{"t":"Id","s":[1,1,1,9],"name":"y"}} | Unknown binary operator '>>>' at $.body[0].expr.op; expected one of [+, -, *, /, %, **, ==, !=, ===, !==, <, <=, >, >=].
            logical symbol in unary | {"t":"Un","s":[1,1,1,9],"op":"&&","operand":{"t":"Id","s":[1,1,1,9],"name":"x"}} | Unknown unary operator '&&' at $.body[0].expr.op; expected one of [!, -, +, typeof].
            wrong member type       | {"t":"Id","s":[1,1,1,9],"name":["x"]} | Expected a string but found an array at $.body[0].expr.name.
            missing right operand   | {"t":"Log","s":[1,1,1,9],"op":"??","left":{"t":"Id","s":[1,1,1,9],"name":"x"}} | Missing member 'right' in the 'Log' node at $.body[0].expr.
            bad argument            | {"t":"Call","s":[1,1,1,9],"callee":{"t":"Id","s":[1,1,1,9],"name":"f"},"args":[{"t":"Id","s":[1,1,1,9],"name":"x"},"y"]} | Expected an expression but found a string at $.body[0].expr.args[1].
            bad template string     | {"t":"Tpl","s":[1,1,1,9],"strings":["a",null],"exprs":[]} | Expected a string but found null at $.body[0].expr.strings[1].
            prop tag in expression  | {"t":"KeyP","s":[1,1,1,9],"key":"k","value":{"t":"Id","s":[1,1,1,9],"name":"x"}} | Unknown expression tag 'KeyP' at $.body[0].expr.t.
            expression as prop      | {"t":"Obj","s":[1,1,1,9],"props":[{"t":"Id","s":[1,1,1,9],"name":"x"}]} | Unknown object literal member tag 'Id' at $.body[0].expr.props[0].t.
            """)
    void rejectsABadExpression(String description, String expr, String message) {
        assertEquals(message, errorFor(withExpr(expr)));
    }

    @Test
    void rejectsBadPatternEntries() {
        String objectPattern = "{\"t\":\"Let\"," + SPAN + ",\"target\":{\"t\":\"PObj\"," + SPAN
                + ",\"props\":[{" + SPAN + ",\"target\":{\"t\":\"PName\"," + SPAN + ",\"name\":\"a\"}}]}}";
        assertEquals("Expected member 'key' in an object pattern entry but found 'target' at"
                + " $.body[0].target.props[0].target.", errorFor(withStmt(objectPattern)));
        String arrayPattern = "{\"t\":\"Let\"," + SPAN + ",\"target\":{\"t\":\"PArr\"," + SPAN
                + ",\"elements\":[null,{" + SPAN + "},true]}}";
        assertEquals("Missing member 'target' in an array pattern element at $.body[0].target.elements[1].",
                errorFor(withStmt(arrayPattern)));
    }

    @Test
    void rejectsMalformedJson() {
        String message = errorFor("{\"format\":1,\"file\":\"a.flow\",\"body\":[{\"t\":\"Break\",}]}");
        assertTrue(message.startsWith("Malformed JSON at $.body[0].t (character 50): Unexpected character ('}'"), message);
        message = errorFor("{\"format\":1,\"file\":'a.flow'}");
        assertTrue(message.startsWith("Malformed JSON at $.file (character 20): Unexpected character ('''"), message);
    }

    @Test
    void rejectsJsonBeyondJacksonsOtherLimits() {
        String message = errorFor(withExpr("{\"t\":\"Lit\"," + SPAN + ",\"value\":1" + "0".repeat(2_000) + "}"));
        assertTrue(message.startsWith("Malformed JSON at $.body[0].expr.value (character "), message);
        assertTrue(message.contains("Number value length (2001) exceeds the maximum allowed"), message);
    }

    @Test
    void rejectsTruncatedJson() {
        String json = AstCodec.toJson(AstCodecRoundTripTest.everyKind());
        String message = errorFor(json.substring(0, json.indexOf("\"t\":\"Switch\"") + 20));
        assertTrue(message.startsWith("Malformed JSON at $.body[7].s[0] (character "), message);
        assertTrue(message.contains("end-of-input"), message);
    }

    @Test
    void rejectsNullText() {
        assertEquals("Cannot decode a program from null text.", errorFor(null));
    }

    /** Cutting the text anywhere must give the one documented exception, never another. */
    @Test
    void rejectsEveryTruncationWithAnIllegalArgumentException() {
        String json = AstCodec.toJson(AstCodecRoundTripTest.everyKind());
        for (int length = 0; length < json.length(); length++) {
            String cut = json.substring(0, length);
            try {
                AstCodec.fromJson(cut);
                fail("accepted a truncated document: " + cut);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains(" at $"), expected.getMessage());
            }
        }
    }

    /** Random damage either leaves a readable program or gives the documented exception, never another. */
    @Test
    void turnsRandomDamageIntoAnIllegalArgumentExceptionOrAValidProgram() {
        String json = AstCodec.toJson(AstCodecRoundTripTest.everyKind());
        String[] replacements = {"", "null", "0", "1.5", "\"x\"", "[]", "{}", "true", ",", ":", "}", "]", "\"t\""};
        Random random = new Random(20240611);
        for (int i = 0; i < 5_000; i++) {
            int at = random.nextInt(json.length());
            int length = random.nextInt(8);
            String damaged = json.substring(0, at) + replacements[random.nextInt(replacements.length)]
                    + json.substring(Math.min(json.length(), at + length));
            try {
                Program program = AstCodec.fromJson(damaged);
                assertEquals(program, AstCodec.fromJson(AstCodec.toJson(program)));
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains(" at $"), expected.getMessage());
            }
        }
    }

    @Test
    void refusesToWriteAnInvalidTree() {
        Span s = new Span(1, 1, 1, 2);
        Expr x = new Expr.Identifier(s, "x");
        assertEquals("Cannot encode a null program.",
                assertThrows(IllegalArgumentException.class, () -> AstCodec.toJson(null)).getMessage());
        assertEquals("Cannot encode the program: a string is null at $.file.", writeError(new Program(null, List.of())));
        assertEquals("Cannot encode the program: a list is null at $.body.", writeError(new Program("a", null)));
        assertEquals("Cannot encode the program: a statement is null at $.body[1].",
                writeError(new Program("a", Arrays.asList(new Stmt.Break(s, null), null))));
        assertEquals("Cannot encode the program: an expression is null at $.body[0].expr.right.",
                writeError(program(new Stmt.ExprStmt(s, new Expr.Binary(s, Expr.BinaryOp.ADD, x, null)))));
        assertEquals("Cannot encode the program: an operator is null at $.body[0].expr.op.",
                writeError(program(new Stmt.ExprStmt(s, new Expr.Binary(s, null, x, x)))));
        assertEquals("Cannot encode the program: a span is null at $.body[0].expr.args[1].s.",
                writeError(program(new Stmt.ExprStmt(s, new Expr.Call(s, x, List.of(x, new Expr.Identifier(null, "y")),
                        false)))));
        assertEquals("Cannot encode the program: a literal holds a java.lang.Integer, but literals hold only null,"
                        + " Boolean, Double or String at $.body[0].expr.value.",
                writeError(program(new Stmt.ExprStmt(s, new Expr.Literal(s, 1)))));
        assertEquals("Cannot encode the program: a pattern is null at $.body[0].target.elements[0].target.",
                writeError(program(new Stmt.Let(s, false, new Pattern.ArrayPattern(s, List.of(
                        new Pattern.Element(s, null, null))), null))));
        assertEquals("Cannot encode the program: a string is null at $.body[0].label.",
                writeError(program(new Stmt.Labeled(s, null, new Stmt.Break(s, null)))));
    }

    private static Program program(Stmt stmt) {
        return new Program("a.flow", List.of(stmt));
    }

    private static String writeError(Program program) {
        return assertThrows(IllegalArgumentException.class, () -> AstCodec.toJson(program)).getMessage();
    }
}
