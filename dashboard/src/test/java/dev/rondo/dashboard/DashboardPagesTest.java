package dev.rondo.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowResult;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page over HTTP, on a real PostgreSQL with a real worker: what each shows, filters, paging, the log stream, the actions. */
class DashboardPagesTest {

    @TempDir
    static Path dir;

    static Fixture fixture;
    static RondoDashboard dashboard;
    static Http http;

    @BeforeAll
    static void start() {
        fixture = new Fixture("dash_pages", dir).started();
        dashboard = RondoDashboard.start(fixture.db, DashboardOptions.DEFAULTS.withPort(0));
        http = new Http(dashboard.uri());
    }

    @AfterAll
    static void stop() {
        dashboard.close();
        fixture.close();
    }

    @Test
    void theRootGoesToTheExecutions() {
        HttpResponse<String> root = http.get("/");
        assertEquals(303, root.statusCode());
        assertTrue(root.headers().firstValue("Location").orElseThrow().endsWith("/executions"));
    }

    @Test
    void executionsListsNewestFirstWithCountsPerStatusAndFilters() {
        HttpResponse<String> page = http.get("/executions");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.indexOf(">sleep-1<") < html.indexOf(">wait-1<"), "newest first");
        assertTrue(html.contains("data-status=\"waiting\""), html);
        assertEquals("3", count(html, "waiting"));
        assertEquals("1", count(html, "failed"));
        assertEquals("0", count(html, "completed"));

        String failed = http.get("/executions?status=failed").body();
        assertTrue(failed.contains(">fail-1<"));
        assertFalse(failed.contains(">wait-1<"));
        String byWorkflow = http.get("/executions?workflow=approve").body();
        assertTrue(byWorkflow.contains(">wait-1<") && !byWorkflow.contains(">fail-1<"));
        assertTrue(byWorkflow.contains(" data-deferred>") && !byWorkflow.contains(" <b>"), "counts under a workflow filter come from the script");
        assertTrue(http.get("/executions?queue=nowhere").body().contains("No executions match."));
        assertTrue(http.get("/executions?from=2000-01-01T00:00&to=2001-01-01T00:00").body().contains("No executions match."));
        assertTrue(http.get("/executions?from=2000-01-01T00:00").body().contains(">wait-1<"));
        assertEquals(400, http.get("/executions?status=sleeping").statusCode());
        assertEquals(400, http.get("/executions?from=yesterday").statusCode());

        String byCustomer = http.get("/executions?where=customer%3Dc-42").body();
        assertTrue(byCustomer.contains(">wait-1<") && !byCustomer.contains(">fail-1<") && !byCustomer.contains(">sleep-1<"), byCustomer);
        assertTrue(byCustomer.contains("value=\"customer=c-42\""), "the form keeps the condition");
        assertTrue(http.get("/executions?where=customer%3Dc-7").body().contains("No executions match."));
        assertEquals(400, http.get("/executions?where=customer").statusCode());
        assertEquals(400, http.get("/executions?where=status%3Dfailed").statusCode(), "status is no attribute");
        assertEquals("1", count(http.get("/executions/counts?where=customer%3Dc-42").body(), "waiting"));

