package dev.rondo.core.internal.builtins;

import static dev.rondo.core.value.FlowAssertions.assertFlowError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.PromiseRef;

import org.junit.jupiter.api.Test;

/** Expected values were checked against Node.js. */
class ArrayMethodsTest {

    private static Object call(FlowArray receiver, String name, Object... args) {
        return Methods.call(receiver, name, args);
    }

    private static Object mutate(FlowArray receiver, String name, Object... args) {
        return Methods.callMutating(receiver, name, args);
    }

    private static FlowObject object(String key, Object value) {
        FlowObject object = new FlowObject();
        object.put(key, value);
        return object;
    }

    @Test
    void namesTheMutatingMethods() {
        for (String name : new String[] {"push", "pop", "shift", "unshift", "reverse", "sort"}) {
            assertTrue(Methods.isMutating(name), name);
        }
        for (String name : new String[] {"slice", "concat", "join", "at", "flat", "length", "map"}) {
            assertFalse(Methods.isMutating(name), name);
        }
    }

    @Test
    void lengthIsAPropertyAndNothingElseIs() {
        assertEquals(3.0, Methods.property(FlowArray.of(1.0, 2.0, 3.0), "length"));
        assertFlowError("TypeError", "Cannot read property 'size' of array",
                () -> Methods.property(new FlowArray(), "size"));
        assertFlowError("TypeError", "Cannot read property 'k' of null", () -> Methods.property(null, "k"));
        assertFlowError("TypeError", "Cannot read property 'x' of number", () -> Methods.property(1.0, "x"));
        assertFlowError("TypeError", "Cannot read property 'x' of boolean", () -> Methods.property(true, "x"));
        assertFlowError("TypeError", "Cannot read property 'x' of promise",
                () -> Methods.property(new PromiseRef(1), "x"));
    }

    @Test
    void propertiesOfObjectsAreTheirKeys() {
        FlowObject object = object("length", 7.0);
        assertEquals(7.0, Methods.property(object, "length"));
        assertNull(Methods.property(object, "missing"));
    }

    @Test
    void pushAndUnshiftGiveTheNewLength() {
        FlowArray array = FlowArray.of(1.0);
        assertEquals(3.0, mutate(array, "push", 2.0, 3.0));
        assertEquals(5.0, mutate(array, "unshift", -1.0, 0.0));
        assertEquals(FlowArray.of(-1.0, 0.0, 1.0, 2.0, 3.0), array);
        assertEquals(5.0, mutate(array, "push"));
    }

    @Test
    void pushedContainersBecomeShared() {
        FlowArray inner = FlowArray.of(1.0);
        FlowArray array = new FlowArray();
        mutate(array, "push", inner);
        assertTrue(inner.isShared());
    }

    @Test
    void popAndShiftRemoveFromTheEnds() {
        FlowArray array = FlowArray.of(1.0, 2.0, 3.0);
        assertEquals(3.0, mutate(array, "pop"));
        assertEquals(1.0, mutate(array, "shift"));
        assertEquals(FlowArray.of(2.0), array);
        assertEquals(2.0, mutate(array, "pop"));
        assertNull(mutate(array, "pop"));
        assertNull(mutate(array, "shift"));
    }

    @Test
    void reverseAndSortWorkInPlaceAndReturnTheArrayShared() {
        FlowArray array = FlowArray.of(1.0, 2.0, 3.0);
        assertSame(array, mutate(array, "reverse"));
        assertEquals(FlowArray.of(3.0, 2.0, 1.0), array);
        assertTrue(array.isShared());
    }

    @Test
    void sortsNumbersNumericallyAndStringsByCodeUnit() {
        FlowArray numbers = FlowArray.of(10.0, 9.0, 1.0, -0.5, 1e21);
        mutate(numbers, "sort");
        assertEquals(FlowArray.of(-0.5, 1.0, 9.0, 10.0, 1e21), numbers);
        FlowArray strings = FlowArray.of("b", "a", "B", "aa", "\uff5e", "\ud83d\ude00");
        mutate(strings, "sort");
        assertEquals(FlowArray.of("B", "a", "aa", "b", "\ud83d\ude00", "\uff5e"), strings);
    }

