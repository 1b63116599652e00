package dev.rondo.examples.reports;

import dev.rondo.examples.Mailbox;
import dev.rondo.worker.Worker;

/** The tasks of {@code reports/monthly.flow} and its children {@code reports/region.flow}. */
public record ReportTasks(SalesDatabase sales, Mailbox mail) {

    public record Query(String region, String month) {}

    /** Registers every task of the report workflows on {@code worker}. */
    public Worker.Builder register(Worker.Builder worker) {
        return mail.register(worker)
                .task("fetchOrders", Query.class, (query, ctx) -> sales.orders(query.region(), query.month()))
                .task("fetchRefunds", Query.class, (query, ctx) -> sales.refunds(query.region(), query.month()));
    }
}
