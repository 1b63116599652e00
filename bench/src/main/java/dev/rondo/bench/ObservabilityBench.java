package dev.rondo.bench;

import dev.rondo.worker.Worker;
import dev.rondo.worker.internal.Telemetry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The cost of instrumentation (docs/observability.md, "Cost"): the engine benchmark's fan-out load (no-op
 * tasks, one worker) run with metrics and tracing off and on, alternating (the order swapped every run, so
 * neither always runs warmer), each figure the median of the runs, reported as the ratio on/off. "On" is a
 * Micrometer registry and an OpenTelemetry SDK with a batch processor whose exporter counts the spans and
 * drops them, so the figure is the engine's cost, not an exporter's network.
 */
public final class ObservabilityBench {

    static final int WORKFLOWS = 200;
    static final int TASKS = 50;
    /** Worker pool 10 + 5 connections, the client's 4, one more: within the 20 this benchmark may take on a shared server. */
    static final int CONCURRENCY = 10;
    private static final String INPUT = "{\"tasks\": " + TASKS + "}";

    private ObservabilityBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("isolated")) {
            isolated(args.length > 1 ? Integer.parseInt(args[1]) : 5);
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        BenchDatabase db = BenchDatabase.fromEnvironment();
        db.createIfMissing();
        System.out.printf("observability overhead: %d runs of %d workflows × %d no-op tasks, 1 worker × %d, on %s%n",
                runs, WORKFLOWS, TASKS, CONCURRENCY, db.describe());
        AtomicLong exported = new AtomicLong();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(BatchSpanProcessor.builder(new CountingExporter(exported)).build()).build()).build()) {
            UnaryOperator<Worker.Builder> off = b -> b;
            UnaryOperator<Worker.Builder> on = b -> b.meterRegistry(registry).openTelemetry(otel);
            // warm-up, not counted: both paths compiled before anything is timed
            EngineLoad.run(db, 1, CONCURRENCY, "fanout", INPUT, WORKFLOWS, off);
            EngineLoad.run(db, 1, CONCURRENCY, "fanout", INPUT, WORKFLOWS, on);
            List<Double> offRates = new ArrayList<>();
            List<Double> onRates = new ArrayList<>();
            List<Double> offCpu = new ArrayList<>();
            List<Double> onCpu = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                boolean onFirst = run % 2 == 0;
                EngineLoad.Result first = EngineLoad.run(db, 1, CONCURRENCY, "fanout", INPUT, WORKFLOWS, onFirst ? on : off);
                EngineLoad.Result second = EngineLoad.run(db, 1, CONCURRENCY, "fanout", INPUT, WORKFLOWS, onFirst ? off : on);
                EngineLoad.Result offRun = onFirst ? second : first;
                EngineLoad.Result onRun = onFirst ? first : second;
                offRates.add(offRun.tasksPerSecond());
                onRates.add(onRun.tasksPerSecond());
                offCpu.add(offRun.jvmMicrosPer(offRun.tasks()));
                onCpu.add(onRun.jvmMicrosPer(onRun.tasks()));
                System.out.printf("  run %d (%s first): off %.0f tasks/s %.0f µs JVM CPU/task, on %.0f tasks/s %.0f µs/task;"
                                + " on/off throughput %.3f, CPU %.3f%n", run, onFirst ? "on" : "off",
                        offRun.tasksPerSecond(), offCpu.getLast(), onRun.tasksPerSecond(), onCpu.getLast(),
                        onRun.tasksPerSecond() / offRun.tasksPerSecond(), onCpu.getLast() / offCpu.getLast());
            }
            otel.getSdkTracerProvider().forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
            double offMedian = median(offRates);
            double onMedian = median(onRates);
            System.out.printf("median: off %.0f tasks/s, on %.0f tasks/s; on/off %.3f (overhead %.1f%%); %,d spans exported%n",
                    offMedian, onMedian, onMedian / offMedian, 100 * (1 - onMedian / offMedian), exported.get());
            System.out.printf("median JVM CPU per task (the worker's own cost, less exposed to the shared machine): off %.1f µs,"
                    + " on %.1f µs; on/off %.3f%n", median(offCpu), median(onCpu), median(onCpu) / median(offCpu));
        } finally {
            db.closeWorkerPools();
        }
    }

    /**
     * The instrumentation's own cost, apart from the database and the machine's other load: a task attempt's
     * and a slice's telemetry calls (what the worker makes for each) timed in a loop, on and off, medians of
     * {@code runs}. Spans go through a simple (synchronous) processor to an exporter that counts them, so
     * each span is built and handed over in the loop, as a batch processor would take it.
     */
    private static void isolated(int runs) {
        int n = 200_000;
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicLong exported = new AtomicLong();
        try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(io.opentelemetry.sdk.trace.export.SimpleSpanProcessor.create(new CountingExporter(exported)))
                .build()).build()) {
            Telemetry on = Telemetry.of(registry, otel);
            Telemetry off = Telemetry.of(null, null);
            String parent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
            List<Double> attemptOn = new ArrayList<>();
            List<Double> attemptOff = new ArrayList<>();
            List<Double> sliceOn = new ArrayList<>();
            List<Double> sliceOff = new ArrayList<>();
            for (int run = 0; run <= runs; run++) { // run 0 warms up
                double aOn = attempts(on, n, parent);
                double aOff = attempts(off, n, parent);
                double sOn = slices(on, n, parent);
                double sOff = slices(off, n, parent);
                if (run > 0) {
                    attemptOn.add(aOn);
                    attemptOff.add(aOff);
                    sliceOn.add(sOn);
                    sliceOff.add(sOff);
                }
            }
            System.out.printf("instrumentation alone, medians of %d runs of %,d: a task attempt's calls %.2f µs on, %.3f µs off;"
                            + " a slice's %.2f µs on, %.3f µs off (%,d spans built and exported)%n", runs, n,
                    median(attemptOn), median(attemptOff), median(sliceOn), median(sliceOff), exported.get());
        }
    }

    /** Mean µs of one attempt's telemetry: start and end (the handler's wrapping, a context made current, is left out). */
    private static double attempts(Telemetry t, int n, String parent) {
        long began = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Telemetry.Attempt a = t.attempt("wf.t1", "noop", 1, parent);
            a.ended(Telemetry.AttemptOutcome.COMPLETED, null);
        }
        return (System.nanoTime() - began) / 1e3 / n;
    }

    /** Mean µs of one slice's telemetry: open, the children's context, a claim recorded, end. */
    private static double slices(Telemetry t, int n, String parent) {
        long began = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Telemetry.Slice s = t.slice("wf");
            if (t.enabled()) {
                s.opened("fanout", parent, false, "2026-12-07T05:00:00.000Z", 1_765_083_600_000L, 1_765_083_599_990L);
            }
            s.childContext(parent);
            t.claimed("default", 10);
            s.ended(Telemetry.SliceOutcome.WAITING, null);
        }
        return (System.nanoTime() - began) / 1e3 / n;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Counts the spans and drops them. */
    private record CountingExporter(AtomicLong count) implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            count.addAndGet(spans.size());
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
