package dev.rondo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The README's example: a folder of flows, a mocked task, a real typed handler, a signal, a child workflow. */
class OrderFlowTest {

    static final Path FLOWS = Path.of("src/test/resources/flows");

    record Result(String status, String chargeId, String tracking) {}

    ChargeHandler charges = new ChargeHandler();
    FlowTest env;

    @BeforeEach
    void environment() {
        env = FlowTest.of(FLOWS)
                .mock("quote", "{\"price\": 12.5}")
                .mock("label", TaskMock.answering(input -> java.util.Map.of("tracking", "T-" + input.get("orderId").asText())))
                .handler("charge", ChargeHandler.Charge.class, charges);
    }

    @Test
    void approvedOrderIsChargedByTheRealHandlerAndShippedByTheChildWorkflow() {
        FlowRun run = env.start("orders/process", "{\"orderId\": \"o-7\", \"sku\": \"tea\"}");
        assertEquals(FlowRun.Status.WAITING, run.status());
        assertEquals(List.of("signal approve", "timer"), run.waitingFor());

        run.advance(Duration.ofMinutes(10)).signal("approve", "{\"by\": \"ada\"}");

        assertEquals(FlowRun.Status.COMPLETED, run.status());
        assertEquals(new Result("done", "ch-o-7", "T-o-7"), run.result(Result.class));
        assertEquals(List.of("quoted 12.5", "shipped T-o-7"), run.logs());
        assertEquals(List.of("quote", "charge", "label"), run.tasks().stream().map(FlowRun.Attempt::task).toList());
        assertEquals(1250, run.tasks("charge").get(0).input().get("cents").asLong());
        assertTrue(run.tasks("label").get(0).workflowId().matches("local-1\\.w\\d+"), "the child's tasks are listed with its id, the engine's");
        assertEquals(List.of("local-1/charge"), charges.keys, "options.key makes the idempotency key");
        assertEquals("ada", run.signalsConsumed().get(0).payload().get("by").asText());
        assertEquals(Duration.ofMinutes(10), run.elapsed());
        assertNull(run.error());
    }

    @Test
    void orderWithoutApprovalExpiresAfterAnHourOfVirtualTime() {
        FlowRun run = env.start("orders/process", "{\"orderId\": \"o-8\", \"sku\": \"tea\"}");

        run.advance(Duration.ofMinutes(59));
        assertEquals(FlowRun.Status.WAITING, run.status());
        assertEquals(List.of(new FlowRun.Timer(run.now().plus(Duration.ofMinutes(1)), false)), run.timers());

        run.advance(Duration.ofMinutes(1));
        assertEquals(new Result("expired", null, null), run.result(Result.class));
        assertEquals(List.of("quoted 12.5", "no approval within the hour"), run.logs());
        assertEquals(true, run.timers().get(0).fired());
        assertEquals(List.of(), charges.keys);
    }

    @Test
    void runUntilIdleJumpsToTheNextEventUntilTheEnd() {
        FlowRun run = env.run("orders/process", "{\"orderId\": \"o-9\", \"sku\": \"tea\"}");

        assertEquals("expired", run.result(Result.class).status());
        assertEquals(Duration.ofHours(1), run.elapsed());
    }

    @Test
    void aDeclinedChargeFailsTheWorkflowWithTheHandlersMessageAndWhere() {
        FlowRun run = env.mock("quote", "{\"price\": 5000}").start("orders/process", "{\"orderId\": \"o-1\", \"sku\": \"gold\"}");

        run.signal("approve", "true");

        assertEquals(FlowRun.Status.FAILED, run.status());
        assertEquals("TaskError", run.error().name());
        assertEquals("Card declined", run.error().message());
        assertEquals("orders/process.flow", run.error().file());
        assertEquals(10, run.error().line());
        assertEquals("orders/process.flow:10:15: TaskError: Card declined", run.error().toString());
        assertEquals(1, run.tasks("charge").size(), "a permanent failure is not retried");
    }

    @Test
    void aMockedChildWorkflowAnswersWithoutRunning() {
        FlowRun run = env.mockWorkflow("orders/ship", "{\"tracking\": \"MOCK\"}")
                .start("orders/process", "{\"orderId\": \"o-2\", \"sku\": \"tea\"}")
                .signal("approve", "true");

        assertEquals("MOCK", run.result(Result.class).tracking());
        assertEquals(List.of("quote", "charge"), run.tasks().stream().map(FlowRun.Attempt::task).toList());
    }

    @Test
    void aChildWorkflowMockedToFailFailsTheParentsAwaitWithItsCause() {
        FlowRun run = env.mockWorkflowFailing("orders/ship", "carrier unreachable")
                .start("orders/process", "{\"orderId\": \"o-3\", \"sku\": \"tea\"}")
                .signal("approve", "true");

        assertEquals(FlowRun.Status.FAILED, run.status());
        assertEquals("WorkflowError", run.error().name());
        assertTrue(run.error().message().contains("carrier unreachable"), run.error().message());
        assertEquals(List.of("quote", "charge"), run.tasks().stream().map(FlowRun.Attempt::task).toList());
    }
}
