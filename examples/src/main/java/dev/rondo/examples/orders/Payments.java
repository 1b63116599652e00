package dev.rondo.examples.orders;

import dev.rondo.worker.TaskFailure;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A fake payment provider held in memory. Like a real one it takes an idempotency key with every charge
 * and refund, and answers a repeated request with the first one's result instead of acting again.
 * Failures can be injected: a declined customer, and lost responses (the charge or refund goes through,
 * the caller sees a timeout and retries).
 */
public final class Payments {

    private record Charge(String customer, BigDecimal amount) {}

    private final Map<String, String> paymentByKey = new HashMap<>();
    private final Map<String, Charge> charges = new HashMap<>();
    private final Map<String, String> refundByKey = new HashMap<>();
    private final Set<String> refunded = new HashSet<>();
    private final Set<String> declined = new HashSet<>();
    private int responsesToLose;
    private int refundResponsesToLose;

    /** Every charge to {@code customer} from now on is declined. */
    public synchronized void decline(String customer) {
        declined.add(customer);
    }

    /** The next {@code count} charges succeed, but their callers see a timeout instead of the answer. */
    public synchronized void loseNextResponses(int count) {
        responsesToLose = count;
    }

    /** The next {@code count} refunds go through, but their callers see a timeout instead of the answer. */
    public synchronized void loseNextRefundResponses(int count) {
        refundResponsesToLose = count;
    }

    /**
     * Charges {@code amount} to {@code customer} once per {@code idempotencyKey}; returns the payment id.
     *
     * @throws TaskFailure (not retryable) when the card is declined
     */
    public synchronized String charge(String idempotencyKey, String customer, BigDecimal amount) {
        if (declined.contains(customer)) {
            throw TaskFailure.permanent("Card declined").withDetails(Map.of("code", "insufficient_funds"));
        }
        String paymentId = paymentByKey.computeIfAbsent(idempotencyKey, key -> {
            String id = "pay-" + (charges.size() + 1);
            charges.put(id, new Charge(customer, amount));
            return id;
        });
        if (responsesToLose > 0) {
            responsesToLose--;
            throw new IllegalStateException("Payment gateway timed out");
        }
        return paymentId;
    }

    /** Refunds payment {@code paymentId} once per {@code idempotencyKey}; returns the refund id. */
    public synchronized String refund(String idempotencyKey, String paymentId) {
        if (!charges.containsKey(paymentId)) {
            throw TaskFailure.permanent("No payment " + paymentId);
        }
        String refundId = refundByKey.computeIfAbsent(idempotencyKey, key -> {
            if (!refunded.add(paymentId)) {
                throw TaskFailure.permanent("Payment " + paymentId + " was already refunded");
            }
            return "ref-" + refunded.size();
        });
        if (refundResponsesToLose > 0) {
            refundResponsesToLose--;
            throw new IllegalStateException("Payment gateway timed out");
        }
        return refundId;
    }

    /** How many charges went through. */
    public synchronized int chargeCount() {
        return charges.size();
    }

    /** How many payments were refunded. */
    public synchronized int refundCount() {
        return refunded.size();
    }

    /** What was charged to {@code customer} and not refunded. */
    public synchronized BigDecimal balance(String customer) {
        return charges.entrySet().stream()
                .filter(e -> e.getValue().customer().equals(customer) && !refunded.contains(e.getKey()))
                .map(e -> e.getValue().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
