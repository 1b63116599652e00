package dev.rondo.examples.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.examples.Examples;
import dev.rondo.examples.Mailbox;
import dev.rondo.testing.FlowRun;
import dev.rondo.testing.FlowTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code reports/monthly.flow} on virtual time: with its real children ({@code reports/region.flow}) over
 * the real {@link ReportTasks}, one region's database down; and with the child mocked, to test the parent
 * alone.
 */
class ReportFlowTest {

    private final Mailbox mail = new Mailbox();
    private final SalesDatabase sales = ReportExample.sampleSales();
    private final FlowTest env = FlowTest.of(Examples.flows()).handlers(new ReportTasks(sales, mail)::register);

    record Missing(String region, String error) {}

    record Report(String month, long net, List<JsonNode> regions, List<Missing> missing, boolean complete) {}

    @Test
    void aRegionWhoseChildFailsIsListedMissingWhileTheOthersCount() {
        sales.unreachable("apac");

        FlowRun run = env.run("reports/monthly", ReportExample.input("2026-10", false));

        Report report = run.result(Report.class);
        assertEquals(370, report.net(), "emea 200 - 30, americas 200 (September's order not counted)");
        assertEquals(List.of(new Missing("apac", "TaskError: Sales database of region apac is unreachable")),
                report.missing());
        assertEquals(List.of("emea", "americas"), report.regions().stream().map(r -> r.get("region").asText()).toList());
        assertEquals(3, run.tasks("fetchOrders").stream().filter(a -> a.workflowId().equals("local-1-apac")).count(),
                "the child retried its query three times before failing");
        assertEquals(List.of("Sales 2026-10: net 370 (incomplete)"),
                mail.sentTo("finance@example.com").stream().map(Mailbox.Email::subject).toList());
    }

    @Test
    void aFailingRegionFailsAReportThatRequiresAll() {
        sales.unreachable("emea");

        FlowRun run = env.run("reports/monthly", ReportExample.input("2026-10", true));

        assertEquals("ReportIncomplete", run.error().name());
        assertEquals("no figures for 1 region(s): emea: TaskError: Sales database of region emea is unreachable",
                run.error().message());
        assertEquals(List.of(), mail.sent(), "no report is mailed");
    }

    @Test
    void theParentAloneWithTheChildMocked() {
        FlowRun run = env.mockWorkflow("reports/region",
                        "{\"region\": \"any\", \"orders\": 2, \"gross\": 150, \"refunded\": 50, \"net\": 100}")
                .run("reports/monthly", ReportExample.input("2026-10", false));

        assertEquals(300, run.result(Report.class).net());
        assertEquals(List.of("sendEmail"), run.tasks().stream().map(FlowRun.Attempt::task).toList(),
                "a mocked child runs no tasks");
    }

    @Test
    void aChildMockedToFailIsReportedMissing() {
        FlowRun run = env.mockWorkflowFailing("reports/region", "warehouse offline")
                .run("reports/monthly", ReportExample.input("2026-10", false));

        Report report = run.result(Report.class);
        assertEquals(List.of(new Missing("emea", "Error: warehouse offline"), new Missing("americas", "Error: warehouse offline"),
                new Missing("apac", "Error: warehouse offline")), report.missing());
        assertEquals(false, report.complete());
    }
}
