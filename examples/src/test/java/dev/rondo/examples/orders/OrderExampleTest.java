package dev.rondo.examples.orders;

import static dev.rondo.examples.Json.completed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.examples.ExampleEngine;
import dev.rondo.examples.Json;
import dev.rondo.examples.Mailbox.Email;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import dev.rondo.core.ExecutionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code orders/process.flow} on the engine: the saga's happy path and every compensation. */
class OrderExampleTest {

    private final OrderTasks shop = OrderTasks.withFakes();
    private final ExampleEngine engine = new ExampleEngine("orders");

    @AfterEach
    void close() {
        engine.close();
    }

    private JsonNode process(String orderJson) {
        engine.worker(shop::register);
        return completed(engine.run("orders/process", orderJson));
    }

    @Test
    void shipsAndChargesOnceWhenTheGatewayLosesItsFirstAnswer() {
        shop.payments().loseNextResponses(1);
        JsonNode outcome = process(OrderExample.order("o-1", "ada", "1 Analytical Lane"));
        assertEquals("shipped", outcome.get("status").asText());
        assertEquals("TRK-1001", outcome.get("trackingNumber").asText());
        assertEquals(1, shop.payments().chargeCount(), "the retried charge reused the idempotency key");
        assertEquals(0, new BigDecimal("59.90").compareTo(shop.payments().balance("ada")));
        assertEquals(2, shop.inventory().available("lamp"));
        assertEquals(List.of("o-1"), shop.shipping().shippedOrders());
        assertEquals(List.of(new Email("ada@example.com", "Order o-1: shipped", "TRK-1001")), shop.mail().sent());
    }

    @Test
    void aDeclinedCardReservesAndShipsNothing() {
        shop.payments().decline("bob");
        JsonNode outcome = process(OrderExample.order("o-2", "bob", "2 Main Street"));
        assertEquals("""
                {"status":"failed","orderId":"o-2","failedStep":"chargeCard","reason":"Card declined","compensated":[]}""",
                outcome.toString());
        assertEquals(0, shop.payments().chargeCount());
        assertEquals(3, shop.inventory().available("lamp"));
        assertEquals(List.of(), shop.shipping().shippedOrders());
        assertEquals("Order o-2: failed", shop.mail().sent().getFirst().subject());
    }

    @Test
    void aRefusedShipmentReleasesTheStockAndRefundsExactlyOnce() {
        shop.shipping().refuseAddressesContaining("Atlantis");
        WorkflowHandle order = engine.worker(shop::register)
                .start("orders/process", OrderExample.order("o-3", "cyd", "3 Coral Road, Atlantis"));
        JsonNode outcome = completed(order.result(Duration.ofMinutes(1)));
        assertEquals("shipOrder", outcome.get("failedStep").asText());
        assertEquals("Carrier does not deliver to 3 Coral Road, Atlantis", outcome.get("reason").asText());
        assertEquals("[\"stock released\",\"payment refunded\"]", outcome.get("compensated").toString());
        assertEquals(1, shop.inventory().releaseCount());
        assertEquals(1, shop.payments().refundCount());
        assertEquals(BigDecimal.ZERO, shop.payments().balance("cyd"));
        assertEquals(3, shop.inventory().available("lamp"));
        assertEquals(10, shop.inventory().available("book"));
        assertEquals(List.of(), shop.shipping().shippedOrders());
        assertEquals(List.of(
                "charged 59.9 to cyd (payment pay-1)",
                "reserved 2 line(s) (reservation res-1)",
                "order o-3 failed at shipOrder: Carrier does not deliver to 3 Coral Road, Atlantis",
                "compensated: stock released, payment refunded"), order.logs(0));
    }

    @Test
    void aRefundWhoseAnswerIsLostIsRetriedAndRefundsOnce() {
        shop.shipping().refuseAddressesContaining("Atlantis");
        shop.payments().loseNextRefundResponses(2);
        JsonNode outcome = process(OrderExample.order("o-6", "fay", "6 Coral Road, Atlantis"));
        assertEquals("[\"stock released\",\"payment refunded\"]", outcome.get("compensated").toString());
        assertEquals(1, shop.payments().refundCount());
        assertEquals(0, BigDecimal.ZERO.compareTo(shop.payments().balance("fay")));
    }

    @Test
    void missingStockRefundsThePaymentAndReleasesNothing() {
        String twoChairs = """
                {"id": "o-4", "customer": "dan", "email": "dan@example.com", "amount": 300,
                 "items": [{"sku": "chair", "quantity": 2}], "address": "4 Elm Street"}""";
        JsonNode outcome = process(twoChairs);
        assertEquals("reserveStock", outcome.get("failedStep").asText());
        assertEquals("Out of stock: chair (wanted 2, 1 left)", outcome.get("reason").asText());
        assertEquals("[\"payment refunded\"]", outcome.get("compensated").toString());
        assertEquals(0, shop.inventory().releaseCount());
        assertEquals(1, shop.payments().refundCount());
        assertEquals(1, shop.inventory().available("chair"));
    }

    @Test
    void aCancelWhileShippingRunsTheRefundToItsEndAndEndsCancelled() throws Exception {
        CountDownLatch atTheCarrier = shop.shipping().holdNextShipment();
        shop.payments().loseNextRefundResponses(1); // the compensation's refund is retried: its awaits are not cancelled
        WorkflowHandle order = engine.worker(shop::register)
                .start("orders/process", OrderExample.order("o-7", "gil", "7 Pine Road"));
        assertTrue(atTheCarrier.await(1, TimeUnit.MINUTES));
        order.cancel();
        order.cancel(); // again, while the compensation runs: nothing new

        WorkflowResult result = order.result(Duration.ofMinutes(1));
        assertEquals(ExecutionStatus.CANCELLED, result.status(), result.errorJson());
        assertEquals("CancelledError", Json.parse(result.errorJson()).get("name").asText());
        assertEquals(List.of(
                "charged 59.9 to gil (payment pay-1)",
                "reserved 2 line(s) (reservation res-1)",
                "order o-7 cancelled: undoing what was done",
                "compensated: stock released, payment refunded"), order.logs(0));
        assertEquals(1, shop.inventory().releaseCount());
        assertEquals(1, shop.payments().refundCount(), "refunded once, though its first answer was lost");
        assertEquals(0, BigDecimal.ZERO.compareTo(shop.payments().balance("gil")));
        assertEquals(3, shop.inventory().available("lamp"));
        assertEquals(List.of(), shop.shipping().shippedOrders());
        assertEquals(List.of("Order o-7: cancelled"), shop.mail().sent().stream().map(Email::subject).toList());
    }

    @Test
    void aCarrierOutageIsRetriedAndShipsOnce() {
        shop.shipping().failNextCalls(2);
        JsonNode outcome = process(OrderExample.order("o-5", "eve", "5 Oak Avenue"));
        assertEquals("shipped", outcome.get("status").asText());
        assertEquals(List.of("o-5"), shop.shipping().shippedOrders());
        assertEquals(0, shop.payments().refundCount());
    }

    @Test
    void theDemoShipsOneOrderAndCompensatesTheOthers() {
        List<WorkflowResult> results = OrderExample.demo(engine.rondo);
        assertEquals(List.of("shipped", "failed", "failed"),
                results.stream().map(r -> Json.completed(r).get("status").asText()).toList());
    }
}
