package dev.rondo.worker.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Semaphore;

/**
 * Free slots of this worker, taken before the statement that leases the items they are for: by the claim
 * before it asks for items, by a slice for the tasks it starts (eager dispatch, {@link EagerTasks}). Taking
 * them first means the two never promise the same slot. Each slot is a permit of the dispatcher's and, when
 * taken with one, a {@link HandlerPool} slot for a task attempt; whatever the statement did not fill goes
 * back with {@link #close()}. Used by one thread at a time.
 */
final class Reservation implements AutoCloseable {

    private final Semaphore slots;
    private int permits;
    private final ArrayDeque<HandlerPool.Slot> handlerSlots = new ArrayDeque<>();

    private Reservation(Semaphore slots) {
        this.slots = slots;
    }

    /**
     * Up to {@code wanted} free slots, as many as are free now (none is waited for); with
     * {@code withHandlerSlots}, only as many as also have a free handler slot.
     */
    static Reservation take(Semaphore slots, HandlerPool handlers, int wanted, boolean withHandlerSlots) {
        Reservation reservation = new Reservation(slots);
        while (reservation.permits < wanted && slots.tryAcquire()) {
            if (withHandlerSlots) {
                HandlerPool.Slot handlerSlot = handlers.tryReserve();
                if (handlerSlot == null) {
                    slots.release();
                    break;
                }
                reservation.handlerSlots.add(handlerSlot);
            }
            reservation.permits++;
        }
        return reservation;
    }

    /** Slots reserved and not used yet. */
    int size() {
        return permits;
    }

    /**
     * Hands one slot over to an item (the dispatcher's permit is the item's from now on, given back when its
     * work ends); returns its handler slot for a task attempt, null for a workflow slice (whose handler
     * slot, if one was taken, goes back at {@link #close()}).
     */
    HandlerPool.Slot use(boolean task) {
        if (permits == 0) {
            throw new IllegalStateException("more items than reserved slots");
        }
        permits--;
        return task ? handlerSlots.poll() : null;
    }

    /** Gives back all but {@code count} of the slots not used yet; returns whether it gave any back. */
    boolean keep(int count) {
        boolean gave = false;
        while (permits > count) {
            permits--;
            slots.release();
            HandlerPool.Slot handlerSlot = handlerSlots.pollLast();
            if (handlerSlot != null) {
                handlerSlot.close();
            }
            gave = true;
        }
        return gave;
    }

    /** Gives back what no item used. */
    @Override
    public void close() {
        keep(0);
        handlerSlots.forEach(HandlerPool.Slot::close); // those of slots that went to workflow slices
        handlerSlots.clear();
    }
}
