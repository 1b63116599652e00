package dev.rondo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.worker.TaskContext;
import dev.rondo.worker.TaskFailure;
import dev.rondo.worker.Worker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real handlers run as a worker runs them: the same JSON mapping, failures, retries and context. */
class HandlersTest {

    @Test
    void aJsonHandlerSeesItsInputAndTheAttemptsContext() {
        List<TaskContext> seen = new ArrayList<>();
        FlowRun run = FlowTest.ofSource("greet", """
                let r = await Task.run("hello", {name: Inputs.name}, {maxAttempts: 5})
                return r.text
                """)
                .handler("hello", (input, ctx) -> {
                    seen.add(ctx);
                    return Map.of("text", "hi " + input.get("name").asText());
                })
                .run("greet", "{\"name\": \"Ada\"}");

        assertEquals("hi Ada", run.result(String.class));
        TaskContext ctx = seen.get(0);
        assertEquals("local-1", ctx.workflowId());
        assertEquals("hello", ctx.taskName());
        assertEquals(1, ctx.attempt());
        assertEquals(5, ctx.maxAttempts());
        assertEquals(ctx.executionId(), ctx.idempotencyKey(), "without options.key the key is the task's id");
        assertEquals(false, ctx.cancelled());
    }

    @Test
    void anExceptionIsRetriedAndEveryAttemptGetsTheSameKey() {
        List<String> keys = new ArrayList<>();
        FlowRun run = FlowTest.ofSource("twice", "return await Task.run(\"flaky\")")
                .handler("flaky", (input, ctx) -> {
                    keys.add(ctx.idempotencyKey() + "#" + ctx.attempt());
                    if (ctx.attempt() < 2) {
                        throw new IllegalStateException("connection reset");
                    }
                    return "ok";
                })
                .run("twice", null);

        assertEquals("ok", run.result(String.class));
        assertEquals(2, keys.size());
        assertEquals(keys.get(0).replace("#1", "#2"), keys.get(1));
    }

    @Test
    void aPermanentTaskFailureCarriesItsDetailsIntoTheWorkflow() {
        FlowRun run = FlowTest.ofSource("declined", """
                try { await Task.run("charge", {orderId: "o", cents: 999999}) }
                catch (e) { return {message: e.message, code: e.details.code, attempts: e.attempts} }
                """)
                .handler("charge", ChargeHandler.Charge.class, new ChargeHandler())
                .run("declined", null);

        JsonNode result = run.result(JsonNode.class);
        assertEquals("Card declined", result.get("message").asText());
        assertEquals("limit", result.get("code").asText());
        assertEquals(1, result.get("attempts").asInt());
    }

    @Test
    void anInputThatDoesNotFitTheRecordFailsAtOnceSayingSo() {
        FlowRun run = FlowTest.ofSource("bad", "await Task.run(\"charge\", {cents: \"lots\"})")
                .handler("charge", ChargeHandler.Charge.class, new ChargeHandler())
                .run("bad", null);

        assertTrue(run.error().message().startsWith("The input of task 'charge' does not fit Charge"), run.error().message());
        assertEquals(1, run.tasks().size());
    }

    @Test
    void aTaskWithNeitherMockNorHandlerFailsNamingIt() {
        FlowRun run = FlowTest.ofSource("none", "await Task.run(\"ghost\")").run("none", null);

        assertEquals("TaskError", run.error().name());
        assertTrue(run.error().message().contains("No mock or handler for task 'ghost'"), run.error().message());
    }

    @Test
    void aMockWinsOverAHandlerOfTheSameTask() {
        FlowRun run = FlowTest.ofSource("m", "return await Task.run(\"t\")")
                .handler("t", (input, ctx) -> "handler")
                .mock("t", "\"mock\"")
                .run("m", null);

        assertEquals("mock", run.result(String.class));
    }

    @Test
    void registeringTwoHandlersForOneTaskIsAnError() {
        FlowTest env = FlowTest.ofSource("m", "return 1").handler("t", (input, ctx) -> 1);

        assertThrows(IllegalArgumentException.class, () -> env.handler("t", (input, ctx) -> 2));
    }

    @Test
    void aCompensationsTaskIsNotCancelled() {
        List<Boolean> cancelled = new ArrayList<>();
        FlowRun run = FlowTest.of(OrderFlowTest.FLOWS)
                .handler("cleanup", (input, ctx) -> {
                    cancelled.add(ctx.cancelled());
                    return null;
                })
                .start("cancelling", null)
                .cancel();

        assertEquals(List.of(false), cancelled, "the cleanup task runs after the cancellation, as its compensation");
        assertEquals(FlowRun.Status.CANCELLED, run.status());
        assertEquals("CancelledError", run.error().name(), "the rethrown CancelledError ends the run");
    }

    @Test
    void aCompensationThatFailsFailsTheRun() {
        FlowRun run = FlowTest.of(OrderFlowTest.FLOWS)
                .handler("cleanup", (input, ctx) -> {
                    throw TaskFailure.permanent("stopped");
                })
                .start("cancelling", null)
                .cancel();

        assertEquals(FlowRun.Status.FAILED, run.status());
        assertEquals("TaskError", run.error().name());
    }

    /** An application's own "register my tasks" method, as a worker's set-up calls it. */
    static Worker.Builder registerGreetings(Worker.Builder worker) {
        return worker
                .task("hello", (input, ctx) -> Map.of("text", "hi " + input.get("name").asText()))
                .task("charge", ChargeHandler.Charge.class, new ChargeHandler());
    }

    @Test
    void theMethodThatSetsUpAWorkerSetsUpTheTest() {
        FlowRun run = FlowTest.ofSource("both", """
                let r = await Task.run("hello", {name: Inputs.name})
                let c = await Task.run("charge", {orderId: "o-1", cents: 250})
                return `${r.text} ${c.chargeId}`
                """)
                .handlers(HandlersTest::registerGreetings)
                .run("both", "{\"name\": \"Ada\"}");

        assertEquals("hi Ada ch-o-1", run.result(String.class));
    }

    @Test
    void aTaskRegisteredOnABuilderAndAsAHandlerIsAnError() {
        FlowTest env = FlowTest.ofSource("m", "return 1").handler("hello", (input, ctx) -> 1);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env.handlers(HandlersTest::registerGreetings));
        assertEquals("Task 'hello' has two handlers; register each task once.", e.getMessage());
    }

    @Test
    void everyAttemptRecordsTheIdempotencyKeyItsHandlerGot() {
        List<String> seen = new ArrayList<>();
        FlowRun run = FlowTest.ofSource("keys", """
                await Task.run("flaky", {}, {key: "pay", maxAttempts: 2, backoff: {initial: 1}})
                await Task.run("flaky", {}, {maxAttempts: 2, backoff: {initial: 1}})
                """)
                .handler("flaky", (input, ctx) -> {
                    seen.add(ctx.idempotencyKey());
                    if (ctx.attempt() == 1) {
                        throw new IllegalStateException("lost answer");
                    }
                    return null;
                })
                .run("keys", null);

        assertEquals(FlowRun.Status.COMPLETED, run.status());
        assertEquals(seen, run.tasks().stream().map(FlowRun.Attempt::idempotencyKey).toList());
        assertEquals(List.of("local-1/pay", "local-1/pay"), seen.subList(0, 2));
        assertEquals(seen.get(2), seen.get(3), "without a key, both attempts get the task's id");
        assertTrue(!seen.get(2).equals(seen.get(0)), seen.toString());
    }
}
