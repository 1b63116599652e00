package dev.rondo.core.internal.builtins;

import static dev.rondo.core.value.FlowAssertions.assertFlowError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.Strings;

import org.junit.jupiter.api.Test;

/** Expected values were checked against Node.js. */
class StringMethodsTest {

    private static Object call(String receiver, String name, Object... args) {
        return Methods.call(receiver, name, args);
    }

    @Test
    void lengthCountsUtf16CodeUnits() {
        assertEquals(5.0, Methods.property("Hello", "length"));
        assertEquals(2.0, Methods.property("\ud83d\ude00", "length"));
        assertEquals(0.0, Methods.property("", "length"));
    }

    @Test
    void otherPropertiesOfStringsAreTypeErrors() {
        assertFlowError("TypeError", "Cannot read property 'size' of string", () -> Methods.property("a", "size"));
    }

    @Test
    void changesCaseWithUnicodeRulesNotTheLocale() {
        assertEquals("STRASSE", call("straße", "toUpperCase"));
        assertEquals("\u03bf\u03b4\u03bf\u03c2", call("ΟΔΟΣ", "toLowerCase"));
        assertEquals("i\u0307", call("\u0130", "toLowerCase"));
        assertEquals("TITLE", call("title", "toUpperCase"));
    }

    @Test
    void trimsJavaScriptWhiteSpace() {
        assertEquals("hi", call("  hi \n", "trim"));
        assertEquals("hi", call("\u00a0hi\u3000\ufeff", "trim"));
        assertEquals("\u001chi", call("\u001chi", "trim"));
        assertEquals("hi  ", call("  hi  ", "trimStart"));
        assertEquals("  hi", call("  hi  ", "trimEnd"));
    }

    @Test
    void splitsAsJavaScriptDoes() {
        assertEquals(FlowArray.of("a", "b", "", "c"), call("a,b,,c", "split", ","));
        assertEquals(FlowArray.of("a", "b", "c"), call("abc", "split", ""));
        assertEquals(FlowArray.of("abc"), call("abc", "split"));
        assertEquals(FlowArray.of(""), call("", "split", ","));
        assertEquals(FlowArray.of(), call("", "split", ""));
        assertEquals(FlowArray.of("a", "b"), call("a,b,c", "split", ",", 2.0));
        assertEquals(FlowArray.of(), call("a,b", "split", ",", 0.0));
        assertEquals(FlowArray.of("a", "b"), call("a,b", "split", ",", -1.0));
        assertEquals(FlowArray.of("", "", ""), call("abab", "split", "ab"));
        assertEquals(FlowArray.of("\ud83d", "\ude00"), call("\ud83d\ude00", "split", ""));
        assertEquals(FlowArray.of("a", "b"), call("ab", "split", "", 2.0));
    }

    @Test
    void slicesWithRelativeIndices() {
        assertEquals("el", call("Hello", "slice", 1.0, 3.0));
        assertEquals("llo", call("Hello", "slice", -3.0));
        assertEquals("ll", call("Hello", "slice", 2.0, -1.0));
        assertEquals("", call("Hello", "slice", 4.0, 1.0));
        assertEquals("Hello", call("Hello", "slice", -100.0, 1e300));
        assertEquals("Hello", call("Hello", "slice"));
        assertEquals("llo", call("Hello", "slice", 2.0, null));
    }

    @Test
    void substringClampsAndSwaps() {
        assertEquals("el", call("Hello", "substring", 3.0, 1.0));
        assertEquals("He", call("Hello", "substring", -2.0, 2.0));
        assertEquals("llo", call("Hello", "substring", 2.0));
    }

    @Test
    void searches() {
        assertEquals(3.0, call("canal", "lastIndexOf", "a"));
        assertEquals(1.0, call("canal", "lastIndexOf", "a", 2.0));
        assertEquals(-1.0, call("canal", "lastIndexOf", "a", 0.0));
        assertEquals(-1.0, call("canal", "lastIndexOf", "x"));
        assertEquals(2.0, call("canal", "lastIndexOf", "", 2.0));
        assertEquals(5.0, call("canal", "lastIndexOf", ""));
        assertEquals(3.0, call("abc", "indexOf", "", 10.0));
        assertEquals(5.0, call("abcabc", "indexOf", "c", 3.0));
        assertEquals(2.0, call("abc", "indexOf", "c", -5.0));
        assertEquals(-1.0, call("abc", "indexOf", "d"));
        assertEquals(true, call("abc", "startsWith", "bc", 1.0));
        assertEquals(false, call("abc", "startsWith", "bc"));
        assertEquals(true, call("abc", "endsWith", "ab", 2.0));
        assertEquals(true, call("abc", "endsWith", "abc", 10.0));
        assertEquals(false, call("abc", "endsWith", "abcd"));
        assertEquals(false, call("abc", "includes", "b", 2.0));
        assertEquals(true, call("abc", "includes", "b"));
    }

