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
    void theThroughputChartPutsEachMinuteInItsPlaceScaledToTheBusiest() {
        var rows = java.util.List.of(new dev.rondo.store.DashboardDao.Throughput("q", 0, 8),
                new dev.rondo.store.DashboardDao.Throughput("q", 59, 2), new dev.rondo.store.DashboardDao.Throughput("q", 60, 5),
                new dev.rondo.store.DashboardDao.Throughput("other", 3, 1));
        long[] q = QueuesPage.perMinute(rows).get("q");
        assertEquals(8, q[QueuesPage.MINUTES - 1], "the current minute is the last bar");
        assertEquals(2, q[0], "59 minutes ago is the first");
        assertEquals(10, java.util.Arrays.stream(q).sum(), "a minute beyond the hour is left out");
        Html h = new Html();
        QueuesPage.chart(h, "q<", q);
        String svg = h.toString();
        assertTrue(svg.contains("<rect x=\"177\" y=\"0\" width=\"2\" height=\"24\"><title>0 min ago: 8</title></rect>"), svg);
        assertTrue(svg.contains("<rect x=\"0\" y=\"18\" width=\"2\" height=\"6\"><title>59 min ago: 2</title></rect>"), svg);
        assertEquals(2, svg.split("<rect").length - 1, "no bar for an empty minute");
        assertTrue(svg.contains("Executions of q&lt; finished"), "the label is escaped");
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
