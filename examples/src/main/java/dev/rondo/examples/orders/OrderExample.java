package dev.rondo.examples.orders;

import dev.rondo.client.RondoClient;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.examples.Examples;
import dev.rondo.worker.Worker;
import java.util.List;

/**
 * Runs {@code orders/process.flow} three times: an order that ships (although the payment gateway loses
 * its first answer), one whose card is declined (nothing to undo), and one the carrier refuses (the stock
 * is released and the card refunded).
 */
public final class OrderExample {

    private OrderExample() {}

    public static void main(String[] args) throws Exception {
        Examples.main(OrderExample::demo);
    }

    /** Deploys the flows, runs the three orders on a worker of its own, prints them, and returns their results. */
    public static List<WorkflowResult> demo(RondoClient rondo) {
        OrderTasks shop = OrderTasks.withFakes();
        shop.payments().loseNextResponses(1);
        shop.payments().decline("bob");
        shop.shipping().refuseAddressesContaining("Atlantis");
        rondo.deploy(Examples.flows());
        try (Worker worker = Examples.startWorker(rondo, shop::register)) {
            List<WorkflowHandle> orders = List.of(
                    Examples.start(rondo, "orders/process", order("o-1", "ada", "1 Analytical Lane, London")),
                    Examples.start(rondo, "orders/process", order("o-2", "bob", "2 Main Street, Springfield")),
                    Examples.start(rondo, "orders/process", order("o-3", "cyd", "3 Coral Road, Atlantis")));
            List<WorkflowResult> results = orders.stream().map(Examples::awaitAndPrint).toList();
            System.out.printf("charges made: %d, refunds: %d, lamps left: %d of 3, shipped: %s%n",
                    shop.payments().chargeCount(), shop.payments().refundCount(),
                    shop.inventory().available("lamp"), shop.shipping().shippedOrders());
            return results;
        }
    }

    /** An order of a book and a lamp. */
    static String order(String id, String customer, String address) {
        return """
                {"id": "%s", "customer": "%s", "email": "%s@example.com", "amount": 59.90,
                 "items": [{"sku": "book", "quantity": 1}, {"sku": "lamp", "quantity": 1}],
                 "address": "%s"}""".formatted(id, customer, customer, address);
    }
}
