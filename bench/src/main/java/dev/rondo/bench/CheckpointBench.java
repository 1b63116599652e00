package dev.rondo.bench;

import dev.rondo.core.Executable;
import dev.rondo.core.Execution;
import dev.rondo.core.Limits;
import dev.rondo.core.Slice;
import dev.rondo.core.value.FlowObject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The cost of a checkpoint as state grows: a workflow holding 1,000 locals and a 10,000-element array
 * waits on a timer; we time writing its checkpoint to JSON and reading it back into a runnable
 * execution, and report the bytes. Beside it, the time to copy the same JSON text once (a floor no codec
 * can beat), measured in the same run.
 */
public final class CheckpointBench {

    private CheckpointBench() {}

    static String source(int locals, int arraySize) {
        StringBuilder flow = new StringBuilder();
        for (int i = 0; i < locals; i++) {
            flow.append("let v").append(i).append(" = {id: ").append(i).append(", name: \"item ").append(i).append("\"}\n");
        }
        flow.append("let items = []\n");
        flow.append("for (let i = 0; i < ").append(arraySize).append("; i++) { items.push(i * 1.5) }\n");
        flow.append("await Timer.delay(1)\n");
        flow.append("return items.length + v0.id\n");
        return flow.toString();
    }

    public static void main(String[] args) {
        int locals = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int arraySize = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 21;
        Executable executable = Executable.compile("state.flow", source(locals, arraySize));
        Execution execution = Execution.start(executable, new FlowObject(), new FlowObject(), Limits.DEFAULTS);
        Slice slice = execution.run(List.of(), 0);
        if (!slice.suspended()) {
            throw new IllegalStateException("the workflow should wait on its timer, but " + slice.status());
        }
        String json = execution.checkpointJson();
        for (int warm = 0; warm < 200; warm++) {
            execution.checkpointJson();
            Execution.restore(executable, json, Limits.DEFAULTS);
        }
        double[] write = new double[runs];
        double[] read = new double[runs];
        double[] copy = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            String written = execution.checkpointJson();
            long t1 = System.nanoTime();
            Execution restored = Execution.restore(executable, written, Limits.DEFAULTS);
            long t2 = System.nanoTime();
            byte[] bytes = written.getBytes(StandardCharsets.UTF_8);
            long t3 = System.nanoTime();
            write[r] = (t1 - t0) / 1e6;
            read[r] = (t2 - t1) / 1e6;
            copy[r] = (t3 - t2) / 1e6;
            if (restored == null || bytes.length != written.length()) {
                throw new IllegalStateException("unexpected checkpoint text");
            }
        }
        System.out.printf("checkpoint: %d locals + a %d-element array: %d bytes%n", locals, arraySize,
                json.getBytes(StandardCharsets.UTF_8).length);
        System.out.printf("median of %d: write %.3f ms, read %.3f ms (goal: under 5 ms each); copying the text to UTF-8 once: %.3f ms%n",
                runs, Stats.median(write), Stats.median(read), Stats.median(copy));
        Slice end = Execution.restore(executable, json, Limits.DEFAULTS)
                .run(List.of(new dev.rondo.core.Outcome.TimerFired(0)), 1000);
        if (end.status() != Slice.Status.COMPLETED || !Double.valueOf(arraySize).equals(end.result())) {
            throw new IllegalStateException("the restored workflow did not finish as expected: " + end.status() + " " + end.result());
        }
    }
}
