package dev.rondo.bench;

import dev.rondo.worker.Worker;
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
