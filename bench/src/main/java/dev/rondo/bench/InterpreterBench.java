package dev.rondo.bench;

import dev.rondo.core.Executable;
import dev.rondo.core.Execution;
import dev.rondo.core.Limits;
import dev.rondo.core.Slice;
import dev.rondo.core.value.FlowObject;
import java.util.List;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;

/**
 * Interpreter throughput on a pure loop ({@code s += i % 7}, ten million iterations by default), beside
 * Mozilla Rhino in interpreted mode (optimization level -1) running the same JavaScript in the same JVM,
 * alternating runs so both see the same machine. Prints iterations per second for each, their medians
 * and the ratio.
 */
public final class InterpreterBench {

    static final String FLOW = """
            let s = 0
            for (let i = 0; i < Inputs.n; i++) {
              s += i % 7
            }
            return s
            """;

    static final String JAVASCRIPT = """
            var s = 0;
            for (var i = 0; i < n; i++) {
              s += i % 7;
            }
            s;
            """;

    private InterpreterBench() {}

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        System.out.println("interpreter: " + iterations + " iterations of `s += i % 7`, " + runs + " runs each (after 2 warm-up runs)");
        Executable executable = Executable.compile("loop.flow", FLOW);
        FlowObject input = new FlowObject();
        input.put("n", (double) iterations);
        Limits limits = Limits.DEFAULTS.withMaxOperations(Long.MAX_VALUE);
        double expected = expectedSum(iterations);

        double[] rondo = new double[runs];
        double[] rhino = new double[runs];
        for (int warm = 0; warm < 2; warm++) {
            runRondo(executable, input, limits, expected);
            runRhino(iterations, expected);
        }
        for (int r = 0; r < runs; r++) {
            rondo[r] = iterations / runRondo(executable, input, limits, expected);
            rhino[r] = iterations / runRhino(iterations, expected);
            System.out.printf("  run %d: rondo %s it/s, rhino -1 %s it/s%n", r + 1, Stats.format(rondo[r]), Stats.format(rhino[r]));
        }
        double rondoMedian = Stats.median(rondo);
        double rhinoMedian = Stats.median(rhino);
        System.out.printf("median: rondo %s iterations/s, rhino interpreted %s iterations/s, ratio rondo/rhino %.2f%n",
                Stats.format(rondoMedian), Stats.format(rhinoMedian), rondoMedian / rhinoMedian);
    }

    private static double expectedSum(int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += i % 7;
        }
        return s;
    }

    /** Seconds for one run; checks the answer so nothing is optimised away. */
    private static double runRondo(Executable executable, FlowObject input, Limits limits, double expected) {
        long start = System.nanoTime();
        Slice slice = Execution.start(executable, input, new FlowObject(), limits).run(List.of(), 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (slice.status() != Slice.Status.COMPLETED || !Double.valueOf(expected).equals(slice.result())) {
            throw new IllegalStateException("rondo computed " + slice.result() + " (" + slice.status() + "), expected " + expected);
        }
        return seconds;
    }

    private static double runRhino(int iterations, double expected) {
        Context cx = Context.enter();
        try {
            cx.setInterpretedMode(true); // optimization level -1
            Scriptable scope = cx.initStandardObjects();
            scope.put("n", scope, iterations);
            long start = System.nanoTime();
            Object result = cx.evaluateString(scope, JAVASCRIPT, "loop.js", 1, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (Context.toNumber(result) != expected) {
                throw new IllegalStateException("rhino computed " + result + ", expected " + expected);
            }
            return seconds;
        } finally {
            Context.exit();
        }
    }
}
