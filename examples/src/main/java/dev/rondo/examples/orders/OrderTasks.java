package dev.rondo.examples.orders;

import dev.rondo.examples.Mailbox;
import dev.rondo.worker.Worker;
import java.math.BigDecimal;
import java.util.List;

/**
 * The tasks of {@code orders/process.flow}, each a thin handler over a fake service that passes the
 * task's idempotency key on, so a retried attempt never charges, reserves or ships twice.
 */
public record OrderTasks(Payments payments, Inventory inventory, Shipping shipping, Mailbox mail) {

    public record Line(String sku, int quantity) {}

    public record ChargeCard(String customer, BigDecimal amount) {}

    public record Payment(String paymentId) {}

    public record RefundPayment(String paymentId, BigDecimal amount) {}

    public record Refund(String refundId) {}

    public record ReserveStock(String orderId, List<Line> items) {}

    public record Reservation(String reservationId) {}

    public record ReleaseStock(String reservationId) {}

    public record ShipOrder(String orderId, String address, List<Line> items) {}

    public record Shipment(String trackingNumber) {}

    /** Fresh fakes: stock of a few products, no failures injected. */
    public static OrderTasks withFakes() {
        Inventory inventory = new Inventory().stock("book", 10).stock("lamp", 3).stock("chair", 1);
        return new OrderTasks(new Payments(), inventory, new Shipping(), new Mailbox());
    }

    /** Registers every task of the order workflow on {@code worker}. */
    public Worker.Builder register(Worker.Builder worker) {
        return mail.register(worker)
                .task("chargeCard", ChargeCard.class, (charge, ctx) ->
                        new Payment(payments.charge(ctx.idempotencyKey(), charge.customer(), charge.amount())))
                .task("refundPayment", RefundPayment.class, (refund, ctx) ->
                        new Refund(payments.refund(ctx.idempotencyKey(), refund.paymentId())))
                .task("reserveStock", ReserveStock.class, (reserve, ctx) ->
                        new Reservation(inventory.reserve(ctx.idempotencyKey(), reserve.items())))
                .task("releaseStock", ReleaseStock.class, (release, ctx) -> {
                    inventory.release(release.reservationId());
                    return null;
                })
                .task("shipOrder", ShipOrder.class, (ship, ctx) -> {
                    shipping.waitIfHeld(ctx);
                    return new Shipment(shipping.ship(ctx.idempotencyKey(), ship.orderId(), ship.address()));
                });
    }
}
