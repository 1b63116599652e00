package dev.rondo.core.value;

import static dev.rondo.core.value.FlowAssertions.assertFlowError;
import static dev.rondo.core.value.FlowAssertions.assertSameDouble;
import static dev.rondo.core.value.OperatorsTest.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    @Test
    void writesCompactJsonInKeyOrder() {
        FlowObject value = object("b", 1.0, "a", FlowArray.of(true, null, "x", 1.5), "c", new FlowObject());
        assertEquals("{\"b\":1,\"a\":[true,null,\"x\",1.5],\"c\":{}}", Json.write(value));
    }

    @Test
    void writesScalarsAtTheTop() {
        assertEquals("null", Json.write(null));
        assertEquals("\"a\"", Json.write("a"));
        assertEquals("5", Json.write(5.0));
        assertEquals("false", Json.write(false));
    }

    @Test
    void writesNumbersAsJavaScriptDoes() {
        assertEquals("[0,1e+21,1e-7,5e-324,1e+300,0.1]", Json.write(FlowArray.of(-0.0, 1e21, 1e-7, 5e-324, 1e300, 0.1)));
    }

    @Test
    void escapesStringsAsJavaScriptDoes() {
        String text = "a\"b\\c\b\f\n\r\t\u0000\u001f\u007f\u2028\ud83d\ude00\ud800x\udc00";
        assertEquals("\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0000\\u001f\u007f\u2028\ud83d\ude00\\ud800x\\udc00\"", Json.write(text));
    }

    @Test
    void escapesKeysToo() {
        assertEquals("{\"a\\nb\":1}", Json.write(object("a\nb", 1.0)));
    }

    @Test
    void refusesToSerializeAPromise() {
        assertFlowError("TypeError", "Cannot serialize a promise.", () -> Json.write(new PromiseRef(1)));
        assertFlowError("TypeError", "Cannot serialize a promise.",
                () -> Json.write(FlowArray.of(1.0, object("p", new PromiseRef(2)))));
    }

    @Test
    void indentsLikeJavaScript() {
        FlowObject value = object("a", 1.0, "b", FlowArray.of(1.0, 2.0, new FlowObject()), "c", new FlowObject(),
                "d", new FlowArray(), "e", object("f", null, "g", "h"));
        assertEquals("""
                {
                  "a": 1,
                  "b": [
                    1,
                    2,
                    {}
                  ],
                  "c": {},
                  "d": [],
                  "e": {
                    "f": null,
                    "g": "h"
                  }
                }""", Json.write(value, "  "));
        assertEquals("[\n--1,\n--[\n----2\n--]\n]", Json.write(FlowArray.of(1.0, FlowArray.of(2.0)), "--"));
    }

    @Test
    void usesAtMostTenCharactersOfIndent() {
        assertEquals("[\nabcdefghij1\n]", Json.write(FlowArray.of(1.0), "abcdefghijklmnop"));
        assertEquals("[\n" + " ".repeat(10) + "1\n]", Json.write(FlowArray.of(1.0), Json.indentOf(20)));
        assertEquals("[1]", Json.write(FlowArray.of(1.0), Json.indentOf(0.5)));
        assertEquals("[\n  1\n]", Json.write(FlowArray.of(1.0), Json.indentOf(2.7)));
        assertEquals("[1]", Json.write(FlowArray.of(1.0), Json.indentOf(-3)));
        assertEquals("[1]", Json.write(FlowArray.of(1.0), ""));
        assertEquals("[1]", Json.write(FlowArray.of(1.0), (String) null));
    }

    @Test
    void writesDeeplyNestedValuesWithoutRecursion() {
        Object list = null;
        for (int i = 0; i < 200_000; i++) {
            list = object("v", (double) i, "next", list);
        }
        String text = Json.write(list);
        assertTrue(text.startsWith("{\"v\":199999,\"next\":{\"v\":199998,"));
        Object back = Json.parse(text);
        assertTrue(Values.strictEquals(list, back));
    }

    @Test
    void refusesTextOverTheStringLimit() {
        FlowArray big = new FlowArray();
        String chunk = "x".repeat(1024 * 1024);
        for (int i = 0; i < 17; i++) {
            big.add(chunk);
        }
        assertFlowError("LimitError", "String is longer than the 16 MiB limit.", () -> Json.write(big));
    }

    @Test
    void parsesJsonIntoFlowValues() {
        Object value = Json.parse(" {\"b\": [1, 2.5, -3e2, true, false, null, \"s\"], \"a\": {}} ");
        FlowObject object = assertInstanceOf(FlowObject.class, value);
        assertEquals(List.of("b", "a"), List.copyOf(object.keys()));
        assertEquals(FlowArray.of(1.0, 2.5, -300.0, true, false, null, "s"), object.get("b"));
        assertEquals(new FlowObject(), object.get("a"));
        assertFalse(object.isShared());
        assertFalse(((FlowArray) object.get("b")).isShared());
    }

    @Test
    void parsesNumbersToDoublesExactly() {
        assertSameDouble(1e300, Json.parse("1e300"));
        assertSameDouble(5e-324, Json.parse("5e-324"));
        assertSameDouble(-0.0, Json.parse("-0"));
        assertSameDouble(-0.0, Json.parse("-0.0"));
        assertSameDouble(7.0, Json.parse("7"));
        assertSameDouble(1.2345678901234568e29, Json.parse("123456789012345678901234567890"));
        assertSameDouble(0.1, Json.parse("0.1"));
        assertSameDouble(0.0, Json.parse("1e-400"));
    }

    @Test
    void refusesNumbersTooLargeForADouble() {
        assertFlowError("RangeError", "The number \"1e400\" in the JSON text is too large.", () -> Json.parse("1e400"));
    }

    @Test
    void duplicateKeysKeepTheFirstPositionAndTheLastValue() {
        FlowObject object = (FlowObject) Json.parse("{\"a\":1,\"b\":2,\"a\":3}");
        assertEquals(List.of("a", "b"), List.copyOf(object.keys()));
        assertEquals(3.0, object.get("a"));
    }

    @Test
    void parsesEscapesAndUnicode() {
        assertEquals("a\"\\/\b\f\n\r\t\u00e9\ud83d\ude00\ud800", Json.parse("\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\\ud800\""));
        assertEquals("h\u00e9llo \ud83d\ude00", Json.parse("\"h\u00e9llo \ud83d\ude00\""));
    }

    @Test
    void tagsAreOrdinaryKeysInJsonParse() {
        FlowObject object = (FlowObject) Json.parse("{\"$promise\":1}");
        assertEquals(1.0, object.get("$promise"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``           | The JSON text is empty.
            `  `         | The JSON text is empty.
            {            | Unexpected end of the JSON text at line 1, column 2.
            [1,2         | Unexpected end of the JSON text at line 1, column 5.
            "abc         | Unexpected end of the JSON text at line 1, column 5.
            [1,]         | Unexpected character ']' in the JSON text at line 1, column 4.
            {"a":1,}     | Unexpected character '}' in the JSON text at line 1, column 8.
            {a:1}        | Unexpected character 'a' in the JSON text at line 1, column 2.
            'a'          | Unexpected character ''' in the JSON text at line 1, column 1.
            .5           | Unexpected character '.' in the JSON text at line 1, column 1.
            [1 2]        | Unexpected character '2' in the JSON text at line 1, column 4.
            [1]]         | Unexpected character ']' in the JSON text at line 1, column 4.
            01           | A JSON number cannot start with a zero followed by digits at line 1, column 2.
            abc          | Unexpected word 'abc' in the JSON text at line 1, column 1.
            NaN          | Unexpected word 'NaN' in the JSON text at line 1, column 4.
            "\\x"        | Invalid escape sequence in a JSON string at line 1, column 3.
            1 2          | Unexpected text after the JSON value at line 1, column 3.
            {} x         | Unexpected word 'x' in the JSON text at line 1, column 4.
            """)
    void reportsBadJsonAsASyntaxErrorWithItsPosition(String text, String message) {
        assertFlowError("SyntaxError", message, () -> Json.parse(text));
    }

    @Test
    void reportsTheLineOfAnErrorOnALaterLine() {
        assertFlowError("SyntaxError", "Unexpected character '@' in the JSON text at line 2, column 3.",
                () -> Json.parse("[1,\n  @]"));
        assertFlowError("SyntaxError", "A control character must be escaped in a JSON string at line 1, column 3.",
                () -> Json.parse("\"a\u0001b\""));
        assertFlowError("SyntaxError", "Unexpected character '\\u0001' in the JSON text at line 2, column 2.",
                () -> Json.parse("[1,\n\u0001]"));
        assertFlowError("SyntaxError", "A JSON key cannot hold an escaped lone surrogate at line 1, column 9.",
                () -> Json.parse("{\"\\ud800\":1}"));
    }

    @Test
    void exactFormRoundTripsEveryValue() throws IOException {
        FlowObject value = object(
                "negativeZero", -0.0,
                "numbers", FlowArray.of(1e300, 5e-324, 0.1, 1e21, 123456789012345680000.0, -1.5e-7, Double.MAX_VALUE),
                "text", "\ud83d\ude00 \ud800 \udc00 \u0000 \u2028 é",
                "\ud800lone key", true,
                "promise", new PromiseRef(42),
                "dollars", object("$promise", 1.0, "b", object("$entries", null)),
                "emptyDollars", object("$x", object()),
                "later", object("a", 1.0, "$promise", 2.0),
                "empty", object(),
                "nothing", null);
        for (boolean bytes : new boolean[] {false, true}) {
            Object back = roundTrip(value, bytes);
            assertTrue(Values.strictEquals(value, back), () -> String.valueOf(back));
            FlowObject object = (FlowObject) back;
            assertEquals(List.copyOf(value.keys()), List.copyOf(object.keys()));
            assertSameDouble(-0.0, object.get("negativeZero"));
            assertEquals(new PromiseRef(42), object.get("promise"));
            FlowObject dollars = (FlowObject) object.get("dollars");
            assertEquals(List.of("$promise", "b"), List.copyOf(dollars.keys()));
            assertEquals(List.of("$entries"), List.copyOf(((FlowObject) dollars.get("b")).keys()));
        }
    }

    @Test
    void exactFormKeepsTheBitsOfRandomDoubles() throws IOException {
        Random random = new Random(11);
        FlowArray numbers = new FlowArray();
        while (numbers.size() < 20_000) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                numbers.add(d);
            }
        }
        FlowArray back = (FlowArray) roundTrip(numbers, true);
        for (int i = 0; i < numbers.size(); i++) {
            assertSameDouble((Double) numbers.get(i), back.get(i));
        }
    }

    @Test
    void exactFormWritesPlainJsonForPlainValues() throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = Json.factory().createGenerator(text)) {
            Json.writeValue(generator, FlowArray.of(
                    object("a", FlowArray.of(1.0, -0.0, 0.5, "\ud800"), "$b", new PromiseRef(3)),
                    object("$a", 1.0, "b", object()),
                    object("\udc00", true)));
        }
        assertEquals("[{\"a\":[1,-0.0,0.5,\"\\ud800\"],\"$b\":{\"$promise\":3}},"
                + "{\"$entries\":[[\"$a\",1],[\"b\",{}]]},"
                + "{\"$entries\":[[\"\\udc00\",true]]}]", text.toString());
    }

    @Test
    void readValueLeavesTheParserOnTheValuesLastToken() throws IOException {
        try (JsonParser parser = Json.factory().createParser("[{\"a\":[1]}, 2]")) {
            assertEquals(JsonToken.START_ARRAY, parser.nextToken());
            parser.nextToken();
            assertEquals(object("a", FlowArray.of(1.0)), Json.readValue(parser));
            assertEquals(JsonToken.END_OBJECT, parser.currentToken());
            parser.nextToken();
            assertEquals(2.0, Json.readValue(parser));
            assertEquals(JsonToken.END_ARRAY, parser.nextToken());
        }
    }

    @Test
    void embedsValuesInALargerDocument() throws IOException {
        FlowObject variables = object("$weird", object("\ud800", FlowArray.of(-0.0, new PromiseRef(1))), "x", 1.5);
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = Json.factory().createGenerator(text)) {
            generator.writeStartObject();
            generator.writeFieldName("vars");
            Json.writeValue(generator, variables);
            generator.writeNumberField("pc", 3);
            generator.writeEndObject();
        }
        try (JsonParser parser = Json.factory().createParser(text.toString())) {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            assertEquals("vars", parser.nextFieldName());
            parser.nextToken();
            Object back = Json.readValue(parser);
            assertEquals("pc", parser.nextFieldName());
            assertEquals(JsonToken.VALUE_NUMBER_INT, parser.nextToken());
            assertEquals(3, parser.getIntValue());
            assertEquals(JsonToken.END_OBJECT, parser.nextToken());
            assertTrue(Values.strictEquals(variables, back));
            FlowArray inner = (FlowArray) ((FlowObject) ((FlowObject) back).get("$weird")).get("\ud800");
            assertSameDouble(-0.0, inner.get(0));
        }
    }

    @Test
    void readValueRefusesUnknownTags() throws IOException {
        try (JsonParser parser = Json.factory().createParser("{\"$what\":1}")) {
            parser.nextToken();
            org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> Json.readValue(parser));
        }
    }

    @Test
    void exactFormHandlesDeepNesting() throws IOException {
        Object list = null;
        for (int i = 0; i < 100_000; i++) {
            list = FlowArray.of(list);
        }
        assertTrue(Values.strictEquals(list, roundTrip(list, true)));
    }

    private static Object roundTrip(Object value, boolean bytes) throws IOException {
        String text;
        if (bytes) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator generator = Json.factory().createGenerator(out)) {
                Json.writeValue(generator, value);
            }
            text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            try (JsonParser parser = Json.factory().createParser(out.toByteArray())) {
                parser.nextToken();
                Object back = Json.readValue(parser);
                assertNull(parser.nextToken(), text);
                return back;
            }
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = Json.factory().createGenerator(out)) {
            Json.writeValue(generator, value);
        }
        text = out.toString();
        try (JsonParser parser = Json.factory().createParser(text)) {
            parser.nextToken();
            Object back = Json.readValue(parser);
            assertNull(parser.nextToken(), text);
            return back;
        }
    }
}
