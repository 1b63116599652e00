package dev.rondo.examples.orders;

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

    /** Addresses containing {@code text} are refused for good. */
    public synchronized void refuseAddressesContaining(String text) {
        refusedAddresses.add(text);
    }

    /** The next {@code calls} calls fail with a retryable error. */
    public synchronized void failNextCalls(int calls) {
        outages = calls;
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
