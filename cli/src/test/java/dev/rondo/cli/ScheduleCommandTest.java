package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rondo schedule create|list|describe|pause|resume|trigger|backfill|delete}: output, --json, exit codes, refusals. */
class ScheduleCommandTest {

    @TempDir
    Path dir;

    private Cli rondo;

    @BeforeEach
    void deploy() throws Exception {
        rondo = new Cli(TestDatabase.freshSchemaUrl("cli_schedules"));
        Files.writeString(dir.resolve("report.flow"), "return Context.scheduledAt");
        assertEquals(0, rondo.run("deploy", dir.resolve("report.flow").toString()).code());
    }

    @Test
    void createDescribeListPauseResumeTriggerBackfillDelete() {
        Cli.Result created = rondo.run("schedule", "create", "nightly", "--workflow", "report", "--cron", "0 2 * * *",
                "--tz", "Europe/Berlin", "--input", "{\"format\":\"pdf\"}", "--overlap", "buffer", "--json");
        assertEquals(0, created.code(), created.err());
        JsonNode n = created.json();
        assertEquals("0 2 * * *", n.get("cron").asText());
        assertEquals("Europe/Berlin", n.get("timeZone").asText());
        assertEquals("pdf", n.get("input").get("format").asText());
        assertEquals("buffer", n.get("overlap").asText());
        assertTrue(n.get("nextFireAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT0[01]:00:00Z"), n.toString());

        Cli.Result again = rondo.run("schedule", "create", "nightly", "--workflow", "report", "--every", "60");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("A schedule named 'nightly' exists already"), again.err());

        Cli.Result listed = rondo.run("schedule", "list");
        assertTrue(listed.out().startsWith("NAME "), listed.out());
        assertTrue(listed.out().contains("cron '0 2 * * *' in Europe/Berlin"), listed.out());

        assertEquals(true, rondo.run("schedule", "pause", "nightly", "--json").json().get("paused").asBoolean());
        String id = rondo.run("schedule", "trigger", "nightly").out().trim();
        assertTrue(id.startsWith("nightly@"), id);
        assertEquals(false, rondo.run("schedule", "resume", "nightly", "--json").json().get("paused").asBoolean());
        assertEquals(2, rondo.run("schedule", "backfill", "nightly", "2026-12-01T00:00:00Z", "2026-12-02T12:00:00Z", "--json")
                .json().get("started").asInt());
        Cli.Result described = rondo.run("schedule", "describe", "nightly");
        assertTrue(described.out().contains("backfill") && described.out().contains("trigger"), described.out());
        assertTrue(described.out().contains("2026-12-01T01:00:00Z"), "02:00 in Berlin is 01:00 UTC in winter\n" + described.out());

        assertEquals(0, rondo.run("schedule", "delete", "nightly").code());
        assertEquals(1, rondo.run("schedule", "describe", "nightly").code());
        assertEquals(1, rondo.run("schedule", "delete", "nightly").code());
    }

    @Test
    void badArgumentsAreUsageErrorsThatSayWhatToChange() {
        Cli.Result both = rondo.run("schedule", "create", "x", "--workflow", "report", "--cron", "* * * * *", "--every", "5");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("give --cron EXPR or --every SECONDS"), both.err());
        Cli.Result cron = rondo.run("schedule", "create", "x", "--workflow", "report", "--cron", "61 * * * *");
        assertEquals(2, cron.code());
        assertTrue(cron.err().contains("61 not in range"), cron.err());
        Cli.Result zone = rondo.run("schedule", "create", "x", "--workflow", "report", "--every", "5", "--tz", "Nowhere/Land");
        assertEquals(2, zone.code());
        assertTrue(zone.err().contains("Unknown time zone 'Nowhere/Land'"), zone.err());
        Cli.Result overlap = rondo.run("schedule", "create", "x", "--workflow", "report", "--every", "5", "--overlap", "sometimes");
        assertEquals(2, overlap.code());
        assertTrue(overlap.err().contains("Unknown overlap policy 'sometimes'"), overlap.err());
        Cli.Result range = rondo.run("schedule", "backfill", "x", "yesterday", "today");
        assertEquals(2, range.code());
        assertTrue(range.err().contains("FROM must be an ISO-8601 instant"), range.err());
        assertEquals(2, rondo.run("schedule").code());
    }
}
