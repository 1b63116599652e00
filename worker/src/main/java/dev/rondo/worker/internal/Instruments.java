package dev.rondo.worker.internal;

import dev.rondo.store.QueueStatements;
import dev.rondo.store.Transactions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@link Telemetry}: Micrometer meters (when a registry is given) and OpenTelemetry spans (when
 * OpenTelemetry is given). The names are documented in docs/observability.md; change both together.
 * Meters are looked up once per tag set and cached, so the per-event cost is a map read and a record.
 */
final class Instruments extends Telemetry {

    private static final Logger LOG = LoggerFactory.getLogger(Instruments.class);
    /** How often the queue-depth gauges are refreshed, with one query for all queues. */
    static final long DEPTH_POLL_MILLIS = 5_000;
    /** While the queues were empty and the worker holds nothing, the depths are read this seldom. */
    static final long IDLE_DEPTH_POLL_MILLIS = 60_000;
    static final String INSTRUMENTATION = "dev.rondo";

    private final MeterRegistry registry;
    private final Tracer tracer;
    private final Map<String, Timer[]> sliceTimers = new ConcurrentHashMap<>();
    private final Map<String, Timer[]> attemptTimers = new ConcurrentHashMap<>();
    private final Map<String, Timer> startLatency = new ConcurrentHashMap<>();
    private final Map<String, Timer> resumeLatency = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> claimBatches = new ConcurrentHashMap<>();
    private final Map<String, Counter> eagerStarts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong[]> depths = new ConcurrentHashMap<>();
    private volatile Thread depthPoll;
    /** The gauges this worker registered, removed when it stops (they read its state). */
    private final List<io.micrometer.core.instrument.Meter> gauges = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    Instruments(MeterRegistry registry, OpenTelemetry openTelemetry) {
        this.registry = registry;
        this.tracer = openTelemetry == null ? null : openTelemetry.getTracer(INSTRUMENTATION);
    }

    @Override
    public void claimed(String queue, int size) {
        if (registry != null) {
            claimBatches.computeIfAbsent(queue, q -> DistributionSummary.builder("rondo.claim.batch")
                    .description("Items one claim returned").tag("queue", q).register(registry)).record(size);
        }
    }

    @Override
    public void startedEagerly(String queue) {
        if (registry != null) {
            eagerStarts.computeIfAbsent(queue, q -> Counter.builder("rondo.task.eager")
                    .description("Task attempts started by the slice that started them, without a claim")
                    .tag("queue", q).register(registry)).increment();
        }
    }

    @Override
    public Slice slice(String executionId) {
        return new SliceReport(executionId);
    }

    @Override
    public Attempt attempt(String executionId, String task, int attempt, String traceContext) {
        return new AttemptReport(executionId, task, attempt, traceContext);
    }

    @Override
    public void start(DataSource dataSource, List<String> queues, IntSupplier inFlight, int concurrency, String worker) {
        if (registry == null) {
            return;
        }
        // tagged with the worker: two workers sharing a registry each have their own (removed when it stops)
        gauges.add(Gauge.builder("rondo.worker.in_flight", inFlight::getAsInt)
                .description("Slices and task attempts this worker runs now").tag("worker", worker).register(registry));
        gauges.add(Gauge.builder("rondo.worker.free_slots", () -> Math.max(0, concurrency - inFlight.getAsInt()))
                .description("Slots of this worker free for more work").tag("worker", worker).register(registry));
        for (String queue : queues) {
            AtomicLong[] values = depths.computeIfAbsent(queue, q -> new AtomicLong[] {new AtomicLong(), new AtomicLong()});
            gauges.add(Gauge.builder("rondo.queue.depth", values[0], AtomicLong::get)
                    .description("Items due now that no worker holds").tag("queue", queue).tag("worker", worker)
                    .register(registry));
            gauges.add(Gauge.builder("rondo.queue.oldest.age", values[1], v -> Double.longBitsToDouble(v.get()))
                    .description("Seconds the oldest due item has waited").baseUnit("seconds").tag("queue", queue)
                    .tag("worker", worker).register(registry));
        }
        depthPoll = Thread.ofPlatform().daemon().name("rondo-queue-depths").start(() -> pollDepths(dataSource, queues, inFlight));
    }

