package dev.rondo.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.StartOptions;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The execution page's pause, resume and terminate buttons and the queues page's pause and resume, over HTTP
 * with a real worker: each needs its confirmation (resume does not), reaches the execution or queue, and the
 * history shows who did what.
 */
class SteeringActionsTest {

    @TempDir
    static java.nio.file.Path dir;

    static Fixture fixture;
    static RondoDashboard dashboard;
    static Http http;

    @BeforeAll
    static void start() {
        fixture = new Fixture("dash_steer", dir);
        dashboard = RondoDashboard.start(fixture.db, DashboardOptions.DEFAULTS.withPort(0));
        http = new Http(dashboard.uri());
    }

    @AfterAll
    static void stop() {
        dashboard.close();
        fixture.close();
    }

    @Test
    void pauseResumeAndTerminateFromTheExecutionPage() {
        fixture.client.start("approve", "{\"id\":\"o-9\"}", StartOptions.DEFAULT.withId("steer-1").withQueue("dash"));
        fixture.awaitStatus("steer-1", "waiting");
        String page = http.get("/execution?id=steer-1").body();
        assertTrue(page.contains("class=\"pause\"") && page.contains(">Pause execution</button>"), page);
        assertTrue(page.contains(">Terminate execution</button>") && page.contains("I want to terminate it"), page);
        String csrf = Http.csrf(page);

        assertEquals(400, http.post("/execution/pause", Map.of("csrf", csrf, "id", "steer-1")).statusCode(), "unconfirmed");
        assertEquals("waiting", fixture.client.handle("steer-1").status().text());
        HttpResponse<String> paused = http.post("/execution/pause", Map.of("csrf", csrf, "id", "steer-1", "confirm", "yes"));
        assertEquals(303, paused.statusCode(), paused.body());
        assertEquals("paused", fixture.client.handle("steer-1").status().text());
        String pausedPage = http.get("/execution?id=steer-1").body();
        assertTrue(pausedPage.contains("<span class=\"badge status-paused\">paused</span>"), pausedPage);
        assertTrue(pausedPage.contains(">Resume execution</button>") && !pausedPage.contains(">Pause execution</button>"), pausedPage);
        Matcher row = Pattern.compile("<tr class=\"operator\">.*?</tr>").matcher(pausedPage);
        assertTrue(row.find(), pausedPage);
        assertTrue(row.group().contains("operator.pause") && row.group().contains("pause by " + fixture.client.operator()
                + " (was: waiting)"), row.group());
        assertTrue(http.get("/executions?status=paused").body().contains(">steer-1<"));

        HttpResponse<String> resumed = http.post("/execution/resume", Map.of("csrf", csrf, "id", "steer-1"));
        assertEquals(303, resumed.statusCode(), resumed.body());
        assertEquals("waiting", fixture.client.handle("steer-1").status().text());

        assertEquals(400, http.post("/execution/terminate", Map.of("csrf", csrf, "id", "steer-1")).statusCode(), "unconfirmed");
        HttpResponse<String> terminated = http.post("/execution/terminate",
                Map.of("csrf", csrf, "id", "steer-1", "confirm", "yes", "reason", "duplicate order"));
        assertEquals(303, terminated.statusCode(), terminated.body());
        assertEquals("terminated", fixture.client.handle("steer-1").result(Duration.ofSeconds(5)).status().text());
        String ended = http.get("/execution?id=steer-1").body();
        assertTrue(ended.contains("duplicate order"), ended);
        assertFalse(ended.contains(">Terminate execution</button>"), "an ended execution has no actions");
        HttpResponse<String> again = http.post("/execution/pause", Map.of("csrf", csrf, "id", "steer-1", "confirm", "yes"));
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("has already terminated"), again.body());
        assertEquals(403, http.post("/execution/terminate", Map.of("id", "steer-1", "confirm", "yes")).statusCode(), "no CSRF token");
    }

    @Test
    void pauseAndResumeAQueueFromTheQueuesPage() {
        String page = http.get("/queues").body();
        Matcher dash = Pattern.compile("<tr data-queue=\"dash\">.*?</tr>").matcher(page);
        assertTrue(dash.find(), page);
        assertTrue(dash.group().contains(">Pause queue</button>"), dash.group());
        String csrf = Http.csrf(page);
        assertEquals(400, http.post("/queues/pause", Map.of("csrf", csrf, "queue", "held")).statusCode(), "unconfirmed");
        HttpResponse<String> paused = http.post("/queues/pause", Map.of("csrf", csrf, "queue", "held", "confirm", "yes"));
        assertEquals(303, paused.statusCode(), paused.body());
        assertEquals(List.of("held"), fixture.client.pausedQueues().stream().map(p -> p.queue()).toList());
        String after = http.get("/queues").body();
        Matcher held = Pattern.compile("<tr data-queue=\"held\".*?</tr>").matcher(after);
        assertTrue(held.find(), "a paused queue with no work is listed: " + after);
        assertTrue(held.group().contains("status-paused") && held.group().contains(">Resume queue</button>"), held.group());
        HttpResponse<String> resumed = http.post("/queues/resume", Map.of("csrf", csrf, "queue", "held"));
        assertEquals(303, resumed.statusCode(), resumed.body());
        assertEquals(List.of(), fixture.client.pausedQueues());
    }

    @Test
    void retryRewindAndForkFromTheExecutionPage() throws Exception {
        fixture.client.start("broken", "{}", StartOptions.DEFAULT.withId("steer-broken").withQueue("dash"));
        fixture.awaitStatus("steer-broken", "failed");
        String failedPage = http.get("/execution?id=steer-broken").body();
        assertTrue(failedPage.contains(">Retry execution</button>") && failedPage.contains("I want to retry it"), failedPage);
        String csrf = Http.csrf(failedPage);
        assertEquals(400, http.post("/execution/retry", Map.of("csrf", csrf, "id", "steer-broken")).statusCode(), "unconfirmed");
        HttpResponse<String> retried = http.post("/execution/retry", Map.of("csrf", csrf, "id", "steer-broken", "confirm", "yes"));
        assertEquals(303, retried.statusCode(), retried.body());
        fixture.awaitStatus("steer-broken", "failed"); // the same code fails again: the retry ran it from the start
        assertTrue(http.get("/execution?id=steer-broken").body().contains("operator.retry"));

        fixture.client.start("sleepy", "{}", StartOptions.DEFAULT.withId("steer-sleepy").withQueue("dash"));
        fixture.awaitStatus("steer-sleepy", "waiting");
        String sleepyPage = http.get("/execution?id=steer-sleepy").body();
        assertTrue(sleepyPage.contains("<h2>Checkpoints</h2>") && sleepyPage.contains(">Rewind to step</button>")
                && sleepyPage.contains(">Fork from step</button>"), sleepyPage);
        assertFalse(sleepyPage.contains(">Retry execution</button>"), "only a failed execution can be retried");
        assertEquals(400, http.post("/execution/rewind", Map.of("csrf", csrf, "id", "steer-sleepy", "step", "x", "confirm", "yes"))
                .statusCode(), "a step that is no number");
        HttpResponse<String> noStep = http.post("/execution/rewind", Map.of("csrf", csrf, "id", "steer-sleepy", "step", "9", "confirm", "yes"));
        assertEquals(400, noStep.statusCode(), noStep.body());
        HttpResponse<String> rewound = http.post("/execution/rewind", Map.of("csrf", csrf, "id", "steer-sleepy", "step", "1", "confirm", "yes"));
        assertEquals(303, rewound.statusCode(), rewound.body());
        HttpResponse<String> forked = http.post("/execution/fork",
                Map.of("csrf", csrf, "id", "steer-sleepy", "step", "1", "newId", "steer-sleepy-2", "confirm", "yes"));
        assertEquals(303, forked.statusCode(), forked.body());
        assertTrue(forked.headers().firstValue("Location").orElse("").contains("steer-sleepy-2"), forked.headers().toString());
        fixture.awaitStatus("steer-sleepy-2", "waiting");
        assertEquals("waiting", fixture.client.handle("steer-sleepy").status().text(), "the origin is not touched by a fork");
    }

    @Test
    void movingExecutionsToTheCurrentVersionFromTheWorkflowsPage() throws Exception {
        java.nio.file.Path flow = dir.resolve("upgradable.flow");
        java.nio.file.Files.writeString(flow, "let answer = await Signal.next(\"go\")\nreturn \"v1 \" + answer\n");
        fixture.client.deploy(flow);
        fixture.client.start("upgradable", "{}", StartOptions.DEFAULT.withId("steer-up").withQueue("dash"));
        fixture.awaitStatus("steer-up", "waiting");
        java.nio.file.Files.writeString(flow, "print(\"fixed\")\nlet answer = await Signal.next(\"go\")\nreturn \"v2 \" + answer\n");
        fixture.client.deploy(flow);

        String workflows = http.get("/workflows").body();
        assertTrue(workflows.contains("/upgrade?workflow=upgradable"), workflows);
        String preview = http.get("/upgrade?workflow=upgradable").body();
        assertTrue(preview.contains(">steer-up<") && preview.contains("can move") && preview.contains(">Move 1 execution(s)</button>"),
                preview);
        String csrf = Http.csrf(preview);
        assertEquals(400, http.post("/workflows/upgrade", Map.of("csrf", csrf, "workflow", "upgradable")).statusCode(), "unconfirmed");
        HttpResponse<String> moved = http.post("/workflows/upgrade", Map.of("csrf", csrf, "workflow", "upgradable", "confirm", "yes"));
        assertEquals(303, moved.statusCode(), moved.body());
        assertTrue(moved.headers().firstValue("Location").orElse("").contains("moved=1"), moved.headers().toString());
        assertTrue(http.get("/upgrade?workflow=upgradable&moved=1&refused=0").body()
                .contains("No execution of an older version waits"), "nothing is left on the old version");
        fixture.client.handle("steer-up").signal("go", "\"ok\"");
        assertEquals("\"v2 ok\"", fixture.client.handle("steer-up").result(Duration.ofSeconds(10)).resultJson());
    }

    @Test
    void aBulkActionFromTheExecutionsPageIsPreviewedThenApplied() {
        for (int i = 1; i <= 3; i++) {
            fixture.client.start("approve", "{\"id\":\"b-" + i + "\"}",
                    StartOptions.DEFAULT.withId("steer-bulk-" + i).withQueue("dash").withAttributes(Map.of("batch", "b7")));
            fixture.awaitStatus("steer-bulk-" + i, "waiting");
        }
        assertFalse(http.get("/executions").body().contains("class=\"bulk\""), "no bulk form without a filter");
        String list = http.get("/executions?where=batch%3Db7").body();
        assertTrue(list.contains("class=\"bulk\"") && list.contains("Preview…"), list);
        String preview = http.get("/bulk?where=batch%3Db7&action=pause").body();
        assertTrue(preview.contains("pause: 3 execution(s)") && preview.contains(">Apply to 3 execution(s)</button>"), preview);
        assertEquals("waiting", fixture.client.handle("steer-bulk-1").status().text(), "a preview changes nothing");
        String csrf = Http.csrf(preview);
        assertEquals(400, http.post("/executions/bulk", Map.of("csrf", csrf, "where", "batch=b7", "action", "pause")).statusCode(),
                "unconfirmed");
        HttpResponse<String> done = http.post("/executions/bulk",
                Map.of("csrf", csrf, "where", "batch=b7", "action", "pause", "confirm", "yes"));
        assertEquals(303, done.statusCode(), done.body());
        assertTrue(done.headers().firstValue("Location").orElse("").contains("changed=3"), done.headers().toString());
        for (int i = 1; i <= 3; i++) {
            assertEquals("paused", fixture.client.handle("steer-bulk-" + i).status().text());
        }
        assertEquals(400, http.get("/bulk?queue=dash&action=pause").statusCode(), "a queue filter has no bulk form");
        assertEquals(400, http.get("/bulk?where=batch%3Db7&action=explode").statusCode());
    }

    @Test
    void schedulesArePausedResumedAndRunFromTheSchedulesPage() {
        fixture.client.schedules().create(dev.rondo.client.Schedule.cron("steer-nightly", "approve", "0 2 * * *")
                .withQueue("dash").withInput("{\"id\":\"n-1\"}"));
        String page = http.get("/schedules").body();
        Matcher row = Pattern.compile("<tr data-schedule=\"steer-nightly\">.*?</tr>").matcher(page);
        assertTrue(row.find(), page);
        assertTrue(row.group().contains("0 2 * * *") && row.group().contains(">active<") && row.group().contains(">Pause</button>"),
                row.group());
        String csrf = Http.csrf(page);
        assertEquals(400, http.post("/schedules/pause", Map.of("csrf", csrf, "name", "steer-nightly")).statusCode(), "unconfirmed");
        assertEquals(303, http.post("/schedules/pause", Map.of("csrf", csrf, "name", "steer-nightly", "confirm", "yes")).statusCode());
        assertTrue(fixture.client.schedules().describe("steer-nightly").paused());
        assertEquals(303, http.post("/schedules/resume", Map.of("csrf", csrf, "name", "steer-nightly")).statusCode());
        assertFalse(fixture.client.schedules().describe("steer-nightly").paused());
        HttpResponse<String> run = http.post("/schedules/trigger", Map.of("csrf", csrf, "name", "steer-nightly", "confirm", "yes"));
        assertEquals(303, run.statusCode(), run.body());
        String started = fixture.client.schedules().describe("steer-nightly").lastExecutionId();
        String location = java.net.URLDecoder.decode(run.headers().firstValue("Location").orElse(""), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(started != null && location.equals("/execution?id=" + started), location + " for the run " + started);
        assertEquals(400, http.post("/schedules/pause", Map.of("csrf", csrf, "name", "nobody", "confirm", "yes")).statusCode(),
                "an unknown schedule is refused with the client's sentence");
    }
}
