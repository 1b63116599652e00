package dev.rondo.examples.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fake sales database held in memory: orders and refunds per region and month. A region can be made
 * unreachable, so every query about it fails (and is retried, in vain).
 */
public final class SalesDatabase {

    /** An order or a refund: its id and amount in whole euros. */
    public record Entry(String id, long amount) {}

    private final Map<String, List<Entry>> orders = new HashMap<>();
    private final Map<String, List<Entry>> refunds = new HashMap<>();
    private final Set<String> unreachable = new HashSet<>();

    /** Adds an order of {@code amount} in {@code region} during {@code month} ({@code 2026-10}). */
    public synchronized SalesDatabase order(String region, String month, long amount) {
        add(orders, region, month, "ord", amount);
        return this;
    }

    /** Adds a refund of {@code amount} in {@code region} during {@code month}. */
    public synchronized SalesDatabase refund(String region, String month, long amount) {
        add(refunds, region, month, "ref", amount);
        return this;
    }

    /** Every query about {@code region} fails from now on. */
    public synchronized SalesDatabase unreachable(String region) {
        unreachable.add(region);
        return this;
    }

    public synchronized List<Entry> orders(String region, String month) {
        return query(orders, region, month);
    }

    public synchronized List<Entry> refunds(String region, String month) {
        return query(refunds, region, month);
    }

    private void add(Map<String, List<Entry>> table, String region, String month, String prefix, long amount) {
        List<Entry> entries = table.computeIfAbsent(region + "/" + month, key -> new ArrayList<>());
        entries.add(new Entry(prefix + "-" + region + "-" + (entries.size() + 1), amount));
    }

    private List<Entry> query(Map<String, List<Entry>> table, String region, String month) {
        if (unreachable.contains(region)) {
            throw new IllegalStateException("Sales database of region " + region + " is unreachable");
        }
        return List.copyOf(table.getOrDefault(region + "/" + month, List.of()));
    }
}
