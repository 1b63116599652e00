package dev.rondo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The top-level README's five-minute tour, step 5: its flow and its test, kept working. */
class ReadmeTourTest {

    record Charge(long amount) {}

    record Receipt(String id) {}

    record Outcome(String status, String charge) {}

    private static final String FLOW = """
            let order = Inputs
            let charge = await Task.run("chargeCard", {amount: order.total}, {maxAttempts: 5, key: "charge"})
            print(`charged ${order.total} (${charge.id})`)
            let approved = await Promise.race([Signal.next("approve"), Timer.delay(24 * 3600)])
            if (approved == null) {
              await Task.run("refund", {charge: charge.id}, {key: "refund"})
              return {status: "expired"}
            }
            return {status: "approved", charge: charge.id}
            """;

    private final FlowTest env = FlowTest.ofSource("shop/checkout", FLOW)
            .handler("chargeCard", Charge.class, (charge, ctx) -> new Receipt("ch-" + charge.amount()))
            .mock("refund", "{}");

    @Test
    void withoutApprovalTheChargeIsRefundedAfterADay() {
        FlowRun run = env.start("shop/checkout", "{\"total\": 1250}");
        run.advance(Duration.ofDays(1));
        assertEquals("expired", run.result(Outcome.class).status());
        assertEquals(List.of("chargeCard", "refund"), run.tasks().stream().map(FlowRun.Attempt::task).toList());
        assertEquals(List.of("charged 1250 (ch-1250)"), run.logs());
    }

    @Test
    void approvedWithinTheDayKeepsTheCharge() {
        FlowRun run = env.start("shop/checkout", "{\"total\": 1250}");
        run.advance(Duration.ofHours(3)).signal("approve", "true");
        assertEquals(new Outcome("approved", "ch-1250"), run.result(Outcome.class));
    }

    /** After {@code examples/run orders}, the tour's start must not run the example's saga (same database). */
    @Test
    void theToursWorkflowIsNotAnExamplesName() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher started = Pattern.compile("\\./rondo start (\\S+)").matcher(readme);
        assertTrue(started.find(), "the tour starts a workflow");
        do {
            String name = started.group(1);
            assertTrue(readme.contains("FlowTest.of(Path.of(\"flows\"))") && readme.contains("start(\"" + name + "\""), name);
            assertFalse(Files.exists(Path.of("..", "examples", "flows", name + ".flow")),
                    "the tour's " + name + " is also an example's name");
        } while (started.find());
        assertTrue(Files.isDirectory(Path.of("..", "examples", "flows")));
    }
}
