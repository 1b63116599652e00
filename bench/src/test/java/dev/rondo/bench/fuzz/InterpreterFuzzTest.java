package dev.rondo.bench.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rondo.core.Compilation;
import dev.rondo.core.Executable;
import dev.rondo.core.FlowCompiler;

/**
 * Generated programs run under a small operations budget: they end (completed, or failed with one of the
 * language's own errors, LimitError included), or wait; no other exception escapes the interpreter. A run
 * rebuilt from its checkpoint's JSON at the awaits the fuzzer picks, and one rebuilt at every await, do
 * exactly what the straight run does.
 */
class InterpreterFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void programsRunTheSameStraightAndRestored(FuzzedDataProvider data) {
        long restoreMask = data.consumeLong();
        String source = FlowGenerator.program(data, 60);
        if (Boolean.getBoolean("rondo.fuzz.print")) { // to see the program of a finding: bench/fuzz's log says how
            System.err.println("--- program ---\n" + source + "--- end ---");
        }
        Compilation compilation = FlowCompiler.compile("fuzz.flow", source);
        if (!compilation.ok()) {
            return; // the generator may write a program the compiler refuses; the compiler has its own target
        }
        Executable executable = Executable.of(compilation.program());
        String straight = Stepper.trace(executable, n -> false);
        assertEquals(straight, Stepper.trace(executable, n -> (restoreMask >>> (n % 64) & 1) == 1),
                () -> "restored at the awaits of mask " + Long.toBinaryString(restoreMask) + " differs for:\n" + source);
        assertEquals(straight, Stepper.trace(executable, n -> true), () -> "restored at every await differs for:\n" + source);
    }
}
