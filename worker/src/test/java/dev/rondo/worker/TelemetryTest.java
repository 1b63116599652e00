package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.store.QueueStatements;
import dev.rondo.worker.internal.Telemetry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics (Micrometer) and spans (OpenTelemetry, in-memory exporter) of a worker and a client. */
class TelemetryTest {

    @TempDir
    Path flows;

    private Engine engine;
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private OpenTelemetrySdk otel;

    @BeforeEach
    void setUp() {
        engine = new Engine("telemetry", flows);
        engine.flow("parent", """
                const a = await Task.run("work", {n: 1})
                const b = await Workflow.run("child", {n: 2})
                return a + b
                """);
        engine.flow("child", """
                return await Task.run("work", Inputs)
                """);
        engine.flow("patient", """
                const x = await Signal.next("go")
                return await Task.run("work", {n: x})
                """);
        otel = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spans)).build()).build();
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
        otel.close();
    }

    private Worker.Builder working(Worker.Builder b) {
        AtomicInteger calls = new AtomicInteger();
        return b.task("work", (input, ctx) -> {
            if (input.get("n").asInt() == 2 && ctx.attempt() == 1 && calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the first attempt fails");
            }
            return input.get("n").asInt();
        });
    }

    @Test
    void aWorkerCountsItsSlicesAttemptsClaimsAndLatencies() throws SQLException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Worker worker = engine.worker(b -> working(b).meterRegistry(meters));
        RondoClient client = engine.client.withMeterRegistry(meters);
        WorkflowHandle run = client.start("parent", "{}", StartOptions.DEFAULT);
        Engine.assertCompleted("3", run.result(Duration.ofSeconds(30)));

        assertEquals(1, meters.get("rondo.client.starts").tags("workflow", "parent", "outcome", "started").timer().count());
        assertEquals(2, meters.get("rondo.slices").tags("workflow", "parent", "outcome", "waiting").timer().count());
        assertEquals(1, meters.get("rondo.slices").tags("workflow", "parent", "outcome", "completed").timer().count());
        assertEquals(2, meters.get("rondo.task.attempts").tags("task", "work", "outcome", "completed").timer().count());
        assertEquals(1, meters.get("rondo.task.attempts").tags("task", "work", "outcome", "retry").timer().count());
        assertEquals(2, meters.get("rondo.start.latency").timers().stream().mapToLong(Timer::count).sum(), "parent and child");
        assertTrue(meters.get("rondo.resume.latency").tags("workflow", "parent").timer().count() >= 2);
        assertTrue(meters.get("rondo.claim.batch").tags("queue", "default").summary().totalAmount() >= 6,
                "3 parent and 2 child slices, 3 task attempts claimed");
        assertEquals(16.0, meters.get("rondo.worker.free_slots").tags("worker", worker.id()).gauge().value()
                + meters.get("rondo.worker.in_flight").tags("worker", worker.id()).gauge().value());
        assertNotNull(meters.get("rondo.queue.depth").tags("queue", "default").gauge());
        assertNotNull(meters.get("rondo.queue.oldest.age").tags("queue", "default").gauge());
        for (Meter meter : meters.getMeters()) {
            assertTrue(meter.getId().getName().startsWith("rondo."), meter.getId().toString());
        }

        // the statement behind the depth gauges: due, unheld items and the age of the oldest, per queue
        engine.client.start("child", "{\"n\": 1}", StartOptions.DEFAULT.withQueue("nobody"));
        try (Connection c = engine.dataSource.getConnection()) {
            Map<String, QueueStatements.Depth> depths = QueueStatements.queueDepths(c, List.of("nobody", "default")).stream()
                    .collect(java.util.stream.Collectors.toMap(QueueStatements.Depth::queue, d -> d));
            assertEquals(1, depths.get("nobody").depth());
            assertTrue(depths.get("nobody").oldestSeconds() >= 0);
            assertEquals(0, depths.get("default").depth());
        }
    }

    @Test
    void withoutARegistryOrOpenTelemetryNothingIsReported() {
        assertEquals(Telemetry.NONE, Telemetry.of(null, null));
        assertEquals(Telemetry.NO_SLICE, Telemetry.NONE.slice("x"));
        assertEquals(Telemetry.NO_ATTEMPT, Telemetry.NONE.attempt("x", "t", 1, null));
    }

    @Test
    void oneTraceRunsFromTheCallerThroughSlicesTasksAndAChildWorkflow() {
        engine.worker(b -> working(b).openTelemetry(otel));
        RondoClient client = engine.client.withOpenTelemetry(otel);
        Span caller = otel.getTracer("test").spanBuilder("caller").startSpan();
        WorkflowHandle run;
        try (Scope ignored = caller.makeCurrent()) {
            run = client.start("parent", "{}", StartOptions.DEFAULT);
        } finally {
            caller.end();
        }
        Engine.assertCompleted("3", run.result(Duration.ofSeconds(30)));
        SpanData workflowSpan = await("rondo workflow parent");
        awaitCount(spans, "rondo slice parent", 3); // the last slice's span ends just after the workflow's
        List<SpanData> all = spans.getFinishedSpanItems();

        String trace = caller.getSpanContext().getTraceId();
        assertTrue(all.stream().allMatch(s -> s.getTraceId().equals(trace)), "one trace: " + names(all));
        SpanData start = one(all, s -> s.getName().equals("rondo start parent"));
        assertEquals(caller.getSpanContext().getSpanId(), start.getParentSpanId(), "the caller's span is the start's parent");
        List<SpanData> parentSlices = all.stream().filter(s -> s.getName().equals("rondo slice parent")).toList();
        assertEquals(3, parentSlices.size(), names(all));
        assertTrue(parentSlices.stream().allMatch(s -> s.getParentSpanId().equals(start.getSpanId())));
        assertEquals(start.getSpanId(), workflowSpan.getParentSpanId());
        assertEquals("completed", workflowSpan.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("rondo.outcome")));

        List<String> parentSliceIds = parentSlices.stream().map(SpanData::getSpanId).toList();
        SpanData parentTask = one(all, s -> s.getName().equals("rondo task work") && parentSliceIds.contains(s.getParentSpanId()));
        assertEquals(1L, parentTask.getAttributes().get(io.opentelemetry.api.common.AttributeKey.longKey("rondo.attempt")));
        List<SpanData> childSlices = all.stream().filter(s -> s.getName().equals("rondo slice child")).toList();
        assertEquals(2, childSlices.size(), names(all));
        assertTrue(childSlices.stream().allMatch(s -> parentSliceIds.contains(s.getParentSpanId())),
                "the child workflow's slices are children of the parent's slice that started it");
        List<String> childSliceIds = childSlices.stream().map(SpanData::getSpanId).toList();
        List<SpanData> childAttempts = all.stream().filter(s -> s.getName().equals("rondo task work")
                && !s.getSpanId().equals(parentTask.getSpanId())).toList();
        assertEquals(2, childAttempts.size(), "the failed attempt and its retry: " + names(all));
        assertTrue(childAttempts.stream().allMatch(s -> childSliceIds.contains(s.getParentSpanId())));
        assertEquals(1, childAttempts.stream().filter(s -> s.getStatus().getStatusCode() == io.opentelemetry.api.trace.StatusCode.ERROR).count());
    }

    @Test
    void theTraceContinuesOnAnotherWorkerAfterARestart() throws InterruptedException {
        Worker first = engine.worker(b -> working(b).openTelemetry(otel));
        WorkflowHandle run = engine.client.withOpenTelemetry(otel).start("patient", "{}", StartOptions.DEFAULT);
        SpanData firstSlice = await("rondo slice patient");
        first.shutdown();
        assertTrue(first.awaitTermination(Duration.ofSeconds(30)));

        InMemorySpanExporter later = InMemorySpanExporter.create();
        try (OpenTelemetrySdk otherProcess = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(later)).build()).build()) {
            engine.worker(b -> working(b).openTelemetry(otherProcess));
            run.signal("go", "5");
            Engine.assertCompleted("5", run.result(Duration.ofSeconds(30)));
            awaitIn(later, "rondo workflow patient");
            List<SpanData> after = awaitCount(later, "rondo slice patient", 2);
            assertTrue(after.stream().allMatch(s -> s.getTraceId().equals(firstSlice.getTraceId())), names(after));
            assertTrue(after.stream().filter(s -> s.getName().equals("rondo slice patient"))
                    .allMatch(s -> s.getParentSpanId().equals(firstSlice.getParentSpanId())), "under the same start span");
        }
    }

    @Test
    void aWorkflowStartedUntracedGetsItsTraceFromItsFirstSlice() {
        engine.worker(b -> working(b).openTelemetry(otel));
        WorkflowHandle run = engine.client.start("parent", "{}", StartOptions.DEFAULT);
        Engine.assertCompleted("3", run.result(Duration.ofSeconds(30)));
        await("rondo workflow parent");
        List<SpanData> all = spans.getFinishedSpanItems();
        String trace = one(all, s -> s.getName().equals("rondo workflow parent")).getTraceId();
        assertTrue(all.stream().allMatch(s -> s.getTraceId().equals(trace)), names(all));
    }

    private SpanData await(String name) {
        return awaitIn(spans, name).stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    /** Spans are exported as they end, on the worker's threads: wait (with a deadline) for the one named. */
    private static List<SpanData> awaitIn(InMemorySpanExporter exporter, String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (exporter.getFinishedSpanItems().stream().noneMatch(s -> s.getName().equals(name))) {
            assertTrue(System.nanoTime() < deadline, "no span " + name + ": " + names(exporter.getFinishedSpanItems()));
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return exporter.getFinishedSpanItems();
    }

    private static List<SpanData> awaitCount(InMemorySpanExporter exporter, String name, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (exporter.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).count() < count) {
            assertTrue(System.nanoTime() < deadline, count + " spans " + name + "? " + names(exporter.getFinishedSpanItems()));
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        return exporter.getFinishedSpanItems();
    }

    private static SpanData one(List<SpanData> all, Predicate<SpanData> which) {
        List<SpanData> found = all.stream().filter(which).toList();
        assertEquals(1, found.size(), names(all));
        return found.getFirst();
    }

    private static String names(List<SpanData> all) {
        return all.stream().map(s -> s.getName() + "(" + s.getSpanId() + "<" + s.getParentSpanId() + ")").toList().toString();
    }
}
