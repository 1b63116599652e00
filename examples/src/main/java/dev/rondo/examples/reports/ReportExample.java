package dev.rondo.examples.reports;

import dev.rondo.client.RondoClient;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.examples.Examples;
import dev.rondo.examples.Mailbox;
import dev.rondo.worker.Worker;
import java.util.List;

/**
 * Runs {@code reports/monthly.flow} over three regions, one of whose databases is down: the report comes
 * out with that region missing. Prints each child's log too.
 */
public final class ReportExample {

    static final List<String> REGIONS = List.of("emea", "americas", "apac");

    private ReportExample() {}

    public static void main(String[] args) throws Exception {
        Examples.main(ReportExample::demo);
    }

    /** Deploys the flows, runs the report on a worker of its own, prints and returns it. */
    public static WorkflowResult demo(RondoClient rondo) {
        ReportTasks tasks = new ReportTasks(sampleSales().unreachable("apac"), new Mailbox());
        rondo.deploy(Examples.flows());
        try (Worker worker = Examples.startWorker(rondo, tasks::register)) {
            WorkflowHandle report = Examples.start(rondo, "reports/monthly", input("2026-10", false));
            WorkflowResult result = Examples.awaitAndPrint(report);
            for (String region : REGIONS) {
                Examples.awaitAndPrint(rondo.handle(report.id() + "-" + region));
            }
            return result;
        }
    }

    /** October's sales in every region. */
    static SalesDatabase sampleSales() {
        return new SalesDatabase()
                .order("emea", "2026-10", 120).order("emea", "2026-10", 80).refund("emea", "2026-10", 30)
                .order("americas", "2026-10", 200).order("americas", "2026-09", 999)
                .order("apac", "2026-10", 60);
    }

    static String input(String month, boolean requireAll) {
        return """
                {"month": "%s", "regions": ["emea", "americas", "apac"], "recipient": "finance@example.com",
                 "requireAll": %s}""".formatted(month, requireAll);
    }
}
