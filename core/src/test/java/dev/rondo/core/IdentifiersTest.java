package dev.rondo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.Identifiers.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rules for names and ids, and what their messages say. */
class IdentifiersTest {

    @Test
    void ordinaryNamesAndIdsPass() {
        for (Kind kind : Kind.values()) {
            assertNull(Identifiers.problem(kind, "orders/process-2"), kind.noun());
            assertNull(Identifiers.problem(kind, "résumé 📄"), kind.noun());
        }
        assertNull(Identifiers.problem(Kind.EXECUTION_ID, "order-42.t"), "a suffix without digits is the user's");
        assertNull(Identifiers.problem(Kind.EXECUTION_ID, "order.x1"));
        assertNull(Identifiers.problem(Kind.TASK_NAME, "send.t1"), "only ids have the suffix rule");
    }

    @Test
    void emptyAndBlankAreRefused() {
        assertEquals("The queue name is empty; give a non-empty one.", Identifiers.problem(Kind.QUEUE, ""));
        assertEquals("The task name is empty; give a non-empty one.", Identifiers.problem(Kind.TASK_NAME, " \t"));
        assertEquals("The signal name is empty; give a non-empty one.", Identifiers.problem(Kind.SIGNAL_NAME, null));
    }

    @Test
    void nulControlCharactersAndLoneSurrogatesAreRefusedWithWhere() {
        assertEquals("The task name \"no\\u0000op\" holds the NUL character (U+0000) at index 2, which PostgreSQL cannot"
                + " store in text; remove it.", Identifiers.problem(Kind.TASK_NAME, "no\0op"));
        assertEquals("The signal name \"a\\nb\" holds the control character U+000A at index 1; names and ids cannot"
                + " hold control characters.", Identifiers.problem(Kind.SIGNAL_NAME, "a\nb"));
        assertTrue(Identifiers.problem(Kind.QUEUE, "q\u007f").contains("control character U+007F at index 1"));
        assertTrue(Identifiers.problem(Kind.QUEUE, "q\u0085").contains("control character U+0085 at index 1"));
        assertTrue(Identifiers.problem(Kind.WORKFLOW_NAME, "a\ud800").contains("a lone surrogate (U+D800) at index 1"));
        assertTrue(Identifiers.problem(Kind.WORKFLOW_NAME, "\udc00b").contains("a lone surrogate (U+DC00) at index 0"));
    }

    @Test
    void theLimitIs255BytesOfUtf8AndTheMessageSaysSo() {
        for (Kind kind : Kind.values()) {
            int limit = kind.maxBytes();
            assertNull(Identifiers.problem(kind, "x".repeat(limit)));
            assertEquals("The " + kind.noun() + " \"" + "x".repeat(40) + "…\" is " + (limit + 1) + " bytes long (UTF-8); the limit is "
                    + limit + " bytes. Use a shorter one.", Identifiers.problem(kind, "x".repeat(limit + 1)));
        }
        // a schedule's runs are <name>@<fire time>: its name leaves room for the time in an execution id
        assertEquals(200, Kind.SCHEDULE_NAME.maxBytes());
        assertNull(Identifiers.problem(Kind.QUEUE, "€".repeat(85)));
        assertTrue(Identifiers.problem(Kind.QUEUE, "€".repeat(86)).contains("is 258 bytes long"));
        assertNull(Identifiers.problem(Kind.QUEUE, "📄".repeat(63)), "a surrogate pair is 4 bytes, not 6");
        assertTrue(Identifiers.problem(Kind.QUEUE, "📄".repeat(64)).contains("is 256 bytes long"));
        assertEquals("📄é".repeat(50).getBytes(StandardCharsets.UTF_8).length, Identifiers.utf8Length("📄é".repeat(50)));
        assertTrue(Identifiers.problem(Kind.EXECUTION_ID, "a".repeat(8100)).contains("is 8100 bytes long"));
    }

    @Test
    void idsMayNotTakeTheFormOfTheEnginesTaskAndChildIds() {
        String problem = Identifiers.problem(Kind.EXECUTION_ID, "X.t1");
        assertEquals("The execution id \"X.t1\" ends in '.t1', the form of the ids the engine gives to tasks ('<id>.t<n>')"
                + " and child workflows ('<id>.w<n>'); an id you choose may not end that way, so that it can never take"
                + " the place of one of those. Use another id, such as \"X-t1\".", problem);
        assertTrue(Identifiers.problem(Kind.EXECUTION_ID, "nightly.w12").contains("such as \"nightly-w12\""));
        assertNull(Identifiers.lookupProblem(Kind.EXECUTION_ID, "X.t1"), "looking up a task's or child's id is fine");
        assertNull(Identifiers.lookupProblem(Kind.EXECUTION_ID, "x".repeat(2000) + ".w1.w2.t3"));
        assertTrue(Identifiers.lookupProblem(Kind.EXECUTION_ID, "X\0").contains("NUL"));
    }

    @Test
    void theLongestIdTheEngineCanMakeStaysFarInsidePostgresLimits() {
        // A chosen id at the limit, 100 levels of children and a task, each promise number at its widest.
        int longest = Identifiers.MAX_BYTES + 100 * ".w2147483647".length() + ".t2147483647".length();
        assertEquals(1467, longest);
        assertTrue(longest < 2704 / 1.5, "btree index entries hold at most 2704 bytes");
        assertTrue(longest < 8000 / 5, "NOTIFY payloads hold at most 8000 bytes");
    }

    @Test
    void requireThrowsTheSentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Identifiers.require(Kind.QUEUE, "q".repeat(10_000)));
        assertTrue(e.getMessage().contains("is 10000 bytes long (UTF-8); the limit is 255 bytes"), e.getMessage());
        assertEquals("ok", Identifiers.require(Kind.QUEUE, "ok"));
    }
}
