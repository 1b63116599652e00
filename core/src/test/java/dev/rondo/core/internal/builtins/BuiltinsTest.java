package dev.rondo.core.internal.builtins;

import static dev.rondo.core.value.FlowAssertions.assertFlowError;
import static dev.rondo.core.value.FlowAssertions.assertSameDouble;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.PromiseRef;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Expected values were checked against Node.js. */
class BuiltinsTest {

    private static Object call(String name, Object... args) {
        BuiltinFunction function = Builtins.lookup(name);
        assertNotNull(function, name);
        return function.call(args);
    }

    private static FlowObject object(Object... keysAndValues) {
        FlowObject object = new FlowObject();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    @ParameterizedTest
    @ValueSource(strings = {"String", "Number", "Boolean", "parseInt", "parseFloat", "Error", "TypeError",
            "Math.floor", "Math.ceil", "Math.round", "Math.trunc", "Math.abs", "Math.sign", "Math.min", "Math.max",
            "Math.pow", "Math.sqrt", "Math.log", "Math.exp", "JSON.stringify", "JSON.parse", "Object.keys",
            "Object.values", "Object.entries", "Object.fromEntries", "Array.isArray"})
    void providesEveryPureBuiltin(String name) {
        assertNotNull(Builtins.lookup(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"print", "console.log", "Math.random", "Date.now", "Date.iso", "Task.run", "Promise.all", "nope"})
    void leavesEffectsAndUnknownNamesToOthers(String name) {
        assertNull(Builtins.lookup(name));
    }

    @Test
    void providesTheMathConstants() {
        assertEquals(Math.PI, Builtins.constant("Math.PI"));
        assertEquals(Math.E, Builtins.constant("Math.E"));
        assertNull(Builtins.constant("Math.TAU"));
    }

    @Test
    void checksTheArgumentCountDefensively() {
        assertFlowError("TypeError", "Math.floor takes 1 argument, not 2.", () -> call("Math.floor", 1.0, 2.0));
        assertFlowError("TypeError", "Math.max takes at least 1 argument, not 0.", () -> call("Math.max"));
        assertFlowError("TypeError", "parseInt takes 1 or 2 arguments, not 3.", () -> call("parseInt", "1", 10.0, 1.0));
    }

    @Test
    void convertsToStrings() {
        assertEquals("null", call("String", (Object) null));
        assertEquals("1e+21", call("String", 1e21));
        assertEquals("[1,{\"a\":\"b\"}]", call("String", FlowArray.of(1.0, object("a", "b"))));
        assertEquals("[promise]", call("String", new PromiseRef(1)));
    }

    @Test
    void convertsToNumbersExplicitly() {
        assertEquals(1.0, call("Number", true));
        assertEquals(0.0, call("Number", false));
        assertEquals(0.0, call("Number", (Object) null));
        assertEquals(31.0, call("Number", " 0x1F "));
        assertEquals(2.5, call("Number", 2.5));
        assertFlowError("RangeError", "Cannot convert \"abc\" to a number.", () -> call("Number", "abc"));
        assertFlowError("RangeError", "Cannot convert array to a number.", () -> call("Number", new FlowArray()));
        assertFlowError("RangeError", "Cannot convert object to a number.", () -> call("Number", new FlowObject()));
    }

    @Test
    void convertsToBooleansByTruthiness() {
        assertEquals(false, call("Boolean", 0.0));
        assertEquals(false, call("Boolean", ""));
        assertEquals(true, call("Boolean", "0"));
        assertEquals(true, call("Boolean", new FlowArray()));
    }

    @Test
    void parsesIntegersWithARadix() {
        assertEquals(42.0, call("parseInt", "42px"));
        assertEquals(255.0, call("parseInt", "ff", 16.0));
        assertEquals(255.0, call("parseInt", "0xff"));
        assertEquals(16.0, call("parseInt", "10", 16.9));
        assertEquals(16.0, call("parseInt", "10", -4294967280.0));
        assertEquals(3.0, call("parseInt", "11", 4294967298.0));
        assertEquals(7.0, call("parseInt", "7", (Object) null));
        assertEquals(15.0, call("parseInt", 15.99));
        assertEquals(1.0, call("parseInt", 1e21));
        assertFlowError("TypeError", "Argument 1 of parseInt must be a string, not null.", () -> call("parseInt", (Object) null));
        assertFlowError("TypeError", "Argument 2 of parseInt must be a number, not string.", () -> call("parseInt", "1", "2"));
        assertFlowError("RangeError", "Cannot parse \"x\" as an integer.", () -> call("parseInt", "x"));
    }

    @Test
    void parsesFloats() {
        assertEquals(3.14, call("parseFloat", "3.14abc"));
        assertEquals(2.5, call("parseFloat", 2.5));
        assertFlowError("TypeError", "Argument 1 of parseFloat must be a string, not boolean.", () -> call("parseFloat", true));
    }

    @Test
    void makesErrorObjects() {
        assertEquals(object("name", "Error", "message", "boom"), call("Error", "boom"));
        assertEquals(List.of("name", "message"), List.copyOf(((FlowObject) call("Error", "boom")).keys()));
        assertEquals(object("name", "TypeError", "message", "bad"), call("TypeError", "bad"));
        assertEquals(object("name", "Error", "message", ""), call("Error"));
        assertEquals(object("name", "Error", "message", "42"), call("Error", 42.0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2.5                  | 3
            -2.5                 | -2
            0.49999999999999994  | 0
            0.5                  | 1
            1.5                  | 2
            -1.5                 | -1
            4503599627370495.5   | 4503599627370496
            -4503599627370495.5  | -4503599627370495
            1e300                | 1e300
            """)
    void roundsHalvesTowardPositiveInfinity(double x, double expected) {
        assertSameDouble(expected, call("Math.round", x));
    }

    @Test
    void keepsTheSignOfZeroAsJavaScriptDoes() {
        assertSameDouble(-0.0, call("Math.round", -0.5));
        assertSameDouble(-0.0, call("Math.round", -0.4));
        assertSameDouble(-0.0, call("Math.round", -0.0));
        assertSameDouble(-0.0, call("Math.trunc", -0.5));
        assertSameDouble(-0.0, call("Math.ceil", -0.5));
        assertSameDouble(-0.0, call("Math.sign", -0.0));
        assertSameDouble(0.0, call("Math.max", 0.0, -0.0));
        assertSameDouble(-0.0, call("Math.min", 0.0, -0.0));
    }

    @Test
    void computesMath() {
        assertEquals(3.0, call("Math.floor", 3.7));
        assertEquals(-4.0, call("Math.floor", -3.2));
        assertEquals(4.0, call("Math.ceil", 3.2));
        assertEquals(3.0, call("Math.trunc", 3.7));
        assertEquals(-3.0, call("Math.trunc", -3.7));
        assertEquals(5.0, call("Math.abs", -5.0));
        assertEquals(-1.0, call("Math.sign", -3.0));
        assertEquals(9.0, call("Math.max", 1.0, 9.0, 3.0));
        assertEquals(-2.0, call("Math.min", 1.0, -2.0, 3.0));
        assertEquals(1.4142135623730951, call("Math.pow", 2.0, 0.5));
        assertEquals(1.4142135623730951, call("Math.sqrt", 2.0));
        assertEquals(2.302585092994046, call("Math.log", 10.0));
        assertEquals(2.718281828459045, call("Math.exp", 1.0));
    }

    @Test
    void mathNeverMakesNaNOrInfinity() {
        assertFlowError("RangeError", "Math.sqrt needs a number that is not negative, not -1.", () -> call("Math.sqrt", -1.0));
        assertFlowError("RangeError", "Math.log needs a positive number, not 0.", () -> call("Math.log", 0.0));
        assertFlowError("RangeError", "Math.log needs a positive number, not -2.", () -> call("Math.log", -2.0));
        assertFlowError("RangeError", "The result of 'Math.exp' is too large to be a number.", () -> call("Math.exp", 1000.0));
        assertFlowError("RangeError", "The result of 'Math.pow' is too large to be a number.",
                () -> call("Math.pow", 10.0, 400.0));
        assertFlowError("RangeError", "The result of 'Math.pow' is not a real number.",
                () -> call("Math.pow", -8.0, 1.0 / 3));
        assertFlowError("RangeError", "Division by zero", () -> call("Math.pow", 0.0, -1.0));
        assertSameDouble(-0.0, call("Math.sqrt", -0.0));
    }

    @Test
    void mathNeedsNumbers() {
        assertFlowError("TypeError", "Argument 1 of Math.floor must be a number, not string.", () -> call("Math.floor", "3"));
        assertFlowError("TypeError", "Argument 2 of Math.max must be a number, not null.", () -> call("Math.max", 1.0, null));
        assertFlowError("TypeError", "Argument 3 of Math.min must be a number, not array.",
                () -> call("Math.min", 1.0, 2.0, new FlowArray()));
    }

    @Test
    void listsKeysValuesAndEntries() {
        FlowObject inner = object("x", 1.0);
        FlowObject target = object("b", 1.0, "a", inner);
        assertEquals(FlowArray.of("b", "a"), call("Object.keys", target));
        assertEquals(FlowArray.of(1.0, inner), call("Object.values", target));
        assertTrue(inner.isShared());
        assertEquals(FlowArray.of(FlowArray.of("b", 1.0), FlowArray.of("a", inner)), call("Object.entries", target));
        FlowArray array = FlowArray.of("p", "q");
        assertEquals(FlowArray.of("0", "1"), call("Object.keys", array));
        assertEquals(array, call("Object.values", array));
        assertEquals(FlowArray.of(FlowArray.of("0", "p"), FlowArray.of("1", "q")), call("Object.entries", array));
        assertFalse(((FlowArray) call("Object.values", array)).isShared());
    }

    @Test
    void keysOfANonObjectAreATypeError() {
        assertFlowError("TypeError", "Argument 1 of Object.keys must be an object or an array, not string.",
                () -> call("Object.keys", "ab"));
        assertFlowError("TypeError", "Argument 1 of Object.values must be an object or an array, not null.",
                () -> call("Object.values", (Object) null));
        assertFlowError("TypeError", "Argument 1 of Object.entries must be an object or an array, not number.",
                () -> call("Object.entries", 1.0));
    }

    @Test
    void buildsObjectsFromEntries() {
        FlowArray entries = FlowArray.of(FlowArray.of("a", 1.0), FlowArray.of(2.0, "two"), FlowArray.of("a", 3.0),
                FlowArray.of("lonely"));
        FlowObject result = (FlowObject) call("Object.fromEntries", entries);
        assertEquals(List.of("a", "2", "lonely"), List.copyOf(result.keys()));
        assertEquals(object("a", 3.0, "2", "two", "lonely", null), result);
        assertFlowError("TypeError", "Object.fromEntries needs [key, value] pairs, but item 0 is number.",
                () -> call("Object.fromEntries", FlowArray.of(1.0)));
        assertFlowError("TypeError", "Object.fromEntries needs [key, value] pairs, but item 1 is an empty array.",
                () -> call("Object.fromEntries", FlowArray.of(FlowArray.of("a", 1.0), new FlowArray())));
        assertFlowError("TypeError", "Object.fromEntries needs keys that are strings or numbers, but the key of item 0 is null.",
                () -> call("Object.fromEntries", FlowArray.of(FlowArray.of(null, 1.0))));
        assertFlowError("TypeError", "Argument 1 of Object.fromEntries must be an array of [key, value] pairs, not object.",
                () -> call("Object.fromEntries", new FlowObject()));
    }

    @Test
    void recognisesArrays() {
        assertEquals(true, call("Array.isArray", new FlowArray()));
        assertEquals(false, call("Array.isArray", new FlowObject()));
        assertEquals(false, call("Array.isArray", "[]"));
    }

    @Test
    void stringifiesWithAnOptionalIndent() {
        FlowObject value = object("a", FlowArray.of(1.0));
        assertEquals("{\"a\":[1]}", call("JSON.stringify", value));
        assertEquals("{\"a\":[1]}", call("JSON.stringify", value, null, null));
        assertEquals("{\n  \"a\": [\n    1\n  ]\n}", call("JSON.stringify", value, null, 2.0));
        assertEquals("{\n\t\"a\": [\n\t\t1\n\t]\n}", call("JSON.stringify", value, null, "\t"));
        assertEquals("\"x\"", call("JSON.stringify", "x"));
        assertFlowError("TypeError", "Argument 2 of JSON.stringify must be null: replacers are not supported.",
                () -> call("JSON.stringify", value, FlowArray.of("a")));
        assertFlowError("TypeError", "Argument 3 of JSON.stringify must be a number or a string, not boolean.",
                () -> call("JSON.stringify", value, null, true));
        assertFlowError("TypeError", "Cannot serialize a promise.", () -> call("JSON.stringify", new PromiseRef(1)));
    }

    @Test
    void parsesJson() {
        assertEquals(object("a", FlowArray.of(1.0, null)), call("JSON.parse", "{\"a\":[1,null]}"));
        assertFlowError("SyntaxError", "Unexpected end of the JSON text at line 1, column 2.", () -> call("JSON.parse", "["));
        assertFlowError("TypeError", "Argument 1 of JSON.parse must be a string, not number.", () -> call("JSON.parse", 1.0));
    }
}
