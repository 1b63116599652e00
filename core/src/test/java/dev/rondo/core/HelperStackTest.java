package dev.rondo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.core.value.FlowObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An uncaught error raised inside helpers carries the stack of helper calls (LANGUAGE.md §9). */
class HelperStackTest {

    private static FlowError failure(String source, boolean suspendFirst) {
        Executable executable = Executable.compile("orders.flow", source);
        Execution execution = Execution.start(executable, new FlowObject(), new FlowObject(), Limits.DEFAULTS);
        Slice slice = execution.run(List.of(), 0);
        if (suspendFirst) {
            int timer = slice.effects().stream().filter(e -> e instanceof Effect.StartTimer)
                    .map(e -> ((Effect.StartTimer) e).promise()).findFirst().orElseThrow();
            slice = Execution.restore(executable, execution.checkpointJson(), Limits.DEFAULTS)
                    .run(List.of(new Outcome.TimerFired(timer)), 2000);
        }
        assertEquals(Slice.Status.FAILED, slice.status());
        return slice.error();
    }

    @Test
    void aPlainHelperCallShowsEachCallInnermostFirst() {
        FlowError error = failure("""
                function inner(o) {
                  return o.rate.value
                }
                function scaled(o) { return inner(o) * 2 }
                let x = scaled({})
                """, false);
        assertEquals("orders.flow:2:10: TypeError: Cannot read property 'value' of null", error.toString());
        assertEquals(List.of("at inner (orders.flow:2:10)", "at scaled (orders.flow:4:29)", "at orders.flow:5:9"),
                error.stack());
    }

    @Test
    void anAsyncCallKeepsItsStackAcrossACheckpoint() {
        FlowError error = failure("""
                async function ship(o) {
                  await Timer.delay(1)
                  return o.address.street
                }
                let r = await ship({})
                """, true);
        assertEquals(List.of("at ship (orders.flow:3:10)", "at orders.flow:5:9"), error.stack());
    }

    @Test
    void anErrorInTheBodyHasNoStack() {
        assertEquals(List.of(), failure("let o = null\nprint(o.k)", false).stack());
    }
}
