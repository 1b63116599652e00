package dev.rondo.worker.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The queue items this worker holds right now. The lease keeper renews their leases and records what the
 * renewal learnt: that a task's workflow cancelled it, or that the lease was lost to a rescue.
 */
public final class InFlight {

    /** One held item; the flags are written by the lease keeper and read by the work on the item. */
    static final class Item {
        final long id;
        volatile boolean cancelled;
        volatile boolean lost;
        /**
         * Set by the work on the item before it commits the item's end (a slice deletes its item in its
         * own transaction, a task's end goes with the finisher's batch): from then on the item may vanish
         * from the queue at any moment while still held here (the commit comes before the release), so a
         * renewal that misses it has not lost it. A lease really lost meanwhile is caught by the commit
         * itself, which checks the lease's owner.
         */
        volatile boolean ending;
        /**
         * When (System.nanoTime) the last statement that leased the item, its claim or a renewal, was sent:
         * the lease it set on the database's clock runs out no sooner than a lease duration after that.
         */
        volatile long leasedFrom;
        private final long leaseNanos;

        Item(long id, boolean cancelled, long leasedFrom, long leaseNanos) {
            this.id = id;
            this.cancelled = cancelled;
            this.leasedFrom = leasedFrom;
            this.leaseNanos = leaseNanos;
        }

        /**
         * Whether the lease is lost, or may run out soon because renewals have failed (the database is out of
         * reach): past five sixths of a lease since it was last set, a rescue may be near, so work that must
         * not run beside a second attempt (a concurrency key's slot) should stop now, while it still holds it.
         */
        boolean leaseAtRisk() {
            return lost || System.nanoTime() - leasedFrom > leaseNanos / 6 * 5;
        }
    }

    private final ConcurrentHashMap<Long, Item> items = new ConcurrentHashMap<>();
    private final long leaseNanos;

    /** @param lease how long a claim or a renewal leases an item for */
    InFlight(Duration lease) {
        this.leaseNanos = lease.toNanos();
    }

    Item hold(long id, boolean cancelled, long leasedFrom) {
        Item item = new Item(id, cancelled, leasedFrom, leaseNanos);
        items.put(id, item);
        return item;
    }

    void release(long id) {
        items.remove(id);
    }

    Item get(long id) {
        return items.get(id);
    }

    Collection<Item> all() {
        return items.values();
    }
}
