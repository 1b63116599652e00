package dev.rondo.core.internal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.Effect;
import dev.rondo.core.Executable;
import dev.rondo.core.Execution;
import dev.rondo.core.Limits;
import dev.rondo.core.Outcome;
import dev.rondo.core.Slice;
import dev.rondo.core.value.FlowObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checkpoints keep every value exactly, however odd, and reject damaged text with a clear message. */
class CheckpointCodecTest {

    private static List<String> logAfterRestore(String source) {
        Executable executable = Executable.compile("t.flow", source);
        Execution execution = Execution.start(executable, new FlowObject(), new FlowObject(), Limits.DEFAULTS);
        Slice first = execution.run(List.of(), 0);
        assertTrue(first.suspended(), "the program should wait on its timer");
        int timer = first.effects().stream().filter(e -> e instanceof Effect.StartTimer)
                .map(e -> ((Effect.StartTimer) e).promise()).reduce((a, b) -> b).orElseThrow(); // the awaited one is the last
        String json = execution.checkpointJson();
        assertEquals(json, CheckpointCodec.write(CheckpointCodec.read(json)), "the text is stable");
        Slice end = Execution.restore(executable, json, Limits.DEFAULTS).run(List.of(new Outcome.TimerFired(timer)), 1000);
        assertEquals(Slice.Status.COMPLETED, end.status(), () -> String.valueOf(end.error()));
        return end.effects().stream().map(e -> ((Effect.Log) e).line()).toList();
    }

    @Test
    void oddKeysStringsAndNumbersSurvive() {
        List<String> log = logAfterRestore("""
                let o = {"$promise": 1, "$$x": 2, "": 3, "é": "\\ud800", z: -0, big: 1e300, tiny: 5e-324}
                let before = JSON.stringify(o)
                await Timer.delay(1)
                print(JSON.stringify(o) == before, Object.keys(o).join("|"), 1 / (o.z == 0 ? 1 : 2))
                """);
        assertEquals(List.of("true $promise|$$x||é|z|big|tiny 1"), log);
    }

    @Test
    void functionValuesAndWaitingAsyncCallsSurvive() {
        List<String> log = logAfterRestore("""
                const k = 10
                const add = (x) => x + k
                async function slow(x) {
                  let local = x * 2
                  await Timer.delay(5)
                  return local
                }
                let held = {fns: [add], call: slow(4)}
                await Timer.delay(1)
                print(held.fns[0](1), typeof held.call)
                """);
        assertEquals(List.of("11 promise"), log);
    }

    @Test
    void aWaitingCallIsWrittenWithItsFunctionAndPath() {
        Executable executable = Executable.compile("t.flow", """
                const add = (x) => x + 1
                async function slow(x) {
                  let local = add(x)
                  await Timer.delay(5)
                  return local
                }
                await Promise.all([slow(1), slow(2)])
                """);
        Execution execution = Execution.start(executable, new FlowObject(), new FlowObject(), Limits.DEFAULTS);
        assertTrue(execution.run(List.of(), 0).suspended());
        String json = execution.checkpointJson();
        assertTrue(json.contains("\"calls\":[{\"promise\":"), json);
        assertTrue(json.contains("\"local\":2") && json.contains("\"local\":3"), json);
        assertTrue(json.contains("\"kind\":\"CALL\""), json);
        assertTrue(json.contains("\"add\":{\"$function\":[0]}") || json.contains("{\"$function\":["), json);
        assertEquals(json, CheckpointCodec.write(CheckpointCodec.read(json)), "the text is stable");
    }

    @Test
    void promisesHeldInValuesSurvive() {
        List<String> log = logAfterRestore("""
                let t = Timer.delay(5)
                let held = {list: [t], t}
                await Timer.delay(1)
                print(typeof held.list[0], typeof held.t)
                """);
        assertEquals(List.of("promise promise"), log);
    }

    @Test
    void deeplyNestedValuesSurvive() {
        List<String> log = logAfterRestore("""
                let v = []
                for (let i = 0; i < 5000; i++) { v = [v] }
                await Timer.delay(1)
                let depth = 0
                while (v.length > 0) { v = v[0]; depth++ }
                print(depth)
                """);
        assertEquals(List.of("5000"), log);
    }

    @Test
    void damagedCheckpointsAreRejectedWithAReason() {
        IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
                () -> CheckpointCodec.read("{\"format\":1,\"path\":["));
        assertTrue(truncated.getMessage().startsWith("The checkpoint is not valid JSON"), truncated.getMessage());
        IllegalArgumentException future = assertThrows(IllegalArgumentException.class,
                () -> CheckpointCodec.read("{\"format\":99,\"path\":[],\"promises\":{}}"));
        assertTrue(future.getMessage().contains("format 99"), future.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CheckpointCodec.read("{\"format\":1,\"surprise\":true}"));
        assertTrue(unknown.getMessage().contains("'surprise'"), unknown.getMessage());
    }

    @Test
    void localsThatAreNotAnObjectAreRejectedWithAReason() {
        // found by the fuzzer (JsonFuzzTest): a string or null here was a ClassCastException or NullPointerException
        for (String locals : List.of("\"x\"", "null", "[1]", "7")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> CheckpointCodec.read("{\"format\":1,\"path\":[{\"pc\":0,\"locals\":" + locals + "}]}"));
            assertTrue(e.getMessage().contains("locals"), e.getMessage());
        }
    }
}
