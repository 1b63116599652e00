package dev.rondo.examples.orders;

import dev.rondo.worker.TaskContext;
import dev.rondo.worker.TaskFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake carrier held in memory: books one shipment per idempotency key. Failures can be injected: an
 * address it never delivers to, and a number of outages (the next calls fail and may be retried).
 */
public final class Shipping {

    private final Map<String, String> trackingByKey = new HashMap<>();
    private final List<String> shippedOrders = new ArrayList<>();
    private final List<String> refusedAddresses = new ArrayList<>();
    private int outages;
    private java.util.concurrent.CountDownLatch held;

    /** Addresses containing {@code text} are refused for good. */
    public synchronized void refuseAddressesContaining(String text) {
        refusedAddresses.add(text);
    }

    /** The next {@code calls} calls fail with a retryable error. */
    public synchronized void failNextCalls(int calls) {
        outages = calls;
    }

    /**
     * The next shipment waits at the carrier until its order is cancelled (a slow carrier, for a test that
     * cancels an order mid-way); the latch returned is counted down once it waits.
     */
    public synchronized java.util.concurrent.CountDownLatch holdNextShipment() {
        held = new java.util.concurrent.CountDownLatch(1);
        return held;
    }

    /**
     * Waits, if {@link #holdNextShipment} asked, until {@code ctx} says the workflow was cancelled, then
     * withdraws the shipment (a permanent failure: there is nothing left to ship).
     */
    public void waitIfHeld(TaskContext ctx) throws InterruptedException {
        java.util.concurrent.CountDownLatch latch;
        synchronized (this) {
            latch = held;
            held = null;
        }
        if (latch == null) {
            return;
        }
        latch.countDown();
        while (!ctx.cancelled()) {
            Thread.sleep(10); // a carrier's slow answer; a real handler would check between steps of its work
        }
        throw TaskFailure.permanent("Shipment withdrawn: the order was cancelled");
    }

    /**
     * Books the shipment of {@code orderId} to {@code address} once per {@code idempotencyKey}; returns
     * its tracking number.
     */
    public synchronized String ship(String idempotencyKey, String orderId, String address) {
        if (outages > 0) {
            outages--;
            throw new IllegalStateException("Carrier API unavailable (503)");
        }
        if (refusedAddresses.stream().anyMatch(address::contains)) {
            throw TaskFailure.permanent("Carrier does not deliver to " + address);
        }
        return trackingByKey.computeIfAbsent(idempotencyKey, key -> {
            shippedOrders.add(orderId);
            return "TRK-" + (1000 + shippedOrders.size());
        });
    }

    /** The orders shipped, in order. */
    public synchronized List<String> shippedOrders() {
        return List.copyOf(shippedOrders);
    }
}
