package dev.rondo.examples.reports;

import static dev.rondo.examples.Json.completed;
import static dev.rondo.examples.Json.failed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.examples.ExampleEngine;
import dev.rondo.examples.Mailbox;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code reports/monthly.flow} on the engine: child workflows in parallel, combined, and one failing. */
class ReportExampleTest {

    private static final Duration WAIT = Duration.ofMinutes(1);

    private final SalesDatabase sales = ReportExample.sampleSales();
    private final Mailbox mail = new Mailbox();
    private final ExampleEngine engine = new ExampleEngine("reports");

    @AfterEach
    void close() {
        engine.close();
    }

    private WorkflowHandle start(boolean requireAll) {
        return engine.worker(new ReportTasks(sales, mail)::register)
                .start("reports/monthly", ReportExample.input("2026-10", requireAll));
    }

    private ExecutionStatus childStatus(WorkflowHandle parent, String region) {
        return engine.rondo.handle(parent.id() + "-" + region).status();
    }

    @Test
    void combinesTheFiguresOfEveryRegion() {
        WorkflowHandle report = start(true);
        assertEquals("""
                {"month":"2026-10","net":430,"regions":[\
                {"region":"emea","orders":2,"gross":200,"refunded":30,"net":170},\
                {"region":"americas","orders":1,"gross":200,"refunded":0,"net":200},\
                {"region":"apac","orders":1,"gross":60,"refunded":0,"net":60}],\
                "missing":[],"complete":true}""", completed(report.result(WAIT)).toString());
        for (String region : ReportExample.REGIONS) {
            assertEquals(ExecutionStatus.COMPLETED, childStatus(report, region));
        }
        assertEquals(List.of("emea: 2 orders, 200 gross, 30 refunded"),
                engine.rondo.handle(report.id() + "-emea").logs(0));
        assertEquals("Sales 2026-10: net 430", mail.sentTo("finance@example.com").getFirst().subject());
    }

    @Test
    void aFailingRegionIsReportedMissingAndTheOthersStillCount() {
        sales.unreachable("americas");
        WorkflowHandle report = start(false);
        JsonNode result = completed(report.result(WAIT));
        assertEquals(230, result.get("net").asInt());
        assertEquals(false, result.get("complete").asBoolean());
        assertEquals("""
                [{"region":"americas","error":"TaskError: Sales database of region americas is unreachable"}]""",
                result.get("missing").toString());
        assertEquals(ExecutionStatus.FAILED, childStatus(report, "americas"));
        assertEquals(ExecutionStatus.COMPLETED, childStatus(report, "apac"));
        assertEquals("Sales 2026-10: net 230 (incomplete)", mail.sentTo("finance@example.com").getFirst().subject());
    }

    @Test
    void aFailingRegionFailsAReportThatRequiresAll() {
        sales.unreachable("apac");
        WorkflowHandle report = start(true);
        JsonNode error = failed(report.result(WAIT));
        assertEquals("ReportIncomplete", error.get("name").asText());
        assertEquals("no figures for 1 region(s): apac: TaskError: Sales database of region apac is unreachable",
                error.get("message").asText());
        assertEquals(List.of(), mail.sent(), "no report is mailed");
    }

    @Test
    void theDemoReportsApacMissing() {
        JsonNode result = completed(ReportExample.demo(engine.rondo));
        assertEquals("apac", result.get("missing").get(0).get("region").asText());
    }
}
