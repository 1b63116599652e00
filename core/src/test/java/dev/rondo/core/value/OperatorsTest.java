package dev.rondo.core.value;

import static dev.rondo.core.value.FlowAssertions.assertFlowError;
import static dev.rondo.core.value.FlowAssertions.assertSameDouble;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OperatorsTest {

    private static final PromiseRef PROMISE = new PromiseRef(1);

    @Test
    void addsNumbers() {
        assertEquals(0.30000000000000004, Operators.add(0.1, 0.2));
        assertSameDouble(-0.0, Operators.add(-0.0, -0.0));
    }

    @Test
    void concatenatesWhenEitherSideIsAString() {
        assertEquals("ab", Operators.add("a", "b"));
        assertEquals("n=5", Operators.add("n=", 5.0));
        assertEquals("1.5x", Operators.add(1.5, "x"));
        assertEquals("null!", Operators.add(null, "!"));
        assertEquals("true", Operators.add("", true));
        assertEquals("a[1,\"b\"]", Operators.add("a", FlowArray.of(1.0, "b")));
        assertEquals("{\"k\":1}", Operators.add(object("k", 1.0), ""));
        assertEquals("p:[promise]", Operators.add("p:", PROMISE));
        assertEquals("0", Operators.add("", -0.0));
    }

    @Test
    void refusesToAddAnythingElse() {
        assertFlowError("TypeError", "Cannot apply '+' to number and null.", () -> Operators.add(1.0, null));
        assertFlowError("TypeError", "Cannot apply '+' to number and boolean.", () -> Operators.add(1.0, true));
        assertFlowError("TypeError", "Cannot apply '+' to array and array.",
                () -> Operators.add(new FlowArray(), new FlowArray()));
        assertFlowError("TypeError", "Cannot apply '+' to promise and number.", () -> Operators.add(PROMISE, 1.0));
    }

    @Test
    void refusesConcatenationOverTheStringLimit() {
        String half = "x".repeat(Strings.MAX_LENGTH / 2 + 1);
        assertFlowError("LimitError", "String is longer than the 16 MiB limit.", () -> Operators.add(half, half));
        assertEquals(Strings.MAX_LENGTH, ((String) Operators.add("x".repeat(Strings.MAX_LENGTH - 1), "y")).length());
    }

    @Test
    void doesArithmeticOnNumbersOnly() {
        assertEquals(-1.0, Operators.subtract(2.0, 3.0));
        assertEquals(6.0, Operators.multiply(2.0, 3.0));
        assertEquals(2.5, Operators.divide(5.0, 2.0));
        assertEquals(1.0, Operators.remainder(7.0, 3.0));
        assertEquals(8.0, Operators.power(2.0, 3.0));
        assertFlowError("TypeError", "Cannot apply '-' to string and number.", () -> Operators.subtract("5", 2.0));
        assertFlowError("TypeError", "Cannot apply '*' to array and number.",
                () -> Operators.multiply(new FlowArray(), 2.0));
        assertFlowError("TypeError", "Cannot apply '/' to number and null.", () -> Operators.divide(1.0, null));
        assertFlowError("TypeError", "Cannot apply '%' to boolean and number.", () -> Operators.remainder(true, 2.0));
        assertFlowError("TypeError", "Cannot apply '**' to number and string.", () -> Operators.power(2.0, "3"));
    }

    @Test
    void remainderKeepsTheSignOfTheDividend() {
        assertEquals(-1.0, Operators.remainder(-7.0, 3.0));
        assertEquals(1.0, Operators.remainder(7.0, -3.0));
        assertEquals(0.5, Operators.remainder(5.5, 1.0));
        assertSameDouble(-0.0, Operators.remainder(-4.0, 2.0));
    }

    @Test
    void divisionByZeroIsARangeError() {
        assertFlowError("RangeError", "Division by zero", () -> Operators.divide(1.0, 0.0));
        assertFlowError("RangeError", "Division by zero", () -> Operators.divide(0.0, -0.0));
        assertFlowError("RangeError", "Division by zero", () -> Operators.remainder(1.0, 0.0));
        assertFlowError("RangeError", "Division by zero", () -> Operators.power(0.0, -1.0));
        assertFlowError("RangeError", "Division by zero", () -> Operators.power(-0.0, -3.0));
    }

    @Test
    void overflowIsARangeError() {
        assertFlowError("RangeError", "The result of '*' is too large to be a number.",
                () -> Operators.multiply(1e308, 10.0));
        assertFlowError("RangeError", "The result of '+' is too large to be a number.",
                () -> Operators.add(Double.MAX_VALUE, Double.MAX_VALUE));
        assertFlowError("RangeError", "The result of '-' is too large to be a number.",
                () -> Operators.subtract(-Double.MAX_VALUE, Double.MAX_VALUE));
        assertFlowError("RangeError", "The result of '/' is too large to be a number.",
                () -> Operators.divide(1e308, 1e-10));
        assertFlowError("RangeError", "The result of '**' is too large to be a number.",
                () -> Operators.power(10.0, 400.0));
        assertEquals(Double.MAX_VALUE, Operators.add(Double.MAX_VALUE, 1.0));
    }

    @Test
    void powerWithoutARealResultIsARangeError() {
        assertFlowError("RangeError", "The result of '**' is not a real number.", () -> Operators.power(-8.0, 1.0 / 3));
        assertEquals(1.0, Operators.power(0.0, 0.0));
        assertEquals(0.25, Operators.power(2.0, -2.0));
        assertEquals(-8.0, Operators.power(-2.0, 3.0));
    }

    @Test
    void unaryOperatorsNeedANumber() {
        assertSameDouble(-0.0, Operators.negate(0.0));
        assertEquals(-5.0, Operators.negate(5.0));
        assertEquals(5.0, Operators.plus(5.0));
        assertFlowError("TypeError", "Cannot apply unary '-' to string.", () -> Operators.negate("5"));
        assertFlowError("TypeError", "Cannot apply unary '+' to null.", () -> Operators.plus(null));
    }

    @Test
    void comparesNumbersWithNumbers() {
        assertTrue(Operators.lessThan(1.0, 2.0));
        assertFalse(Operators.lessThan(2.0, 2.0));
        assertTrue(Operators.lessOrEqual(2.0, 2.0));
        assertTrue(Operators.greaterThan(3.0, 2.0));
        assertTrue(Operators.greaterOrEqual(-0.0, 0.0));
        assertFalse(Operators.lessThan(-0.0, 0.0));
    }

    @Test
    void comparesStringsByUtf16CodeUnits() {
        assertTrue(Operators.lessThan("a", "b"));
        assertTrue(Operators.lessThan("B", "a"));
        assertTrue(Operators.lessThan("ab", "abc"));
        assertTrue(Operators.lessOrEqual("", ""));
        // U+FF5E is above the high surrogate of U+1F600 as a code unit, though below it as a code point.
        assertTrue(Operators.lessThan("\ud83d\ude00", "\uff5e"));
        assertTrue(Operators.greaterThan("b", "abc"));
        assertTrue(Operators.greaterOrEqual("b", "b"));
    }

    @Test
    void refusesToCompareMixedTypes() {
        assertFlowError("TypeError", "Cannot apply '<' to number and string.", () -> Operators.lessThan(1.0, "2"));
        assertFlowError("TypeError", "Cannot apply '<' to boolean and number.", () -> Operators.lessThan(true, 1.0));
        assertFlowError("TypeError", "Cannot apply '<=' to null and null.", () -> Operators.lessOrEqual(null, null));
        assertFlowError("TypeError", "Cannot apply '>' to array and array.",
                () -> Operators.greaterThan(new FlowArray(), new FlowArray()));
        assertFlowError("TypeError", "Cannot apply '>=' to string and object.",
                () -> Operators.greaterOrEqual("a", new FlowObject()));
    }

    static FlowObject object(Object... keysAndValues) {
        FlowObject object = new FlowObject();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
