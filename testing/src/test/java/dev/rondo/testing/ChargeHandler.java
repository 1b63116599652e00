package dev.rondo.testing;

import dev.rondo.worker.TaskContext;
import dev.rondo.worker.TaskFailure;
import dev.rondo.worker.TypedTaskHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A handler as a user writes it for a worker: the tests register this same class on a {@code FlowTest} and
 * on a real {@code Worker}. It declines charges over 100,000 cents and remembers the keys it was called with.
 */
final class ChargeHandler implements TypedTaskHandler<ChargeHandler.Charge, ChargeHandler.Receipt> {

    record Charge(String orderId, long cents) {}

    record Receipt(String chargeId) {}

    final List<String> keys = new CopyOnWriteArrayList<>();

    @Override
    public Receipt handle(Charge charge, TaskContext context) {
        keys.add(context.idempotencyKey());
        if (charge.cents() > 100_000) {
            throw TaskFailure.permanent("Card declined").withDetails(java.util.Map.of("code", "limit"));
        }
        return new Receipt("ch-" + charge.orderId());
    }
}