        String counts = http.get("/executions/counts?workflow=broken").body();
        assertEquals("1", count(counts, "failed"));
        assertEquals("0", count(counts, "waiting"));
    }

    @Test
    void searchByIdGoesToTheExecutionOrSaysThereIsNone() {
        HttpResponse<String> hit = http.get("/executions?id=wait-1");
        assertEquals(303, hit.statusCode());
        assertTrue(hit.headers().firstValue("Location").orElseThrow().endsWith("/execution?id=wait-1"));
        String miss = http.get("/executions?id=nobody").body();
        assertTrue(miss.contains("No workflow execution has the id <code>nobody</code>"), miss);
    }

    @Test
    void pagesByKeysetWithoutSkippingOrRepeating() {
        for (int i = 0; i < 55; i++) {
            fixture.client.start("approve", "{\"id\":\"p\"}", StartOptions.DEFAULT.withId(String.format("page-%02d", i)).withQueue("idle"));
        }
        String first = http.get("/executions?queue=idle").body();
        Matcher next = Pattern.compile("href=\"(/executions\\?queue=idle&amp;after=[^\"]+)\">Older").matcher(first);
        assertTrue(next.find(), first);
        String second = http.get(next.group(1).replace("&amp;", "&")).body();
        int rowsFirst = rows(first);
        int rowsSecond = rows(second);
        assertEquals(50, rowsFirst);
        assertEquals(5, rowsSecond);
        assertTrue(first.contains(">page-54<") && first.contains(">page-05<") && !first.contains(">page-04<"));
        assertTrue(second.contains(">page-04<") && second.contains(">page-00<") && !second.contains(">page-05<"));
        assertFalse(second.contains(">Older"), "the last page has no next");
    }

    @Test
    void aWaitingExecutionShowsItsLineVariablesLogAndWhatItWaitsFor() {
        String html = http.get("/execution?id=wait-1").body();
        assertTrue(html.contains("<span class=\"line waiting\" id=\"marked-line\" data-line=\"3\"><span class=\"n\">3</span>"
                + "let answer = await Signal.next(&quot;approve&quot;)"), html);
        assertTrue(html.contains("← waits for signal approve"), html);
        assertTrue(html.contains("<code id=\"waiting-at\">approve.flow:3:"), html);
        assertTrue(html.contains("data-var=\"order\""), html);
        assertTrue(html.contains("<span class=\"json-key\">id</span>: <span class=\"json-string\">\"o-1\"</span>"), html);
        assertTrue(html.contains("data-var=\"answer\""), html);
        assertTrue(html.contains("<span class=\"log-line\">asking for o-1</span>"), html);
        assertTrue(html.contains("data-stream=\"/execution/logs?id=wait-1&amp;after=1\""), html);
        assertTrue(html.contains("<svg class=\"timeline\""), html);
        assertTrue(html.contains("name=\"name\" required placeholder=\"name\" value=\"approve\""), "the form names the signal it waits for");
        assertTrue(html.contains("Cancel execution"));
    }

    @Test
    void aFailedExecutionShowsItsErrorAtItsLine() {
        String html = http.get("/execution?id=fail-1").body();
        assertTrue(html.contains("<pre id=\"error\">broken.flow:2:1: Error: no stock for 3 items</pre>"), html);
        assertTrue(html.contains("<span class=\"line failed\" id=\"marked-line\" data-line=\"2\">"), html);
        assertFalse(html.contains("Send signal"), "no actions on an ended execution");
        assertTrue(html.contains("None: the execution has ended."));
    }

    @Test
    void aRetryingTaskShowsItsAttemptsLastErrorAndNextRetry() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String html;
        do {
            html = http.get("/execution?id=retry-1").body();
            Thread.sleep(100);
        } while (!html.contains("mail server unavailable") && System.nanoTime() < deadline);
        assertTrue(html.contains("<table class=\"pending\">"), html);
        assertTrue(html.contains("mail server unavailable"), html);
        assertTrue(Pattern.compile("<td>task sendInvoice</td><td>[a-z]+</td><td>[1-8]</td>").matcher(html).find(), html);
        assertTrue(html.contains("data-var=\"invoice\""), html);
    }

    @Test
    void aTimerShowsItsDueTime() {
        String html = http.get("/execution?id=sleep-1").body();
        assertTrue(html.contains("<ul class=\"timers\"><li>timer #"), html);
        assertTrue(html.contains("class=\"timer beyond\""), "a timer an hour away is drawn at the picture's end");
        assertTrue(html.contains("data-var=\"reminders\""), html);
    }

    @Test
    void theLogStreamSendsLinesAndEndsWhenTheExecutionHas() {
        fixture.client.start("approve", "{\"id\":\"o-2\"}", StartOptions.DEFAULT.withId("stream-1").withQueue("dash"));
        fixture.awaitStatus("stream-1", "waiting");
        fixture.client.handle("stream-1").signal("approve", "true");
        fixture.awaitStatus("stream-1", "completed");
        HttpResponse<String> stream = http.get("/execution/logs?id=stream-1&after=0");
        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        assertEquals("retry: 2000\n\nid: 1\nevent: line\ndata: asking for o-2\n\nid: 2\nevent: line\ndata: answer: true\n\n"
                + "event: end\ndata: completed\n\n", stream.body());
        HttpResponse<String> resumed = http.get("/execution/logs?id=stream-1", "Last-Event-ID", "1");
        assertTrue(resumed.body().startsWith("retry: 2000\n\nid: 2\n"), resumed.body());
    }

    @Test
    void signalAndCancelFromTheirFormsReachTheExecution() {
        fixture.client.start("approve", "{\"id\":\"o-3\"}", StartOptions.DEFAULT.withId("act-1").withQueue("dash"));
        fixture.client.start("approve", "{\"id\":\"o-4\"}", StartOptions.DEFAULT.withId("act-2").withQueue("dash"));
        fixture.awaitStatus("act-1", "waiting");
        fixture.awaitStatus("act-2", "waiting");
        String csrf = Http.csrf(http.get("/execution?id=act-1").body());

        HttpResponse<String> bad = http.post("/execution/signal", Map.of("csrf", csrf, "id", "act-1", "name", "approve", "payload", "{nope"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("JSON"), bad.body());

        HttpResponse<String> sent = http.post("/execution/signal", Map.of("csrf", csrf, "id", "act-1", "name", "approve", "payload", "{\"ok\":1}"));
        assertEquals(303, sent.statusCode(), sent.body());
        WorkflowResult result = fixture.client.handle("act-1").result(Duration.ofSeconds(30));
        assertEquals("{\"order\":\"o-3\",\"answer\":{\"ok\":1}}", result.resultJson());

        assertEquals(400, http.post("/execution/cancel", Map.of("csrf", csrf, "id", "act-2")).statusCode(), "unconfirmed");
        HttpResponse<String> cancelled = http.post("/execution/cancel", Map.of("csrf", csrf, "id", "act-2", "confirm", "yes"));
        assertEquals(303, cancelled.statusCode(), cancelled.body());
        assertEquals("cancelled", fixture.client.handle("act-2").result(Duration.ofSeconds(30)).status().text());
        HttpResponse<String> again = http.post("/execution/cancel", Map.of("csrf", csrf, "id", "act-2", "confirm", "yes"));
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("already"), again.body());
    }

    @Test
    void workflowsShowVersionsWithCountsAndSources() {
        String html = http.get("/workflows").body();
        assertTrue(html.contains(">approve</a>") && html.contains(">broken</a>"), html);
        assertTrue(html.contains("<span class=\"mode\">current</span>"));
        Matcher version = Pattern.compile("href=\"(/workflow\\?name=broken&amp;hash=[0-9a-f]{64})\"").matcher(html);
        assertTrue(version.find(), html);
        String source = http.get(version.group(1).replace("&amp;", "&")).body();
        assertTrue(source.contains("throw Error(`no stock for ${items.length} items`)"), source);
        assertEquals(404, http.get("/workflow?name=broken&hash=abc").statusCode());
    }

    @Test
    void queuesShowDepthThroughputWorkersAndWarnWhenNobodyServes() {
        fixture.client.start("approve", "{}", StartOptions.DEFAULT.withId("orphan-1").withQueue("orphans"));
        String html = http.get("/queues").body();
        assertTrue(html.contains("<tr data-queue=\"orphans\" class=\"unserved\">"), html);
        assertTrue(html.contains("no worker serves this queue: start one with <code>rondo worker --queue orphans</code>"));
        Matcher dash = Pattern.compile("<tr data-queue=\"dash\"><td>.*?</tr>").matcher(html);
        assertTrue(dash.find(), html);
        assertTrue(dash.group().contains("/4)"), "the worker serving it, with in flight/concurrency: " + dash.group());
        assertTrue(Pattern.compile("<svg class=\"throughput\".*<title>[01] min ago: [1-9][0-9]*</title>").matcher(dash.group()).find(),
                "the failed execution finished in the last minutes shows as a bar: " + dash.group());
        assertTrue(html.contains("<table class=\"workers\">"));
        assertTrue(html.contains(fixture.worker.id()), html);
    }

    @Test
    void unknownPagesAndExecutionsAre404() {
        assertEquals(404, http.get("/nothing").statusCode());
        assertEquals(404, http.get("/execution?id=nobody").statusCode());
        assertEquals(400, http.get("/execution").statusCode());
        assertEquals(200, http.get("/assets/dashboard.js").statusCode());
    }

    private static String count(String html, String status) {
        Matcher m = Pattern.compile("data-status=\"" + status + "\" href=\"[^\"]*\">" + status + " <b>([0-9+]+)</b>").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    private static int rows(String html) {
        return html.split("<tr><td><a href=\"/execution\\?id=").length - 1;
    }
}
