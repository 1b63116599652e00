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
