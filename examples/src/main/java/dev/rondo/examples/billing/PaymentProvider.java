package dev.rondo.examples.billing;

import dev.rondo.worker.TaskFailure;
import dev.rondo.worker.Worker;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake payment provider held in memory, behind the {@code chargeInvoice} task of {@code billing/invoices.flow}:
 * like many real ones, it refuses a second charge on an account while one is in flight. It counts the most
 * charges it saw in flight at once, per customer and in all.
 */
public final class PaymentProvider {

    public record Invoice(String id, String customer, long cents) {}

    public record Receipt(String invoice, String charge) {}

    private final Map<String, Integer> inFlight = new HashMap<>();
    private final Map<String, Integer> mostPerCustomer = new HashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private volatile int mostInAll;

    /** Registers {@code chargeInvoice} on {@code worker}. */
    public Worker.Builder register(Worker.Builder worker) {
        return worker.task("chargeInvoice", Invoice.class, (invoice, ctx) -> charge(invoice));
    }

    Receipt charge(Invoice invoice) throws InterruptedException {
        synchronized (this) {
            int now = inFlight.merge(invoice.customer(), 1, Integer::sum);
            mostPerCustomer.merge(invoice.customer(), now, Math::max);
            if (now > 1) {
                inFlight.merge(invoice.customer(), -1, Integer::sum);
                throw TaskFailure.permanent("Account " + invoice.customer() + " has a charge in flight");
            }
        }
        mostInAll = Math.max(mostInAll, total.incrementAndGet());
        try {
            Thread.sleep(20); // the provider's round trip
        } finally {
            total.decrementAndGet();
            synchronized (this) {
                inFlight.merge(invoice.customer(), -1, Integer::sum);
            }
        }
        return new Receipt(invoice.id(), "ch_" + invoice.id());
    }

    /** The most charges of one customer that were in flight at once. */
    public synchronized int mostInFlightPerCustomer() {
        return mostPerCustomer.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The most charges in flight at once, all customers together. */
    public int mostInFlight() {
        return mostInAll;
    }
}