    private void pollDepths(DataSource dataSource, List<String> queues, java.util.function.IntSupplier inFlight) {
        boolean empty = false;
        long lastRead = 0;
        while (!stopped) {
            // an idle worker (empty queues, nothing held) reads them seldom; work it takes on ends the pause
            boolean idle = empty && inFlight.getAsInt() == 0;
            if (idle && System.nanoTime() - lastRead < IDLE_DEPTH_POLL_MILLIS * 1_000_000) {
                try {
                    Thread.sleep(DEPTH_POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            lastRead = System.nanoTime();
            try {
                List<QueueStatements.Depth> rows = Transactions.autocommit(dataSource,
                        connection -> QueueStatements.queueDepths(connection, queues));
                empty = rows.stream().allMatch(row -> row.depth() == 0);
                for (QueueStatements.Depth row : rows) {
                    AtomicLong[] values = depths.get(row.queue());
                    if (values != null) {
                        values[0].set(row.depth());
                        values[1].set(Double.doubleToLongBits(row.oldestSeconds()));
                    }
                }
            } catch (RuntimeException e) {
                LOG.debug("Could not read the queue depths; trying again in {} ms", DEPTH_POLL_MILLIS, e);
            }
            try {
                Thread.sleep(DEPTH_POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void stop() {
        stopped = true;
        Thread poll = depthPoll;
        if (poll != null) {
            poll.interrupt();
        }
        if (registry != null) {
            gauges.forEach(registry::remove);
            gauges.clear();
        }
    }

    private Timer sliceTimer(String workflow, SliceOutcome outcome) {
        Timer[] timers = sliceTimers.computeIfAbsent(workflow, w -> new Timer[SliceOutcome.values().length]);
        Timer timer = timers[outcome.ordinal()];
        if (timer == null) {
            timer = Timer.builder("rondo.slices").description("Workflow slices run by this worker")
                    .tag("workflow", workflow).tag("outcome", outcome.tag).register(registry);
            timers[outcome.ordinal()] = timer;
        }
        return timer;
    }

    private Timer attemptTimer(String task, AttemptOutcome outcome) {
        Timer[] timers = attemptTimers.computeIfAbsent(task, t -> new Timer[AttemptOutcome.values().length]);
        Timer timer = timers[outcome.ordinal()];
        if (timer == null) {
            timer = Timer.builder("rondo.task.attempts").description("Task attempts run by this worker")
                    .tag("task", task).tag("outcome", outcome.tag).register(registry);
            timers[outcome.ordinal()] = timer;
        }
        return timer;
    }

    private Timer latency(Map<String, Timer> cache, String name, String description, String workflow) {
        return cache.computeIfAbsent(workflow, w -> Timer.builder(name).description(description).tag("workflow", w)
                .register(registry));
    }

    /** The parent context a stored W3C traceparent names (the root context when there is none or it is malformed). */
    private static Context parent(String traceContext) {
        io.opentelemetry.api.trace.SpanContext remote = TraceParents.parse(traceContext);
        return remote == null ? Context.root() : Context.root().with(Span.wrap(remote));
    }

    private final class SliceReport implements Slice {
        private final String executionId;
        private final long began = System.nanoTime();
        private final Instant beganAt;
        private String workflow;
        private String stored;
        private String createdAt;
        private Span span;
        private boolean latencyRecorded;

        SliceReport(String executionId) {
            this.executionId = executionId;
            this.beganAt = tracer == null ? null : Instant.now();
        }

        @Override
        public void opened(String workflow, String traceContext, boolean first, String createdAt, long nowMillis,
                           Long outcomeAtMillis) {
            this.workflow = workflow;
            this.createdAt = createdAt; // parsed only where needed: the first slice's latency, the execution's span
            this.stored = traceContext;
            if (registry != null && !latencyRecorded) {
                latencyRecorded = true;
                if (first) {
                    latency(startLatency, "rondo.start.latency", "From a workflow's start to its first slice", workflow)
                            .record(Math.max(0, nowMillis - Instant.parse(createdAt).toEpochMilli()), TimeUnit.MILLISECONDS);
                } else if (outcomeAtMillis != null) {
                    latency(resumeLatency, "rondo.resume.latency", "From a task or child's end to the slice it resumes",
                            workflow).record(Math.max(0, nowMillis - outcomeAtMillis), TimeUnit.MILLISECONDS);
                }
            }
            if (tracer != null && span == null) {
                span = tracer.spanBuilder("rondo slice " + workflow).setParent(parent(traceContext))
                        .setSpanKind(SpanKind.CONSUMER).setStartTimestamp(beganAt)
                        .setAttribute("rondo.workflow", workflow).setAttribute("rondo.execution.id", executionId)
                        .startSpan();
            }
        }

        @Override
        public String childContext(String stored) {
            return span == null ? stored : TraceParents.format(span.getSpanContext());
        }

        @Override
        public boolean adoptsTrace(String stored) {
            return span != null && stored == null;
        }

        @Override
        public void executionEnded(SliceOutcome outcome) {
            if (span == null) {
                return;
            }
            // the execution's own span, from its start to now, beside its slices: reported once, at its end
            // under the start's span (a workflow started untraced: under its first slice's, which it adopted)
            String parent = stored != null ? stored : TraceParents.format(span.getSpanContext());
            Span execution = tracer.spanBuilder("rondo workflow " + workflow).setParent(parent(parent))
                    .setStartTimestamp(Instant.parse(createdAt))
                    .setAttribute("rondo.workflow", workflow).setAttribute("rondo.execution.id", executionId)
                    .setAttribute("rondo.outcome", outcome.tag).startSpan();
            if (outcome != SliceOutcome.COMPLETED) {
                execution.setStatus(StatusCode.ERROR, outcome.tag);
            }
            execution.end();
        }

        @Override
        public void ended(SliceOutcome outcome, Throwable failure) {
            if (registry != null) {
                sliceTimer(workflow == null ? "unknown" : workflow, outcome)
                        .record(System.nanoTime() - began, TimeUnit.NANOSECONDS);
            }
            if (span != null) {
                span.setAttribute("rondo.outcome", outcome.tag);
                if (failure != null) {
                    span.recordException(failure);
                }
                if (outcome == SliceOutcome.ERROR || outcome == SliceOutcome.LOST) {
                    span.setStatus(StatusCode.ERROR, outcome.tag);
                }
                span.end();
            }
        }
    }

    private final class AttemptReport implements Attempt {
        private final String task;
        private final long began = System.nanoTime();
        private final Span span;

        AttemptReport(String executionId, String task, int attempt, String traceContext) {
            this.task = task;
            this.span = tracer == null ? null : tracer.spanBuilder("rondo task " + task).setParent(parent(traceContext))
                    .setSpanKind(SpanKind.CONSUMER).setAttribute("rondo.task", task)
                    .setAttribute("rondo.execution.id", executionId).setAttribute("rondo.attempt", attempt).startSpan();
        }

        @Override
        public HandlerPool.Call wrap(HandlerPool.Call call) {
            if (span == null) {
                return call;
            }
            Context context = Context.root().with(span);
            return () -> {
                try (Scope ignored = context.makeCurrent()) {
                    return call.run();
                }
            };
        }

        @Override
        public void ended(AttemptOutcome outcome, String error) {
            if (registry != null) {
                attemptTimer(task, outcome).record(System.nanoTime() - began, TimeUnit.NANOSECONDS);
            }
            if (span != null) {
                span.setAttribute("rondo.outcome", outcome.tag);
                if (error != null) {
                    span.setStatus(StatusCode.ERROR, error);
                }
                span.end();
            }
        }
    }
}
