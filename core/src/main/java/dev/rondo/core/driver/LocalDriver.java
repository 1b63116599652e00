package dev.rondo.core.driver;

import dev.rondo.core.ChildDepth;
import dev.rondo.core.Executable;
import dev.rondo.core.Limits;
import dev.rondo.core.Retries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Plays the engine's part in one process, for tests and for {@code rondo run}: tasks are answered by
 * {@link TaskMocks} (with retries and backoff), timers run on a virtual clock that jumps to the next due
 * event (nothing really sleeps), signals and a cancellation arrive at the virtual times the caller gives,
 * and child workflows run in a nested run. {@link #run} plays a workflow to its end; {@link #start} hands
 * back a {@link LocalRun} for the caller to step. With {@link Builder#roundTrip(boolean)} the execution is
 * written to JSON and rebuilt from it at every await, as after a crash.
 *
 * <pre>{@code
 * LocalResult r = LocalDriver.builder()
 *         .mocks((task, input, attempt) -> MockResult.success(Map.of("ok", true), 0))
 *         .signal("approve", 30, payload)
 *         .build()
 *         .run(Executable.compile("approve.flow", source), input);
 * }</pre>
 */
public final class LocalDriver {

    /** 2026-01-01T00:00:00Z: where virtual time starts unless told otherwise. */
    public static final long DEFAULT_START_MILLIS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
    /** A run that needs more stretches than this is taken to loop forever. */
    public static final int MAX_STRETCHES = 100_000;

    private final TaskAttempts tasks;
    private final Function<String, Executable> children;
    private final Function<String, MockResult> childMocks;
    private final List<ScheduledSignal> signals;
    private final List<Double> cancels;
    private final boolean roundTrip;
    private final Limits limits;
    private final int maxChildDepth;
    private final long startMillis;
    private final Consumer<String> checkpoints;
    private final DoubleSupplier random;

    private record ScheduledSignal(String name, double atSeconds, Object payload) {}

    private LocalDriver(Builder b) {
        this.tasks = b.tasks;
        this.children = b.children;
        this.childMocks = b.childMocks;
        this.signals = List.copyOf(b.signals);
        this.cancels = List.copyOf(b.cancels);
        this.roundTrip = b.roundTrip;
        this.limits = b.limits;
        this.maxChildDepth = b.maxChildDepth;
        this.startMillis = b.startMillis;
        this.checkpoints = b.checkpoints;
        this.random = b.random;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs {@code executable} to its end, or until nothing else can happen (a stuck result says why). */
    public LocalResult run(Executable executable, Object input) {
        return start(executable, input).runUntilIdle().result();
    }

    /**
     * Starts {@code executable} with {@code input} as execution {@code local-1}, with the builder's signals
     * and cancellation scheduled, for the caller to step; nothing runs until it does.
     */
    public LocalRun start(Executable executable, Object input) {
        LocalRun run = new LocalRun(this, executable, input, startMillis, "local-1", null);
        for (ScheduledSignal signal : signals) {
            run.signal(startMillis + Math.round(signal.atSeconds() * 1000), signal.name(), signal.payload());
        }
        for (double cancelAt : cancels) {
            run.cancel(startMillis + Math.round(cancelAt * 1000));
        }
        return run;
    }

    TaskAttempts tasks() {
        return tasks;
    }

    Function<String, Executable> children() {
        return children;
    }

    Function<String, MockResult> childMocks() {
        return childMocks;
    }

    boolean roundTrip() {
        return roundTrip;
    }

    Limits limits() {
        return limits;
    }

    int maxChildDepth() {
        return maxChildDepth;
    }

    Consumer<String> checkpoints() {
        return checkpoints;
    }

    DoubleSupplier random() {
        return random;
    }

    public static final class Builder {
        private TaskAttempts tasks = call -> null;
        private Function<String, Executable> children = name -> null;
        private Function<String, MockResult> childMocks = name -> null;
        private final List<ScheduledSignal> signals = new ArrayList<>();
        private final List<Double> cancels = new ArrayList<>();
        private boolean roundTrip;
        private Limits limits = Limits.DEFAULTS;
        private int maxChildDepth = ChildDepth.DEFAULT_LIMIT;
        private long startMillis = DEFAULT_START_MILLIS;
        private Consumer<String> checkpoints = json -> { };
        private DoubleSupplier random = Retries.NO_JITTER;

        /** With {@link #roundTrip(boolean)}: sees every checkpoint's JSON text as it is written. */
        public Builder onCheckpoint(Consumer<String> checkpoints) {
            this.checkpoints = Objects.requireNonNull(checkpoints);
            return this;
        }

        /** Answers tasks by name, input and attempt. */
        public Builder mocks(TaskMocks mocks) {
            Objects.requireNonNull(mocks);
            this.tasks = call -> mocks.attempt(call.name(), call.input(), call.attempt());
            return this;
        }

        /** Answers tasks seeing the whole attempt (ids, options, virtual time); replaces {@link #mocks}. */
        public Builder tasks(TaskAttempts tasks) {
            this.tasks = Objects.requireNonNull(tasks);
            return this;
        }

        /** Finds child workflows by name; {@code null} when there is none of that name. */
        public Builder children(Function<String, Executable> children) {
            this.children = Objects.requireNonNull(children);
            return this;
        }

        /** Mocked child workflows by name; {@code null} to run the real child from {@link #children}. */
        public Builder childMocks(Function<String, MockResult> childMocks) {
            this.childMocks = Objects.requireNonNull(childMocks);
            return this;
        }

        /** Sends signal {@code name} at {@code atSeconds} of virtual time (0: before the workflow starts). */
        public Builder signal(String name, double atSeconds, Object payload) {
            signals.add(new ScheduledSignal(name, atSeconds, payload));
            return this;
        }

        /**
         * Requests cancellation at {@code atSeconds} of virtual time; each call adds a request (a request after
         * the first does nothing new, LANGUAGE.md §6).
         */
        public Builder cancelAt(double atSeconds) {
            this.cancels.add(atSeconds);
            return this;
        }

        public Builder roundTrip(boolean roundTrip) {
            this.roundTrip = roundTrip;
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        /** How deep child workflows may nest, as on the engine (default {@link ChildDepth#DEFAULT_LIMIT}). */
        public Builder maxChildDepth(int depth) {
            this.maxChildDepth = ChildDepth.requireValid(depth);
            return this;
        }

        public Builder startMillis(long startMillis) {
            this.startMillis = startMillis;
            return this;
        }

        /**
         * The draws in [0, 1) that spread retry backoffs as the engine does ({@link Retries#delayAfter});
         * {@link Retries#NO_JITTER} by default, so a run's virtual times are the options' backoffs exactly.
         */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        public LocalDriver build() {
            return new LocalDriver(this);
        }
    }
}
