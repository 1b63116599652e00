package dev.rondo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.rondo.core.CompileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compile errors, runtime errors with their place, and the assertions' messages. */
class InspectionAndErrorsTest {

    @Test
    void compileErrorsListEveryDiagnosticOfEveryFileWithItsPlace(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.writeString(dir.resolve("a/one.flow"), "let x = \nprint(y)\n");
        Files.writeString(dir.resolve("two.flow"), "print(1)\nbreak\n");
        Files.writeString(dir.resolve("fine.flow"), "return 1\n");

        CompileException e = assertThrows(CompileException.class, () -> FlowTest.of(dir));

        assertTrue(e.diagnostics().size() >= 2, e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("a/one.flow") + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("two.flow") + ":2:1: error: "), e.getMessage());
    }

    @Test
    void sourceTextCompileErrorsNameTheWorkflowsFile() {
        CompileException e = assertThrows(CompileException.class, () -> FlowTest.ofSource("broken", "let = 1"));

        assertTrue(e.getMessage().startsWith("broken.flow:1:"), e.getMessage());
    }

    @Test
    void anUnknownWorkflowNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FlowTest.of(OrderFlowTest.FLOWS).start("orders/proces", null));

        assertTrue(e.getMessage().contains("orders/process, orders/ship"), e.getMessage());
    }

    @Test
    void aRuntimeErrorHasItsNameMessageAndPlace() {
        FlowRun run = FlowTest.of(OrderFlowTest.FLOWS).run("failing", null);

        assertEquals(FlowRun.Status.FAILED, run.status());
        assertEquals("TypeError", run.error().name());
        assertEquals("failing.flow", run.error().file());
        assertEquals(3, run.error().line());
        assertTrue(run.error().toString().startsWith("failing.flow:3:"), run.error().toString());
        assertEquals(List.of("about to fail"), run.logs());
    }

    @Test
    void askingForTheResultOfAFailedRunFailsTheTestWithTheErrorAndTheLog() {
        FlowRun run = FlowTest.of(OrderFlowTest.FLOWS).run("failing", null);

        AssertionError e = assertThrows(AssertionError.class, () -> run.result(String.class));

        assertTrue(e.getMessage().contains("failed: failing.flow:3:"), e.getMessage());
        assertTrue(e.getMessage().contains("about to fail"), e.getMessage());
    }

    @Test
    void askingForTheResultOfAWaitingRunSaysWhatItWaitsFor() {
        FlowRun run = FlowTest.of(OrderFlowTest.FLOWS).run("signals", null);

        AssertionError e = assertThrows(AssertionError.class, run::resultJson);

        assertTrue(e.getMessage().contains("still waits at signals.flow:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("signal step"), e.getMessage());
    }

    @Test
    void aFailedChildThrowsWorkflowErrorInTheParent() {
        FlowRun run = FlowTest.of(OrderFlowTest.FLOWS).run("child_fails", null);

        assertEquals("WorkflowError", run.error().name());
        assertEquals("child_fails.flow", run.error().file());
    }

    @Test
    void aChildThatWouldWaitForASignalFailsItsParentSayingSo() {
        FlowRun run = FlowTest.of(OrderFlowTest.FLOWS).run("child_waits", null);

        assertTrue(run.result(String.class).startsWith("WorkflowError: The child workflow waits forever at signals.flow:1:"),
                run.result(String.class));
    }

    @Test
    void resultsReadAsGenericTypes() {
        FlowRun run = FlowTest.ofSource("list", "return [1, 2, 3]").run("list", null);

        assertEquals(List.of(1, 2, 3), run.result(new TypeReference<List<Integer>>() {}));
    }

    @Test
    void aResultThatDoesNotFitTheTypeSaysSo() {
        FlowRun run = FlowTest.ofSource("list", "return [1]").run("list", null);

        AssertionError e = assertThrows(AssertionError.class, () -> run.result(OrderFlowTest.Result.class));
        assertTrue(e.getMessage().startsWith("The workflow's result does not fit Result"), e.getMessage());
    }

    @Test
    void virtualTimeStartsWhereTheTestSays() {
        FlowRun run = FlowTest.ofSource("clock", "await Timer.delay(60)\nreturn Date.now()")
                .startAt(java.time.Instant.parse("2030-05-01T12:00:00Z"))
                .run("clock", null);

        assertEquals(java.time.Instant.parse("2030-05-01T12:01:00Z").toEpochMilli(), run.result(Long.class));
    }
}
