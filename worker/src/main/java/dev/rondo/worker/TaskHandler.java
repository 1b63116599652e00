package dev.rondo.worker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs one attempt of a task over JSON. Return the result (anything Jackson can write: a {@link JsonNode},
 * a record, a map, a string, {@code null}, …); throw to fail the attempt, which is retried by the task's
 * options unless it is a {@link TaskFailure#permanent non-retryable} failure.
 *
 * <pre>{@code
 * worker.task("chargeCard", (input, ctx) -> Map.of("chargeId", gateway.charge(input.get("amount").asLong(), ctx.idempotencyKey())));
 * }</pre>
 */
@FunctionalInterface
public interface TaskHandler {

    Object handle(JsonNode input, TaskContext context) throws Exception;
}
