package dev.rondo.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What pages are built from: escaping, the bounded JSON tree, the marked source line. */
class RenderingTest {

    @Test
    void textIsEscapedEverywhere() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;",
                new Html().text("<script>alert('x')</script> & \"q\"").toString());
        assertEquals("<a href=\"/x?a=1&amp;b=&quot;\">&lt;b&gt;</a>", new Html().link("/x?a=1&b=\"", "<b>").toString());
    }

    @Test
    void aJsonTreeEscapesKeysAndValuesAndShowsPromises() {
        Html h = new Html();
        JsonTree.render(h, "{\"<k>\":\"<v>\",\"p\":{\"$promise\":3},\"n\":[1,true,null]}");
        String html = h.toString();
        assertTrue(html.contains("<span class=\"json-key\">&lt;k&gt;</span>: <span class=\"json-string\">\"&lt;v&gt;\"</span>"), html);
        assertTrue(html.contains("<span class=\"json-promise\">promise #3</span>"), html);
        assertTrue(html.contains("[3 items]"), html);
        assertFalse(html.contains("<k>"));
    }

    @Test
    void aHugeOrDeepValueIsCutNotRenderedWhole() {
        StringBuilder big = new StringBuilder("[");
        for (int i = 0; i < 100_000; i++) {
            big.append(i == 0 ? "" : ",").append(i);
        }
        Html h = new Html();
        JsonTree.render(h, big.append("]").toString());
        assertTrue(h.toString().length() < 200_000, "bounded: " + h.toString().length());
        assertTrue(h.toString().contains("…"));
        Html deep = new Html();
        JsonTree.render(deep, "[".repeat(5_000) + "]".repeat(5_000));
        assertTrue(deep.toString().contains("json-more"));
    }

    @Test
    void theWaitingLineIsMarkedAndNothingElse() {
        Html h = new Html();
        SourceView.render(h, "let a = 1\nawait Timer.delay(1)\n", 2, "waiting", "← waits for timer");
        String html = h.toString();
        assertTrue(html.contains("<span class=\"line waiting\" id=\"marked-line\" data-line=\"2\"><span class=\"n\">2</span>"
                + "await Timer.delay(1)<span class=\"note\">← waits for timer</span></span>"), html);
        assertEquals(2, html.split("class=\"line").length - 1, "two lines, not a third for the final newline");
        assertEquals(3, SourceView.lineOf("a/b.flow:3:14"));
        assertEquals(0, SourceView.lineOf("nonsense"));
    }
}
