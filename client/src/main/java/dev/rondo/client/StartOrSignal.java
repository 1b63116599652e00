package dev.rondo.client;

/**
 * What {@link RondoClient#startOrSignal(String, String, String, String, String)} did: {@code started} is
 * true when it started the execution (and gave it the signal), false when the execution existed and only
 * got the signal.
 *
 * <pre>{@code
 * StartOrSignal r = rondo.startOrSignal("cart-" + userId, "shop/cart", Map.of("user", userId), "add", item);
 * WorkflowResult end = r.handle().result(Duration.ofMinutes(5));
 * }</pre>
 */
public record StartOrSignal(WorkflowHandle handle, boolean started) {}
