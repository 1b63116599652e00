package dev.rondo.examples.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.Overlap;
import dev.rondo.client.ScheduleDescription;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.examples.ExampleEngine;
import dev.rondo.examples.Mailbox;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code reports/nightly.flow} on its schedule, declared in {@code flows/schedules.json} and deployed with the flows. */
class NightlyReportExampleTest {

    private final Mailbox mail = new Mailbox();
    private final ExampleEngine engine = new ExampleEngine("nightly");

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void theDeployCreatesTheScheduleAndABackfilledNightReportsOnItsOwnDate() {
        engine.worker(new ReportTasks(ReportExample.sampleSales(), mail)::register);
        ScheduleDescription nightly = engine.rondo.schedules().describe("nightly-sales");
        assertTrue(nightly.declared());
        assertEquals("0 2 * * *", nightly.schedule().cron());
        assertEquals("Europe/Berlin", nightly.schedule().timeZone());
        assertEquals(Overlap.SKIP, nightly.schedule().overlap());
        assertEquals("examples", nightly.schedule().queue());

        // 02:00 in Berlin on 2026-10-20 is 00:00 UTC (summer time)
        assertEquals(1, engine.rondo.schedules().backfill("nightly-sales",
                Instant.parse("2026-10-19T12:00:00Z"), Instant.parse("2026-10-20T12:00:00Z")));
        WorkflowHandle run = engine.rondo.handle("nightly-sales@2026-10-20T00:00:00Z");
        assertEquals("{\"night\":\"2026-10-20\",\"month\":\"2026-10\",\"net\":460}",
                run.result(Duration.ofMinutes(1)).resultJson());
        assertEquals("Sales 2026-10 so far: 460 (night of 2026-10-20)", mail.sent().getFirst().subject());
    }
}
