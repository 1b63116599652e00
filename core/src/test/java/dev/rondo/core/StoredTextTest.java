package dev.rondo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.Json;
import org.junit.jupiter.api.Test;

/** The NUL rule: found in plain text and in JSON, and said where. */
class StoredTextTest {

    private static String problemOf(String json) {
        Object value = Json.parse(json);
        return StoredText.jsonProblem("input", Json.write(value), value);
    }

    @Test
    void plainTextSaysTheIndex() {
        assertNull(StoredText.textProblem("log line", "tabs\tand\nnewlines are fine"));
        assertEquals("The log line holds the NUL character (U+0000) at index 6, which Rondo cannot store (PostgreSQL"
                + " text cannot hold it); remove or replace it.", StoredText.textProblem("log line", "before\0after"));
    }

    @Test
    void jsonSaysThePath() {
        assertNull(problemOf("{\"name\": \"Ada\", \"list\": [1, \"two\", null]}"));
        assertTrue(problemOf("{\"name\": \"a\\u0000b\"}").contains(" at $.name, "));
        assertTrue(problemOf("\"\\u0000\"").contains(" at $, "));
        assertTrue(problemOf("{\"a\": [1, {\"b\": [\"x\", \"\\u0000\"]}]}").contains(" at $.a[1].b[1], "));
        assertTrue(problemOf("{\"my key\": {\"k\\u0000\": 1}}").contains(" at $[\"my key\"][\"k\\u0000\"] (in the key), "));
        assertTrue(problemOf("{\"first\": \"\\u0000\", \"second\": \"\\u0000\"}").contains(" at $.first, "), "the first in document order");
        // found by the fuzzer: a null met on the way to the NUL was a NullPointerException ("internal error")
        assertTrue(problemOf("[null, {\"n\": null}, \"\\u0000\"]").contains(" at $[2], "));
    }

    @Test
    void anEscapedBackslashBeforeU0000IsNoNul() {
        assertNull(problemOf("\"C:\\\\u0000\""), "the text \\u0000 (backslash, u, zeros) is not a NUL");
        assertFalse(StoredText.hasEscapedNul("\"\\\\u0000\""));
        assertTrue(StoredText.hasEscapedNul("\"\\\\\\u0000\""));
        assertTrue(problemOf("\"\\\\\\u0000\"").contains(" at $, "));
    }

    @Test
    void aDeepPathIsShortenedInTheMiddle() {
        Object value = "\0";
        for (int i = 0; i < 100_000; i++) {
            value = FlowArray.of(value);
        }
        String problem = StoredText.jsonProblem("input", Json.write(value), value);
        assertTrue(problem.contains(" at $[0][0][0][0][0][0][0]…(99985 more)…[0][0][0][0][0][0][0][0], "), problem);
    }
}
