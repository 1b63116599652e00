package dev.rondo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limits an execution enforces at its edges: the checkpoint, the stored error, timers that never fire. */
class ExecutionLimitsTest {

    private static Execution start(String source, Limits limits) {
        Compilation compilation = FlowCompiler.compile("limits.flow", source);
        assertTrue(compilation.ok(), () -> compilation.diagnostics().toString());
        return Execution.start(Executable.of(compilation.program()), new FlowObject(),
                Execution.context("e1", "limits", "default", null, "2026-01-01T00:00:00Z"), limits);
    }

    private static final String SHARED_NESTING = "let a = [1]\nfor (let i = 0; i < 40; i++) a = [a, a]\n";

    @Test
    void aCheckpointOverTheLimitFailsTheSliceAtItsAwait() {
        Execution execution = start(SHARED_NESTING + "await Timer.delay(1)\n", Limits.DEFAULTS);
        Slice slice = execution.run(List.of(), 0);
        assertEquals(Slice.Status.FAILED, slice.status());
        assertEquals("limits.flow:3:1: LimitError: The workflow's state at this await is over the 16 MiB checkpoint"
                + " limit; keep less data in variables across awaits.", slice.error().toString());
        assertThrows(IllegalStateException.class, execution::checkpointJson);
    }

    @Test
    void aCheckpointWithinTheLimitIsWrittenByRun() {
        Execution execution = start("let s = \"x\".repeat(1000)\nawait Timer.delay(1)\n", Limits.DEFAULTS);
        Slice slice = execution.run(List.of(), 0);
        assertTrue(slice.suspended());
        assertTrue(execution.checkpointJson().contains("x".repeat(1000)));
        Slice tight = start("let s = \"x\".repeat(1000)\nawait Timer.delay(1)\n",
                Limits.DEFAULTS.withMaxCheckpointBytes(1000)).run(List.of(), 0);
        assertEquals(Slice.Status.FAILED, tight.status());
        assertEquals(2, tight.error().line());
    }

    @Test
    void aThrownValueOverThePayloadLimitIsStoredAsLimitError() {
        Slice slice = start("let s = \"x\".repeat(9000000)\nthrow [s, s]\n", Limits.DEFAULTS).run(List.of(), 0);
        assertEquals(Slice.Status.FAILED, slice.status());
        assertEquals("LimitError", slice.error().name());
        assertEquals(2, slice.error().line());
        assertTrue(slice.error().message().startsWith(
                "The workflow's uncaught error is larger than the 4 MiB limit; it was Uncaught: [\"xxxx"));
        assertTrue(slice.error().message().length() < 400, slice.error().message());
    }

    @Test
    void theMessageOfAHugeThrownValueIsAPreview() {
        FlowArray a = FlowArray.of(1.0);
        for (int i = 0; i < 40; i++) {
            a = FlowArray.of(a.markShared(), a);
        }
        FlowError error = new FlowError(a, "f.flow", 1, 1);
        assertEquals(FlowError.MESSAGE_PREVIEW + 1, error.message().length());
        assertTrue(error.message().endsWith("…"));
    }

    /** The status of a program run under a budget of 2,000 operations, after it built its data unmetered. */
    private static String underBudget(String setup, String work) {
        String source = setup + "\nawait Timer.delay(0)\n" + work + "\n";
        Execution first = start(source, Limits.DEFAULTS);
        assertTrue(first.run(List.of(), 0).suspended());
        Execution execution = Execution.restore(Executable.of(FlowCompiler.compile("limits.flow", source).program()),
                first.checkpointJson(), Limits.DEFAULTS.withMaxOperations(2_000));
        Slice slice = execution.run(List.of(new Outcome.TimerFired(0)), 0);
        return slice.status() == Slice.Status.FAILED ? slice.error().name() : slice.status().name();
    }

    @Test
    void builtInsChargeTheElementsAndCharactersTheyTouch() {
        // Every case does one call; without its charge it would cost a handful of operations.
        String big = "let s = \"x\".repeat(1000000)\nlet a = []\nfor (let i = 0; i < 3000; i++) a.push(i)\n"
                + "let o = {}\nfor (let i = 0; i < 3000; i++) o[\"k\" + i] = i";
        for (String work : List.of("let t = s + \"y\"", "let t = `${s}${s}${s}`", "let t = s.repeat(3)",
                "let n = s.indexOf(\"y\")", "let t = s.toLowerCase()", "let n = parseInt(s)", "let b = s == s + \"\"",
                "let n = a.indexOf(-1)", "let b = a.includes(-1)", "let b = a.slice(0)", "let b = a.concat(a)",
                "let b = [...a]", "let p = {...o}", "let t = a.join(\",\")", "let t = JSON.stringify(a)",
                "let b = JSON.parse(JSON.stringify(o))", "let k = Object.keys(o)", "a.sort()", "let f = [a, a].flat()",
                "let b = a == a.slice(0)", "let t = String(o)")) {
            assertEquals("LimitError", underBudget(big, work), work);
        }
        assertEquals("COMPLETED", underBudget(big, "let t = s.slice(0, 1000) + a.slice(0, 100).join(\",\")"));
    }

    @Test
    void timersBeyondTheLastDateNeverFire() {
        Execution execution = start("await Promise.race([Timer.delay(1e20), Timer.until(1e20), Timer.delay(1e13),"
                + " Timer.delay(2)])\n", Limits.DEFAULTS);
        Slice slice = execution.run(List.of(), 1_000);
        List<Long> fireAt = slice.effects().stream()
                .map(e -> ((Effect.StartTimer) e).fireAtMillis()).toList();
        assertEquals(List.of(Effect.StartTimer.NEVER, Effect.StartTimer.NEVER, Effect.StartTimer.NEVER, 3_000L), fireAt);
    }

    @Test
    void nanAndNegativeDelaysStayErrors() {
        for (String call : List.of("Timer.delay(-1)", "Timer.delay(0 * Math.log(-1))", "Timer.until(Math.sqrt(-1))",
                "Signal.next(\"s\", {timeout: -1})")) {
            Slice slice = start("let t = " + call + "\n", Limits.DEFAULTS).run(List.of(), 0);
            assertEquals(Slice.Status.FAILED, slice.status(), call);
            assertTrue(List.of("RangeError", "TypeError").contains(slice.error().name()), call + ": " + slice.error());
        }
    }
}