    @Test
    void sortIsStable() {
        FlowArray zeros = FlowArray.of(0.0, -0.0, 0.0, -0.0);
        mutate(zeros, "sort");
        for (int i = 0; i < 4; i++) {
            assertEquals(i % 2 == 1, 1 / (Double) zeros.get(i) < 0, "position " + i);
        }
    }

    @Test
    void sortRefusesMixedOrUnorderableArraysAndComparators() {
        assertFlowError("TypeError", "sort() cannot order an array that mixes number and string.",
                () -> mutate(FlowArray.of(1.0, "a"), "sort"));
        assertFlowError("TypeError", "sort() cannot order an array that mixes string and null.",
                () -> mutate(FlowArray.of("a", null), "sort"));
        assertFlowError("TypeError", "sort() orders numbers or strings, not boolean.",
                () -> mutate(FlowArray.of(true, false), "sort"));
        assertFlowError("TypeError", "Sorting with a comparator needs an arrow function, which is not supported yet.",
                () -> mutate(FlowArray.of(1.0), "sort", "x"));
        FlowArray empty = new FlowArray();
        assertSame(empty, mutate(empty, "sort"));
    }

    @Test
    void mutatingMethodsThroughCallWorkOnACopy() {
        FlowArray array = FlowArray.of(3.0, 1.0, 2.0);
        assertEquals(FlowArray.of(1.0, 2.0, 3.0), call(array, "sort"));
        assertEquals(4.0, call(array, "push", 9.0));
        assertEquals(FlowArray.of(3.0, 1.0, 2.0), array);
    }

    @Test
    void slicesWithRelativeIndicesIntoAFreshArray() {
        FlowArray inner = FlowArray.of(0.0);
        FlowArray array = FlowArray.of(1.0, 2.0, 3.0, inner);
        FlowArray slice = (FlowArray) call(array, "slice", 1.0, -1.0);
        assertEquals(FlowArray.of(2.0, 3.0), slice);
        assertFalse(slice.isShared());
        assertEquals(array, call(array, "slice"));
        assertEquals(FlowArray.of(inner), call(array, "slice", -1.0));
        assertTrue(inner.isShared());
        assertEquals(new FlowArray(), call(array, "slice", 3.0, 1.0));
        assertEquals(array, call(array, "slice", -1e300, 1e300));
    }

    @Test
    void concatSplicesArraysOneLevel() {
        FlowArray result = (FlowArray) call(FlowArray.of(1.0, 2.0), "concat", 3.0, FlowArray.of(4.0, FlowArray.of(5.0)));
        assertEquals(FlowArray.of(1.0, 2.0, 3.0, 4.0, FlowArray.of(5.0)), result);
        assertFalse(result.isShared());
    }

    @Test
    void searchesByStrictDeepEquality() {
        FlowArray array = FlowArray.of(1.0, 2.0, 3.0, 2.0, object("a", FlowArray.of(1.0)));
        assertEquals(true, call(array, "includes", object("a", FlowArray.of(1.0))));
        assertEquals(false, call(array, "includes", "1"));
        assertEquals(4.0, call(array, "indexOf", object("a", FlowArray.of(1.0))));
        assertEquals(1.0, call(array, "indexOf", 2.0));
        assertEquals(3.0, call(array, "indexOf", 2.0, 2.0));
        assertEquals(3.0, call(array, "indexOf", 2.0, -2.0));
        assertEquals(0.0, call(array, "indexOf", 1.0, -10.0));
        assertEquals(false, call(array, "includes", 1.0, 1.0));
        assertEquals(true, call(FlowArray.of(-0.0), "includes", 0.0));
        assertEquals(true, call(FlowArray.of((Object) null), "includes", (Object) null));
    }

