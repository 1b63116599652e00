package dev.rondo.worker.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;

/**
 * What a worker reports about its work (docs/observability.md): metrics to a Micrometer registry and spans
 * to OpenTelemetry. {@link #NONE} does nothing and allocates nothing, so a worker built without a registry
 * or OpenTelemetry pays one virtual call per event; {@link #of} gives the real thing for whichever of the
 * two is given.
 */
public abstract class Telemetry {

    /** How a slice ended, for the {@code outcome} tag. */
    public enum SliceOutcome {
        WAITING, COMPLETED, FAILED, CANCELLED, LOST, ERROR;

        final String tag = name().toLowerCase(java.util.Locale.ROOT);
    }

    /** How a task attempt ended, for the {@code outcome} tag. */
    public enum AttemptOutcome {
        COMPLETED, FAILED, RETRY, RELEASED;

        final String tag = name().toLowerCase(java.util.Locale.ROOT);
    }

    /** One slice being run; {@link #NO_SLICE} when nothing is reported. */
    public interface Slice {
        /**
         * The workflow row is locked: its name, stored trace context, whether this is its first slice, when it
         * was created, the database's time now, and the earliest time an outcome it now takes was recorded
         * (null when none). Called again when the slice's transaction is retried.
         */
        void opened(String workflow, String traceContext, boolean first, String createdAt, long nowMillis,
                    Long outcomeAtMillis);

        /** The trace context the tasks and children this slice starts run under ({@code stored} when not tracing). */
        String childContext(String stored);

        /** Whether the workflow was started without a trace context and this slice's span now stands for it. */
        boolean adoptsTrace(String stored);

        /** The workflow has ended with this slice: its whole span, from its creation, is reported. */
        void executionEnded(SliceOutcome outcome);

        void ended(SliceOutcome outcome, Throwable failure);
    }

    /** One task attempt being run; {@link #NO_ATTEMPT} when nothing is reported. */
    public interface Attempt {
        /** Wraps the handler's call so that spans it makes are children of the attempt's. */
        HandlerPool.Call wrap(HandlerPool.Call call);

        void ended(AttemptOutcome outcome, String error);
    }

    public static final Slice NO_SLICE = new Slice() {
        @Override
        public void opened(String workflow, String traceContext, boolean first, String createdAt, long nowMillis,
                           Long outcomeAtMillis) {}

        @Override
        public String childContext(String stored) {
            return stored;
        }

        @Override
        public boolean adoptsTrace(String stored) {
            return false;
        }

        @Override
        public void executionEnded(SliceOutcome outcome) {}

        @Override
        public void ended(SliceOutcome outcome, Throwable failure) {}
    };

    public static final Attempt NO_ATTEMPT = new Attempt() {
        @Override
        public HandlerPool.Call wrap(HandlerPool.Call call) {
            return call;
        }

        @Override
        public void ended(AttemptOutcome outcome, String error) {}
    };

    public static final Telemetry NONE = new Telemetry() {};

    /** Telemetry to {@code registry} and {@code openTelemetry}, either of which may be null; {@link #NONE} when both are. */
    public static Telemetry of(MeterRegistry registry, OpenTelemetry openTelemetry) {
        if (registry == null && openTelemetry == null) {
            return NONE;
        }
        return new Instruments(registry, openTelemetry);
    }

    /** A claim of {@code queue} returned {@code size} items. */
    public void claimed(String queue, int size) {}

    /** A task attempt of {@code queue} was started eagerly: leased by the slice that started it, not claimed. */
    public void startedEagerly(String queue) {}

    public Slice slice(String executionId) {
        return NO_SLICE;
    }

    /** An attempt of task {@code task} (execution {@code executionId}, attempt {@code attempt}) under {@code traceContext}. */
    public Attempt attempt(String executionId, String task, int attempt, String traceContext) {
        return NO_ATTEMPT;
    }

    /** Whether anything is reported (false for {@link #NONE}). */
    public boolean enabled() {
        return this != NONE;
    }

    /** Starts what reports by itself (gauges, the queue-depth poll) for a worker of these queues and slots. */
    public void start(javax.sql.DataSource dataSource, java.util.List<String> queues, java.util.function.IntSupplier inFlight,
                      int concurrency, String worker) {}

    /** Stops what {@link #start} started. */
    public void stop() {}
}
