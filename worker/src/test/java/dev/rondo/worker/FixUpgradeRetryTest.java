package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.BulkAction;
import dev.rondo.client.BulkOptions;
import dev.rondo.client.BulkResult;
import dev.rondo.client.ListFilter;
import dev.rondo.client.UpgradeOptions;
import dev.rondo.client.UpgradeReport;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.ExecutionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk-through of docs/operations.md, "A bug in production", end to end on the engine: a bug in a
 * `.flow` fails executions after a task already succeeded and leaves others waiting before the bug; the fix
 * is deployed; `upgrade` moves the failed and the waiting ones onto it; a bulk `retry` sets the failed ones
 * going from the checkpoint before the failing stretch. Every execution completes with the fixed code, and
 * the task that had succeeded is not run again.
 */
class FixUpgradeRetryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static final String BUGGY = """
            let quote = await Task.run("quote", {order: Inputs.order})
            await Signal.next("go")
            let count = quote.lines.length
            let receipt = await Task.run("charge", {amount: quote.price * count})
            return {order: Inputs.order, charged: receipt.amount}
            """;

    /** The fix: the quote's lines are called {@code items}. */
    private static final String FIXED = """
            let quote = await Task.run("quote", {order: Inputs.order})
            await Signal.next("go")
            let count = quote.items.length
            let receipt = await Task.run("charge", {amount: quote.price * count})
            return {order: Inputs.order, charged: receipt.amount}
            """;

    @TempDir
    Path dir;

    private Engine engine;
    private final AtomicInteger quotes = new AtomicInteger();
    private final AtomicInteger charges = new AtomicInteger();

    @BeforeEach
    void setUp() {
        engine = new Engine("fixupgraderetry", dir);
        engine.worker(b -> b
                .task("quote", (input, ctx) -> {
                    quotes.incrementAndGet();
                    return Map.of("price", 5, "items", List.of("a", "b"));
                })
                .task("charge", (input, ctx) -> {
                    charges.incrementAndGet();
                    return Map.of("amount", input.get("amount").asInt());
                }));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    @Test
    void aBugIsFixedDeployedUpgradedAndRetried() throws Exception {
        engine.flow("order", BUGGY);
        List<WorkflowHandle> failing = new ArrayList<>();
        List<WorkflowHandle> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            failing.add(engine.start("order", "{\"order\": " + i + "}"));
            waiting.add(engine.start("order", "{\"order\": " + (10 + i) + "}"));
        }
        WorkflowsOnTheEngineTest.awaitTrue(() -> quotes.get() == 6);
        for (WorkflowHandle h : waiting) {
            WorkflowsOnTheEngineTest.awaitTrue(() -> h.status() == ExecutionStatus.WAITING);
        }
        for (WorkflowHandle h : failing) {
            h.signal("go", "true");
            WorkflowResult result = h.result(WAIT);
            assertEquals(ExecutionStatus.FAILED, result.status());
            assertTrue(result.errorJson().contains("TypeError"), result.errorJson());
        }

        engine.flow("order", FIXED);
        UpgradeReport report = engine.client.withOperator("ann@ops").upgrade("order", UpgradeOptions.DEFAULTS);
        assertEquals(6, report.moved(), report.toString());
        for (WorkflowHandle h : failing) {
            assertEquals(ExecutionStatus.FAILED, h.status(), "an upgrade moves a failed execution and leaves it failed");
        }

        BulkResult retried = engine.client.withOperator("ann@ops").bulk(BulkAction.RETRY,
                BulkOptions.of(ListFilter.ALL.where("status=failed").where("workflow=order")));
        assertEquals(3, retried.changed(), retried.toString());
        for (WorkflowHandle h : failing) {
            assertEquals("{\"order\":" + orderOf(h) + ",\"charged\":10}", h.result(WAIT).resultJson());
        }
        for (WorkflowHandle h : waiting) {
            h.signal("go", "true");
            assertEquals("{\"order\":" + orderOf(h) + ",\"charged\":10}", h.result(WAIT).resultJson());
        }
        assertEquals(6, quotes.get(), "the quotes that had succeeded were delivered again, not run again");
        assertEquals(6, charges.get());
        assertEquals(List.of("operator.upgrade", "operator.retry"), engine.column(
                "SELECT kind FROM history WHERE execution_id = '" + failing.get(0).id()
                        + "' AND kind LIKE 'operator.%' ORDER BY seq"));
    }

    private int orderOf(WorkflowHandle h) {
        return Integer.parseInt(engine.one("SELECT input::json->>'order' FROM executions WHERE id = '" + h.id() + "'"));
    }
}
