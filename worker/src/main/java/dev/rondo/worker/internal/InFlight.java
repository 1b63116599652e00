package dev.rondo.worker.internal;

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

        Item(long id, boolean cancelled) {
            this.id = id;
            this.cancelled = cancelled;
        }
    }

    private final ConcurrentHashMap<Long, Item> items = new ConcurrentHashMap<>();

    Item hold(long id, boolean cancelled) {
        Item item = new Item(id, cancelled);
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
