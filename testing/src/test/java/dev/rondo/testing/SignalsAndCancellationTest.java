package dev.rondo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signals now or at a virtual time, Signal.next timeouts, and cancellation. */
class SignalsAndCancellationTest {

    final FlowTest env = FlowTest.of(OrderFlowTest.FLOWS).mock("cleanup", "null");

    @Test
    void signalsAreConsumedInOrderAndEachOnce() {
        FlowRun run = env.start("signals", null)
                .signal("step", "{\"n\": 1}")
                .signal("step", "{\"n\": 2}")
                .signal("late", "\"on time\"");

        assertEquals(FlowRun.Status.COMPLETED, run.status());
        assertEquals(List.of("steps 1 2"), run.logs());
        assertEquals(List.of("step", "step", "late"), run.signalsConsumed().stream().map(FlowRun.Signal::name).toList());
        assertEquals("{\"sum\":3,\"late\":\"on time\"}", run.resultJson());
    }

    @Test
    void aSignalSentBeforeAnyoneWaitsIsKept() {
        FlowRun run = env.start("signals", null);
        run.signal("late", "1").signal("step", "{\"n\": 5}").signal("step", "{\"n\": 6}");

        assertEquals(1, run.result(JsonNode.class).get("late").asInt());
    }

    @Test
    void aSignalScheduledAtAVirtualTimeArrivesThen() {
        FlowRun run = env.start("signals", null)
                .signal("step", "{\"n\": 1}")
                .signal("step", "{\"n\": 2}")
                .signalAfter(Duration.ofMinutes(5), "late", "\"five\"");

        assertEquals(FlowRun.Status.WAITING, run.status(), "nothing has moved the clock yet");
        run.advance(Duration.ofMinutes(4));
        assertEquals(FlowRun.Status.WAITING, run.status());
        run.advance(Duration.ofMinutes(1));
        assertEquals("five", run.result(JsonNode.class).get("late").asText());
    }

    @Test
    void signalNextTimesOutInVirtualTime() {
        FlowRun run = env.start("signals", null).signal("step", "{\"n\": 1}").signal("step", "{\"n\": 2}").runUntilIdle();

        assertEquals(FlowRun.Status.FAILED, run.status());
        assertEquals("TimeoutError", run.error().name());
        assertEquals(Duration.ofMinutes(10), run.elapsed());
    }

    @Test
    void cancellingThrowsCancelledErrorAtTheAwait() {
        FlowRun run = env.start("cancelling", null).advance(Duration.ofHours(2)).cancel();

        assertEquals(FlowRun.Status.CANCELLED, run.status());
        assertEquals(List.of("caught CancelledError"), run.logs());
        assertEquals("CancelledError", run.error().name());
        assertEquals(List.of("cleanup"), run.tasks().stream().map(FlowRun.Attempt::task).toList());
        assertEquals(Duration.ofHours(2), run.elapsed());
    }

    @Test
    void aBadSignalPayloadIsRejectedWithTheReason() {
        FlowRun run = env.start("signals", null);

        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> run.signal("step", "{n: 1}"));
        assertEquals(true, e.getMessage().startsWith("the payload of signal 'step' is not JSON"), e.getMessage());
    }
}