    @Test
    void lastIndexOfSearchesBackwards() {
        FlowArray array = FlowArray.of(1.0, 2.0, 3.0, 2.0);
        assertEquals(3.0, call(array, "lastIndexOf", 2.0));
        assertEquals(1.0, call(array, "lastIndexOf", 2.0, -2.0));
        assertEquals(-1.0, call(array, "lastIndexOf", 2.0, -10.0));
        assertEquals(3.0, call(array, "lastIndexOf", 2.0, 10.0));
        assertEquals(-1.0, call(new FlowArray(), "lastIndexOf", 2.0));
    }

    @Test
    void joinsWithStringConversion() {
        assertEquals("1,,a", call(FlowArray.of(1.0, null, "a"), "join"));
        assertEquals("1 - 2", call(FlowArray.of(1.0, 2.0), "join", " - "));
        assertEquals("", call(new FlowArray(), "join"));
        assertEquals("[1,2];{\"a\":true}", call(FlowArray.of(FlowArray.of(1.0, 2.0), object("a", true)), "join", ";"));
        FlowArray big = new FlowArray();
        for (int i = 0; i < 17; i++) {
            big.add("x".repeat(1 << 20));
        }
        assertFlowError("LimitError", "String is longer than the 16 MiB limit.", () -> call(big, "join", ""));
    }

    @Test
    void flattensToADepth() {
        FlowArray nested = FlowArray.of(1.0, FlowArray.of(2.0, FlowArray.of(3.0, FlowArray.of(4.0))));
        assertEquals(FlowArray.of(1.0, 2.0, FlowArray.of(3.0, FlowArray.of(4.0))), call(nested, "flat"));
        assertEquals(FlowArray.of(1.0, 2.0, 3.0, FlowArray.of(4.0)), call(nested, "flat", 2.0));
        assertEquals(FlowArray.of(1.0, 2.0, 3.0, 4.0), call(nested, "flat", 1e9));
        assertEquals(nested, call(nested, "flat", 0.0));
        assertEquals(nested, call(nested, "flat", -1.0));
    }

    @Test
    void atCountsFromTheEndWhenNegative() {
        FlowArray array = FlowArray.of(3.0, 1.0, 2.0);
        assertEquals(2.0, call(array, "at", -1.0));
        assertEquals(3.0, call(array, "at"));
        assertNull(call(array, "at", 3.0));
        assertNull(call(array, "at", -4.0));
    }

    @Test
    void arrowMethodsAreNotSupportedYet() {
        for (String name : new String[] {"map", "filter", "find", "findIndex", "some", "every", "reduce", "forEach"}) {
            assertFlowError("TypeError", "Array method '" + name + "' needs an arrow function, which is not supported yet.",
                    () -> call(new FlowArray(), name, 1.0));
        }
    }

    @Test
    void methodsOnTheWrongTypeAreTypeErrors() {
        assertFlowError("TypeError", "'push' is not a method of number.", () -> Methods.call(5.0, "push", new Object[] {1.0}));
        assertFlowError("TypeError", "'trim' is not a method of object.",
                () -> Methods.call(new FlowObject(), "trim", new Object[0]));
        assertFlowError("TypeError", "'trim' is not a method of array.", () -> call(new FlowArray(), "trim"));
        assertFlowError("TypeError", "Cannot read property 'trim' of null", () -> Methods.call(null, "trim", new Object[0]));
        assertFlowError("TypeError", "'x' is not a method of boolean.", () -> Methods.call(true, "x", new Object[0]));
    }

    @Test
    void checksArguments() {
        assertFlowError("TypeError", "'pop' takes 0 arguments, not 1.", () -> mutate(FlowArray.of(1.0), "pop", 1.0));
        assertFlowError("TypeError", "Argument 1 of 'slice' must be a number, not string.",
                () -> call(FlowArray.of(1.0), "slice", "1"));
        assertFlowError("TypeError", "Argument 1 of 'at' must be a whole number, not 0.5.",
                () -> call(FlowArray.of(1.0), "at", 0.5));
        assertFlowError("TypeError", "Argument 1 of 'join' must be a string, not number.",
                () -> call(FlowArray.of(1.0), "join", 1.0));
        assertFlowError("TypeError", "'includes' takes 1 or 2 arguments, not 0.", () -> call(FlowArray.of(1.0), "includes"));
    }
}
