package dev.rondo.bench.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rondo.core.Compilation;
import dev.rondo.core.Diagnostic;
import dev.rondo.core.FlowCompiler;

/**
 * Any text given to the compiler gives a {@link Compilation}: a program, or diagnostics each with a line,
 * a column and a message; never another exception. Generated programs (mostly valid) are compiled too,
 * so the fuzzer starts from deep inside the grammar.
 */
class CompilerFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyTextCompilesOrGivesDiagnostics(FuzzedDataProvider data) {
        String source = data.consumeBoolean() ? FlowGenerator.program(data, 40) : data.consumeRemainingAsString();
        Compilation compilation = FlowCompiler.compile("fuzz.flow", source);
        assertNotNull(compilation);
        if (!compilation.ok()) {
            for (Diagnostic diagnostic : compilation.diagnostics()) {
                assertNotNull(diagnostic.message());
                if (diagnostic.line() < 1 || diagnostic.column() < 1) {
                    throw new AssertionError("a diagnostic without a place: " + diagnostic);
                }
            }
        }
    }
}
