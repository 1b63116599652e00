package dev.rondo.examples.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.examples.Examples;
import dev.rondo.testing.FlowRun;
import dev.rondo.testing.FlowTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code orders/process.flow} on virtual time with the real {@link OrderTasks} handlers over their fakes:
 * the saga's compensation order, the idempotency keys every attempt gets, and the retry schedule
 * (0.5 s, 1 s, 2 s) down to the millisecond, which the engine test cannot see.
 */
class OrderFlowTest {

    private final OrderTasks shop = OrderTasks.withFakes();
    private final FlowTest env = FlowTest.of(Examples.flows()).handlers(shop::register);

    record Outcome(String status, String orderId, String paymentId, String trackingNumber, String failedStep, String reason,
            List<String> compensated) {}

    private static List<String> steps(FlowRun run) {
        return run.tasks().stream().map(attempt -> attempt.task() + "#" + attempt.attempt()).toList();
    }

    private static Instant at(double seconds) {
        return Instant.parse("2026-01-01T00:00:00Z").plusMillis(Math.round(seconds * 1000));
    }

    @Test
    void aRefusedShipmentIsUndoneNewestFirstWithTheirOwnKeys() {
        shop.shipping().refuseAddressesContaining("Atlantis");

        FlowRun run = env.run("orders/process", OrderExample.order("o-3", "cyd", "3 Coral Road, Atlantis"));

        assertEquals(new Outcome("failed", "o-3", null, null, "shipOrder", "Carrier does not deliver to 3 Coral Road, Atlantis",
                List.of("stock released", "payment refunded")), run.result(Outcome.class));
        assertEquals(List.of("chargeCard#1", "reserveStock#1", "shipOrder#1", "releaseStock#1", "refundPayment#1",
                "sendEmail#1"), steps(run), "release the stock before refunding the card, then tell the customer");
        assertEquals(List.of("local-1/charge", "local-1/reserve", "local-1/ship", "local-1/release", "local-1/refund",
                "local-1/email"), run.tasks().stream().map(FlowRun.Attempt::idempotencyKey).toList());
        assertEquals(3, shop.inventory().available("lamp"));
        assertEquals(BigDecimal.ZERO, shop.payments().balance("cyd"));
    }

    @Test
    void aChargeWhoseAnswerIsLostIsRetriedWithTheSameKeyAndChargedOnce() {
        shop.payments().loseNextResponses(1);

        FlowRun run = env.run("orders/process", OrderExample.order("o-1", "ada", "1 Analytical Lane, London"));

        assertEquals(new Outcome("shipped", "o-1", "pay-1", "TRK-1001", null, null, null), run.result(Outcome.class));
        List<FlowRun.Attempt> charges = run.tasks("chargeCard");
        assertEquals(List.of("local-1/charge", "local-1/charge"), charges.stream().map(FlowRun.Attempt::idempotencyKey).toList());
        assertEquals(List.of(at(0), at(0.5)), charges.stream().map(FlowRun.Attempt::at).toList(), "backoff.initial is 0.5 s");
        assertEquals(1, shop.payments().chargeCount());
        assertEquals(new BigDecimal("59.9"), shop.payments().balance("ada"), "charged once");
    }

    @Test
    void aCancelWhileTheShipmentWaitsForItsRetryIsUndoneAndEndsCancelled() {
        shop.shipping().failNextCalls(2);

        FlowRun run = env.start("orders/process", OrderExample.order("o-7", "gil", "7 Pine Road")).cancel();

        assertEquals(FlowRun.Status.CANCELLED, run.status());
        assertEquals("CancelledError", run.error().name());
        assertEquals(List.of("chargeCard#1", "reserveStock#1", "shipOrder#1", "releaseStock#1", "refundPayment#1",
                "sendEmail#1"), steps(run), "no second shipping attempt; the compensation's tasks run");
        assertEquals("Order o-7: cancelled", shop.mail().sent().getFirst().subject());
        assertEquals(3, shop.inventory().available("lamp"));
        assertEquals(0, BigDecimal.ZERO.compareTo(shop.payments().balance("gil")));
    }

    @Test
    void aRefundIsRetriedPersistentlyWithOneKeyAndRefundsOnce() {
        shop.shipping().refuseAddressesContaining("Atlantis");
        shop.payments().loseNextRefundResponses(2);

        FlowRun run = env.run("orders/process", OrderExample.order("o-3", "cyd", "3 Coral Road, Atlantis"));

        assertEquals(List.of("stock released", "payment refunded"), run.result(Outcome.class).compensated());
        List<FlowRun.Attempt> refunds = run.tasks("refundPayment");
        assertEquals(List.of(at(0), at(1), at(3)), refunds.stream().map(FlowRun.Attempt::at).toList(),
                "the persistent options back off 1 s, then 2 s");
        assertEquals(1, refunds.stream().map(FlowRun.Attempt::idempotencyKey).distinct().count());
        assertEquals(1, shop.payments().refundCount());
    }

    @Test
    void aCarrierOutageOfThreeCallsIsRiddenOutByTheFourthAttempt() {
        shop.shipping().failNextCalls(3);

        FlowRun run = env.run("orders/process", OrderExample.order("o-4", "dee", "4 Elm Street, Leeds"));

        assertEquals("shipped", run.result(Outcome.class).status());
        assertEquals(List.of(at(0), at(0.5), at(1.5), at(3.5)),
                run.tasks("shipOrder").stream().map(FlowRun.Attempt::at).toList());
        assertEquals(List.of("o-4"), shop.shipping().shippedOrders());
    }

    @Test
    void anOutageOfFourCallsExhaustsTheRetriesAndIsCompensated() {
        shop.shipping().failNextCalls(4);

        FlowRun run = env.run("orders/process", OrderExample.order("o-5", "eve", "5 Oak Road, York"));

        assertEquals(new Outcome("failed", "o-5", null, null, "shipOrder", "Carrier API unavailable (503)",
                List.of("stock released", "payment refunded")), run.result(Outcome.class));
        assertEquals(4, run.tasks("shipOrder").size());
        assertEquals(List.of(), shop.shipping().shippedOrders());
        assertEquals(BigDecimal.ZERO, shop.payments().balance("eve"));
    }

    @Test
    void aDeclinedCardIsNotRetriedAndLeavesNothingToUndo() {
        shop.payments().decline("bob");

        FlowRun run = env.run("orders/process", OrderExample.order("o-2", "bob", "2 Main Street, Springfield"));

        assertEquals(new Outcome("failed", "o-2", null, null, "chargeCard", "Card declined", List.of()), run.result(Outcome.class));
        assertEquals(List.of("chargeCard#1", "sendEmail#1"), steps(run));
        assertEquals(List.of("order o-2 failed at chargeCard: Card declined", "nothing to undo"), run.logs());
    }
}