    @Test
    void replacesTheFirstOrEveryOccurrence() {
        assertEquals("a-bXc", call("aXbXc", "replace", "X", "-"));
        assertEquals("a-b-c", call("aXbXc", "replaceAll", "X", "-"));
        assertEquals("-abc", call("abc", "replace", "", "-"));
        assertEquals("-a-b-c-", call("abc", "replaceAll", "", "-"));
        assertEquals("ba", call("aaa", "replaceAll", "aa", "b"));
        assertEquals("x", call("", "replaceAll", "", "x"));
        assertEquals("abc", call("abc", "replace", "x", "y"));
    }

    @Test
    void replacementPatternsWorkAsInJavaScript() {
        assertEquals("a[b$ac$1$]c", call("abc", "replace", "b", "[$&$$$`$'$1$]"));
        assertEquals("x$y", call("x.y", "replaceAll", ".", "$$"));
    }

    @Test
    void replacementsMayNotGrowOverTheLimit() {
        String big = "x".repeat(1 << 20);
        assertFlowError("LimitError", "String is longer than the 16 MiB limit.",
                () -> call(big, "replaceAll", "x", "yyyyyyyyyyyyyyyyy"));
    }

    @Test
    void pads() {
        assertEquals("121abc", call("abc", "padStart", 6.0, "12"));
        assertEquals("abc   ", call("abc", "padEnd", 6.0));
        assertEquals("abc", call("abc", "padStart", 2.0));
        assertEquals("abc", call("abc", "padEnd", 6.0, ""));
        assertFlowError("LimitError", "String is longer than the 16 MiB limit.",
                () -> call("abc", "padStart", 1e10));
    }

    @Test
    void repeats() {
        assertEquals("ababab", call("ab", "repeat", 3.0));
        assertEquals("", call("ab", "repeat", 0.0));
        assertEquals("", call("", "repeat", 1e12));
        assertFlowError("RangeError", "Argument 1 of 'repeat' must not be negative, not -1.",
                () -> call("ab", "repeat", -1.0));
        assertFlowError("LimitError", "String is longer than the 16 MiB limit.",
                () -> call("ab", "repeat", (double) Strings.MAX_LENGTH));
        assertEquals(Strings.MAX_LENGTH, ((String) call("ab", "repeat", Strings.MAX_LENGTH / 2.0)).length());
    }

    @Test
    void readsSingleCodeUnits() {
        assertEquals("b", call("abc", "charAt", 1.0));
        assertEquals("a", call("abc", "charAt"));
        assertEquals("", call("abc", "charAt", 5.0));
        assertEquals("", call("abc", "charAt", -1.0));
        assertEquals("c", call("abc", "at", -1.0));
        assertNull(call("abc", "at", 3.0));
        assertNull(call("abc", "at", -4.0));
        assertSame(call("abc", "at", 0.0), call("xa", "charAt", 1.0));
    }

    @Test
    void checksArgumentTypes() {
        assertFlowError("TypeError", "Argument 1 of 'indexOf' must be a string, not number.",
                () -> call("a1", "indexOf", 1.0));
        assertFlowError("TypeError", "Argument 2 of 'slice' must be a number, not string.",
                () -> call("abc", "slice", 0.0, "2"));
        assertFlowError("TypeError", "Argument 1 of 'at' must be a whole number, not 1.5.",
                () -> call("abc", "at", 1.5));
        assertFlowError("TypeError", "Argument 2 of 'replace' must be a string, not number.",
                () -> call("abc", "replace", "a", 1.0));
        assertFlowError("TypeError", "Argument 1 of 'split' must be a string, not array.",
                () -> call("abc", "split", new FlowArray()));
    }

    @Test
    void checksArgumentCounts() {
        assertFlowError("TypeError", "'trim' takes 0 arguments, not 1.", () -> call(" a ", "trim", "x"));
        assertFlowError("TypeError", "'slice' takes 0 to 2 arguments, not 3.", () -> call("a", "slice", 0.0, 1.0, 2.0));
        assertFlowError("TypeError", "'indexOf' takes 1 or 2 arguments, not 0.", () -> call("a", "indexOf"));
        assertFlowError("TypeError", "'replace' takes 2 arguments, not 1.", () -> call("a", "replace", "a"));
    }

    @Test
    void unknownMethodsAreTypeErrors() {
        assertFlowError("TypeError", "'push' is not a method of string.", () -> call("a", "push", "b"));
        assertFlowError("TypeError", "'length' is not a method of string.", () -> call("a", "length"));
        assertFlowError("TypeError", "'map' is not a method of string.", () -> call("a", "map"));
    }
}
