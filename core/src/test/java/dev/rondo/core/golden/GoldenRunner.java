package dev.rondo.core.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rondo.core.Compilation;
import dev.rondo.core.Diagnostic;
import dev.rondo.core.Executable;
import dev.rondo.core.FlowCompiler;
import dev.rondo.core.driver.LocalDriver;
import dev.rondo.core.driver.LocalResult;
import dev.rondo.core.driver.MockResult;
import dev.rondo.core.driver.TaskMocks;
import java.util.HashMap;
import java.util.Map;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one golden file and checks it: compile errors, or two runs (straight through, and rebuilt from a
 * JSON checkpoint at every await) that must each match the expectations and agree with each other.
 */
public final class GoldenRunner {

    private final Function<String, Executable> children;

    GoldenRunner(Function<String, Executable> children) {
        this.children = children;
    }

    void check(GoldenSpec spec) {
        Compilation compilation = FlowCompiler.compile(spec.name() + ".flow", spec.source());
        if (!spec.compileErrors().isEmpty()) {
            checkCompileErrors(spec, compilation);
            return;
        }
        if (!compilation.ok()) {
            fail("unexpected compile errors:\n" + String.join("\n", compilation.diagnostics().stream().map(Diagnostic::toString).toList()));
        }
        Executable executable = Executable.of(compilation.program());
        LocalResult straight = run(spec, executable, false);
        LocalResult restored = run(spec, executable, true);
        checkExpectations(spec, straight, "straight run");
        checkExpectations(spec, restored, "run restored at every await");
        assertEquals(describe(straight), describe(restored), "the straight and restored runs differ");
        if (spec.expectedAttributesJson() != null) {
            String expected = Json.write(Json.parse(spec.expectedAttributesJson()));
            assertEquals(expected, Json.write(new FlowObject(straight.attributes())), "straight run: attributes");
            assertEquals(expected, Json.write(new FlowObject(restored.attributes())), "restored run: attributes");
        }
    }

    private static void checkCompileErrors(GoldenSpec spec, Compilation compilation) {
        List<Diagnostic> actual = compilation.diagnostics();
        String shown = String.join("\n", actual.stream().map(Diagnostic::toString).toList());
        assertEquals(spec.compileErrors().size(), actual.size(), "number of compile errors; got:\n" + shown);
        List<Diagnostic> unmatched = new ArrayList<>(actual);
        for (GoldenSpec.ExpectedError expected : spec.compileErrors()) {
            Diagnostic match = unmatched.stream()
                    .filter(d -> d.line() == expected.line() && d.message().contains(expected.text()))
                    .findFirst().orElse(null);
            assertNotNull(match, "no compile error at line " + expected.line() + " containing '" + expected.text() + "'; got:\n" + shown);
            unmatched.remove(match);
        }
    }

    private LocalResult run(GoldenSpec spec, Executable executable, boolean roundTrip) {
        LocalDriver.Builder driver = LocalDriver.builder()
                .roundTrip(roundTrip)
                .mocks(sequentialMocks(spec))
                .childMocks(name -> spec.workflowMocks().get(name))
                .children(children);
        for (GoldenSpec.Signal signal : spec.signals()) {
            driver.signal(signal.name(), signal.at(), signal.payload());
        }
        for (double cancelAt : spec.cancels()) {
            driver.cancelAt(cancelAt);
        }
        if (spec.limits() != null) {
            driver.limits(spec.limits());
        }
        return driver.build().run(executable, spec.input() == null ? new FlowObject() : spec.input());
    }

    /** Each attempt of a task, across all its calls, takes the next mock line of that task; the last one repeats. */
    public static TaskMocks sequentialMocks(GoldenSpec spec) {
        Map<String, Integer> used = new HashMap<>();
        return (task, input, attempt) -> {
            List<MockResult> results = spec.mocks().get(task);
            if (results == null) {
                return null;
            }
            int next = used.merge(task, 1, Integer::sum) - 1;
            return results.get(Math.min(next, results.size() - 1));
        };
    }

    /** Checks one run's log, result or runtime error against the file's expectations; {@code which} names the run. */
    public static void checkExpectations(GoldenSpec spec, LocalResult result, String which) {
        assertEquals(null, result.stuck(), which + ": the workflow got stuck");
        assertEquals(spec.expectedLog(), result.log(), which + ": log lines");
        if (spec.expectedStatus() != null) {
            assertEquals(spec.expectedStatus(), result.status(), which + ": how the workflow ended");
        }
        if (spec.runtimeError() != null) {
            assertNotNull(result.error(), which + ": expected runtime error " + spec.runtimeError().text()
                    + " but the workflow ended " + result.status() + " with " + Json.write(result.result()));
            String actual = result.error().name() + ": " + result.error().message();
            String expected = spec.runtimeError().text();
            if (expected.startsWith("Uncaught ")) {
                // A thrown value that is not an error object: compare its display string.
                assertEquals(expected, result.error().name() + " " + result.error().message(), which + ": thrown value");
                assertEquals(spec.runtimeError().line(), result.error().line(), which + ": line of " + result.error());
                return;
            }
            int colon = expected.indexOf(':');
            String expectedName = colon < 0 ? expected : expected.substring(0, colon);
            String expectedMessage = colon < 0 ? "" : expected.substring(colon + 1).strip();
            assertEquals(expectedName, result.error().name(), which + ": error name of " + actual);
            assertTrue(result.error().message().contains(expectedMessage),
                    which + ": error message '" + actual + "' should contain '" + expectedMessage + "'");
            assertEquals(spec.runtimeError().line(), result.error().line(), which + ": line of " + result.error());
        } else {
            assertEquals(null, result.error(), which + ": unexpected runtime error");
            if (spec.expectedResultJson() != null) {
                assertEquals(Json.write(Json.parse(spec.expectedResultJson())), Json.write(result.result()), which + ": result");
            }
        }
    }

    private static String describe(LocalResult result) {
        return result.status() + "\n" + String.join("\n", result.log()) + "\nresult " + Json.write(result.result())
                + "\nerror " + result.error() + "\ntasks " + result.tasks() + "\nend " + result.endMillis();
    }
}
