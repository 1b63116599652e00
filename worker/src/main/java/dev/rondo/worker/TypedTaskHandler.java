package dev.rondo.worker;

/**
 * Runs one attempt of a task whose input Jackson reads as {@code I} (a record, usually); the result is
 * written back as JSON by Jackson.
 *
 * <pre>{@code
 * record Charge(String orderId, long cents) {}
 * record Receipt(String chargeId) {}
 * worker.task("chargeCard", Charge.class, (charge, ctx) -> new Receipt(gateway.charge(charge.cents())));
 * }</pre>
 */
@FunctionalInterface
public interface TypedTaskHandler<I, O> {

    O handle(I input, TaskContext context) throws Exception;
}
