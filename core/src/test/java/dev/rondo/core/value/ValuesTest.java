package dev.rondo.core.value;

import static dev.rondo.core.value.FlowAssertions.assertFlowError;
import static dev.rondo.core.value.OperatorsTest.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void equalityIsStrictAndDeep() {
        assertTrue(Values.strictEquals(1.0, 1.0));
        assertTrue(Values.strictEquals(0.0, -0.0));
        assertFalse(Values.strictEquals(1.0, "1"));
        assertFalse(Values.strictEquals(null, false));
        assertFalse(Values.strictEquals(0.0, false));
        assertFalse(Values.strictEquals("", null));
        assertTrue(Values.strictEquals(null, null));
        assertTrue(Values.strictEquals(FlowArray.of(1.0, object("a", 2.0)), FlowArray.of(1.0, object("a", 2.0))));
        assertTrue(Values.strictEquals(object("a", 1.0, "b", 2.0), object("b", 2.0, "a", 1.0)));
        assertFalse(Values.strictEquals(object("a", 1.0), object("a", 1.0, "b", 2.0)));
        assertFalse(Values.strictEquals(object("a", null), object("b", null)));
        assertFalse(Values.strictEquals(FlowArray.of(1.0), FlowArray.of(1.0, 2.0)));
        assertFalse(Values.strictEquals(FlowArray.of(FlowArray.of(1.0)), FlowArray.of(FlowArray.of(2.0))));
        assertFalse(Values.strictEquals(new FlowArray(), new FlowObject()));
        assertTrue(Values.strictEquals(new PromiseRef(3), new PromiseRef(3)));
        assertFalse(Values.strictEquals(new PromiseRef(3), new PromiseRef(4)));
        assertTrue(Values.strictEquals(
                FlowArray.of(FlowArray.of(), object("x", FlowArray.of(object()))),
                FlowArray.of(FlowArray.of(), object("x", FlowArray.of(object())))));
    }

    @Test
    void equalityOfDeeplyNestedValuesDoesNotOverflowTheStack() {
        Object a = null;
        Object b = null;
        for (int i = 0; i < 200_000; i++) {
            a = object("next", a, "i", (double) i);
            b = object("i", (double) i, "next", b);
        }
        assertTrue(Values.strictEquals(a, b));
        assertFalse(Values.strictEquals(a, object("next", b, "i", -1.0)));
    }

    @Test
    void displaysValuesAsStringConversionDoes() {
        assertEquals("null", Values.toDisplayString(null));
        assertEquals("true", Values.toDisplayString(true));
        assertEquals("100", Values.toDisplayString(100.0));
        assertEquals("0", Values.toDisplayString(-0.0));
        assertEquals("1e+21", Values.toDisplayString(1e21));
        assertEquals("text", Values.toDisplayString("text"));
        assertEquals("[1,\"a\"]", Values.toDisplayString(FlowArray.of(1.0, "a")));
        assertEquals("{\"k\":1}", Values.toDisplayString(object("k", 1.0)));
        assertEquals("[promise]", Values.toDisplayString(new PromiseRef(1)));
        assertEquals("[1,[promise]]", Values.toDisplayString(FlowArray.of(1.0, new PromiseRef(1))));
    }

    @Test
    void comparesNumbersAndStringsForSorting() {
        assertTrue(Values.compare(1.0, 2.0) < 0);
        assertEquals(0, Values.compare(-0.0, 0.0));
        assertTrue(Values.compare("b", "a") > 0);
        assertFlowError("TypeError", "Cannot compare number and string.", () -> Values.compare(1.0, "a"));
        assertFlowError("TypeError", "Cannot compare null and null.", () -> Values.compare(null, null));
    }

    @Test
    void truthinessFollowsTheLanguage() {
        assertFalse(Values.isTruthy(null));
        assertFalse(Values.isTruthy(false));
        assertFalse(Values.isTruthy(0.0));
        assertFalse(Values.isTruthy(-0.0));
        assertFalse(Values.isTruthy(""));
        assertTrue(Values.isTruthy("0"));
        assertTrue(Values.isTruthy(new FlowArray()));
        assertTrue(Values.isTruthy(new FlowObject()));
        assertTrue(Values.isTruthy(new PromiseRef(0)));
    }
}
