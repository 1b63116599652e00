package dev.rondo.examples.orders;

import dev.rondo.examples.orders.OrderTasks.Line;
import dev.rondo.worker.TaskFailure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fake stock service held in memory: reservations take items out of stock (all lines or none), a
 * release puts them back. Both are idempotent: a reservation once per key, a release once per reservation.
 */
public final class Inventory {

    private final Map<String, Integer> available = new HashMap<>();
    private final Map<String, String> reservationByKey = new HashMap<>();
    private final Map<String, List<Line>> held = new HashMap<>();
    private int reservations;
    private int releases;

    /** Puts {@code quantity} of {@code sku} in stock. */
    public synchronized Inventory stock(String sku, int quantity) {
        available.merge(sku, quantity, Integer::sum);
        return this;
    }

    /** How many of {@code sku} are in stock and not reserved. */
    public synchronized int available(String sku) {
        return available.getOrDefault(sku, 0);
    }

    /**
     * Reserves every line once per {@code idempotencyKey}; returns the reservation id.
     *
     * @throws TaskFailure (not retryable) when a line is out of stock; nothing is reserved then
     */
    public synchronized String reserve(String idempotencyKey, List<Line> items) {
        String existing = reservationByKey.get(idempotencyKey);
        if (existing != null) {
            return existing;
        }
        for (Line line : items) {
            if (available(line.sku()) < line.quantity()) {
                throw TaskFailure.permanent("Out of stock: " + line.sku() + " (wanted " + line.quantity()
                        + ", " + available(line.sku()) + " left)");
            }
        }
        items.forEach(line -> available.merge(line.sku(), -line.quantity(), Integer::sum));
        String id = "res-" + ++reservations;
        held.put(id, items);
        reservationByKey.put(idempotencyKey, id);
        return id;
    }

    /** Puts a reservation's items back in stock; releasing it again does nothing. */
    public synchronized void release(String reservationId) {
        List<Line> items = held.remove(reservationId);
        if (items != null) {
            items.forEach(line -> available.merge(line.sku(), line.quantity(), Integer::sum));
            releases++;
        }
    }

    /** How many reservations were released. */
    public synchronized int releaseCount() {
        return releases;
    }
}
