package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.Overlap;
import dev.rondo.core.RondoException;
import dev.rondo.client.Schedule;
import dev.rondo.client.ScheduleDescription;
import dev.rondo.client.WorkflowHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schedules fired by workers: on time, once per fire time, with Context.scheduledAt; declared beside the flows. */
class SchedulesOnTheEngineTest {

    @TempDir
    Path flows;

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = new Engine("schedules", flows);
        engine.flow("tick", "return Context.scheduledAt");
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    @Test
    void threeWorkersStartEverySecondOnceWithItsFireTimeInTheContext() throws Exception {
        for (int i = 0; i < 3; i++) {
            engine.worker(b -> b);
        }
        engine.client.schedules().create(Schedule.cron("every-second", "tick", "* * * * * *").withOverlap(Overlap.ALLOW_ALL));
        Thread.sleep(4_500);
        engine.client.schedules().pause("every-second");
        Thread.sleep(300); // the runs of the last fire times finish
        List<String> wrong = engine.column("""
                SELECT id FROM executions
                WHERE id LIKE 'every-second@%' AND (status <> 'completed'
                   OR result <> '"' || to_char(scheduled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"')""");
        assertEquals(List.of(), wrong, "every run completed and returned its fire time");
        int runs = Integer.parseInt(engine.one("SELECT count(*) FROM executions WHERE id LIKE 'every-second@%'"));
        assertTrue(runs >= 4 && runs <= 6, runs + " runs in 4.5 s");
        assertEquals(engine.one("SELECT count(DISTINCT scheduled_at) FROM executions WHERE id LIKE 'every-second@%'"),
                String.valueOf(runs), "one run per fire time");
        assertEquals("0", engine.one("""
                SELECT count(*) FROM (SELECT scheduled_at - lag(scheduled_at) OVER (ORDER BY scheduled_at) AS step
                                      FROM executions WHERE id LIKE 'every-second@%') s WHERE step <> interval '1 s'"""),
                "no fire time missed");
        double lateMillis = Double.parseDouble(engine.one("""
                SELECT max(EXTRACT(EPOCH FROM f.recorded_at - f.fire_at) * 1000) FROM schedule_fires f
                WHERE f.schedule = 'every-second'"""));
        assertTrue(lateMillis < 1_000, "started " + lateMillis + " ms after its fire time");
    }

    @Test
    void pauseTriggerResumeAndDeleteFromTheClient() throws Exception {
        engine.worker(b -> b);
        var schedules = engine.client.schedules();
        schedules.create(Schedule.every("hourly", "tick", Duration.ofHours(1)).withInput("{\"a\": 1}"));
        assertThrows(RondoException.ScheduleExists.class, () -> schedules.create(Schedule.every("hourly", "tick", Duration.ofHours(1))));
        schedules.pause("hourly");
        assertTrue(schedules.describe("hourly").paused());
        WorkflowHandle run = schedules.trigger("hourly").orElseThrow();
        assertTrue(run.id().startsWith("hourly@"), run.id());
        assertTrue(run.result(Duration.ofSeconds(10)).completed());
        schedules.resume("hourly");
        ScheduleDescription d = schedules.describe("hourly");
        assertFalse(d.paused());
        assertTrue(d.nextFireAt().isAfter(Instant.now().plusSeconds(3_000)), d.toString());
        assertEquals("trigger", d.recentFires().getFirst().reason());
        assertEquals(List.of("hourly"), schedules.list().stream().map(s -> s.schedule().name()).toList());
        assertTrue(schedules.delete("hourly"));
        assertThrows(RondoException.UnknownSchedule.class, () -> schedules.describe("hourly"));
        assertThrows(RondoException.UnknownSchedule.class, () -> schedules.trigger("hourly"));
    }

    @Test
    void aDeployCreatesChangesAndRemovesTheSchedulesItsFolderDeclares() throws Exception {
        Path folder = flows.resolve("app");
        Files.createDirectories(folder.resolve("reports"));
        Files.writeString(folder.resolve("reports/nightly.flow"), "return Inputs");
        Files.writeString(folder.resolve("schedules.json"), """
                [{"name": "nightly", "workflow": "reports/nightly", "cron": "0 2 * * *", "timeZone": "Europe/Berlin",
                  "input": {"format": "pdf"}, "overlap": "buffer"}]""");
        var schedules = engine.client.schedules();
        schedules.create(Schedule.every("by-hand", "tick", Duration.ofHours(1)));
        engine.client.deploy(folder);
        ScheduleDescription nightly = schedules.describe("nightly");
        assertEquals("0 2 * * *", nightly.schedule().cron());
        assertEquals(Overlap.BUFFER_ONE, nightly.schedule().overlap());
        assertEquals("{\"format\":\"pdf\"}", nightly.schedule().input());
        assertTrue(nightly.declared());
        Files.writeString(folder.resolve("schedules.json"), """
                [{"name": "nightly", "workflow": "reports/nightly", "cron": "0 3 * * *", "timeZone": "Europe/Berlin"}]""");
        engine.client.deploy(folder);
        assertEquals("0 3 * * *", schedules.describe("nightly").schedule().cron());
        Files.writeString(folder.resolve("schedules.json"), """
                [{"name": "nightly", "workflow": "reports/nightly", "cron": "0 3 * * *", "tz": "Europe/Berlin"}]""");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> engine.client.deploy(folder));
        assertTrue(bad.getMessage().contains("schedules.json: schedule 1: unknown key 'tz'"), bad.getMessage());
        Files.writeString(folder.resolve("schedules.json"), """
                [{"name": "by-hand", "workflow": "reports/nightly", "every": 60}]""");
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class, () -> engine.client.deploy(folder));
        assertTrue(taken.getMessage().contains("declares schedule 'by-hand', which was made by hand"), taken.getMessage());
        assertEquals("tick", schedules.describe("by-hand").schedule().workflow(), "left alone");
        Files.delete(folder.resolve("schedules.json"));
        engine.client.deploy(folder);
        assertEquals(List.of("by-hand"), schedules.list().stream().map(s -> s.schedule().name()).toList(),
                "the declared schedule went with its declaration; the one made by hand stays");
    }
}
