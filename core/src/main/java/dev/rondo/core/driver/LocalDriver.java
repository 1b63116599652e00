package dev.rondo.core.driver;

import dev.rondo.core.Effect;
import dev.rondo.core.Executable;
import dev.rondo.core.Execution;
import dev.rondo.core.FlowError;
import dev.rondo.core.Limits;
import dev.rondo.core.Outcome;
import dev.rondo.core.Slice;
import dev.rondo.core.TaskOptions;
import dev.rondo.core.value.FlowThrow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * Plays the engine's part in one process, for tests and for {@code rondo run}: tasks are answered by
 * {@link TaskMocks} (with retries and backoff), timers run on a virtual clock that jumps to the next due
 * event (nothing really sleeps), signals and a cancellation arrive at the virtual times the caller gives,
 * and child workflows run in a nested driver. With {@link Builder#roundTrip(boolean)} the execution is
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

    private final TaskMocks tasks;
    private final Function<String, Executable> children;
    private final Function<String, MockResult> childMocks;
    private final List<ScheduledSignal> signals;
    private final Double cancelAt;
    private final boolean roundTrip;
    private final Limits limits;
    private final long startMillis;
    private final java.util.function.Consumer<String> checkpoints;

    private record ScheduledSignal(String name, double atSeconds, Object payload) {}

    private LocalDriver(Builder b) {
        this.tasks = b.tasks;
        this.children = b.children;
        this.childMocks = b.childMocks;
        this.signals = List.copyOf(b.signals);
        this.cancelAt = b.cancelAt;
        this.roundTrip = b.roundTrip;
        this.limits = b.limits;
        this.startMillis = b.startMillis;
        this.checkpoints = b.checkpoints;
    }

    public static Builder builder() {
        return new Builder();
    }

    public LocalResult run(Executable executable, Object input) {
        return new Run(executable, startMillis).run(input, "local-1", null);
    }

    /** An event due at a virtual time; {@code order} keeps events of the same instant in scheduling order. */
    private record Event(long at, long order, Outcome outcome, Runnable action) {}

    /** The state of one run (a child workflow gets its own). */
    private final class Run {
        private final Executable executable;
        private final PriorityQueue<Event> events = new PriorityQueue<>(
                (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
        private final List<Outcome.SignalArrived> buffered = new ArrayList<>();
        private final List<String> log = new ArrayList<>();
        private final List<LocalResult.StartedTask> started = new ArrayList<>();
        private long now;
        private long order;
        private long signalSeq;

        Run(Executable executable, long start) {
            this.executable = executable;
            this.now = start;
        }

        LocalResult run(Object input, String executionId, String parentId) {
            String name = executable.program().file().replaceAll("\\.flow$", "");
            Execution execution = Execution.start(executable, input,
                    Execution.context(executionId, name, "default", parentId, Instant.ofEpochMilli(now).toString()), limits);
            if (parentId == null) {
                for (ScheduledSignal signal : signals) {
                    long seq = signalSeq++;
                    schedule(startMillis + Math.round(signal.atSeconds() * 1000),
                            new Outcome.SignalArrived(signal.name(), seq, signal.payload()));
                }
                if (cancelAt != null) {
                    schedule(startMillis + Math.round(cancelAt * 1000), new Outcome.CancelRequested());
                }
            }
            List<Outcome> outcomes = dueOutcomes();
            for (int stretches = 0; stretches < MAX_STRETCHES; stretches++) {
                Slice slice = execution.run(outcomes, now);
                apply(slice.effects());
                if (!slice.suspended()) {
                    return new LocalResult(slice.status(), slice.result(), slice.error(), List.copyOf(log),
                            List.copyOf(started), now, null);
                }
                if (roundTrip) {
                    String json = execution.checkpointJson();
                    checkpoints.accept(json);
                    execution = Execution.restore(executable, json, limits);
                }
                if (events.isEmpty()) {
                    return stuck("waits forever at " + slice.waitingAt() + " for "
                            + String.join(", ", slice.waitingFor()) + ": nothing else can happen");
                }
                now = Math.max(now, events.peek().at());
                outcomes = dueOutcomes();
            }
            return stuck("did not finish within " + MAX_STRETCHES + " stretches");
        }

        private LocalResult stuck(String why) {
            return new LocalResult(Slice.Status.SUSPENDED, null, null, List.copyOf(log), List.copyOf(started), now, why);
        }

        /** Signals still on offer, then every event due now, in order; actions (retries) run as they come due. */
        private List<Outcome> dueOutcomes() {
            List<Outcome> outcomes = new ArrayList<>(buffered);
            while (!events.isEmpty() && events.peek().at() <= now) {
                Event event = events.poll();
                if (event.action() != null) {
                    event.action().run();
                } else if (event.outcome() instanceof Outcome.SignalArrived signal) {
                    buffered.add(signal);
                    outcomes.add(signal);
                } else {
                    outcomes.add(event.outcome());
                }
            }
            return outcomes;
        }

        private void schedule(long at, Outcome outcome) {
            events.add(new Event(at, order++, outcome, null));
        }

        private void scheduleAction(long at, Runnable action) {
            events.add(new Event(at, order++, null, action));
        }

        private void apply(List<Effect> effects) {
            for (Effect effect : effects) {
                switch (effect) {
                    case Effect.Log l -> log.add(l.line());
                    case Effect.StartTask t -> {
                        started.add(new LocalResult.StartedTask(t.name(), t.inputJson()));
                        attempt(t, 1, now);
                    }
                    case Effect.StartWorkflow w -> startChild(w);
                    case Effect.StartTimer t -> schedule(t.fireAtMillis(), new Outcome.TimerFired(t.promise()));
                    case Effect.ConsumeSignal c -> buffered.removeIf(s -> s.seq() == c.seq() && s.name().equals(c.name()));
                }
            }
        }

        private void attempt(Effect.StartTask task, int attempt, long at) {
            MockResult result = tasks.attempt(task.name(), task.input(), attempt);
            TaskOptions options = task.options();
            if (result == null) {
                schedule(at, new Outcome.TaskFailed(task.promise(),
                        "No handler or mock for task '" + task.name() + "'.", attempt, null));
                return;
            }
            boolean timedOut = result.seconds() > options.timeout();
            long end = at + Math.round(Math.min(result.seconds(), options.timeout()) * 1000);
            if (result.ok() && !timedOut) {
                schedule(end, new Outcome.Resolved(task.promise(), result.value()));
                return;
            }
            String message = timedOut
                    ? "Task '" + task.name() + "' timed out after " + formatSeconds(options.timeout()) + " seconds."
                    : result.error();
            boolean retryable = timedOut || result.retryable();
            if (retryable && attempt < options.maxAttempts()) {
                long next = end + Math.round(options.backoffBefore(attempt + 1) * 1000);
                scheduleAction(next, () -> attempt(task, attempt + 1, next));
            } else {
                schedule(end, new Outcome.TaskFailed(task.promise(), message, attempt, null));
            }
        }

        private void startChild(Effect.StartWorkflow w) {
            MockResult mock = childMocks.apply(w.name());
            if (mock != null) {
                long end = now + Math.round(mock.seconds() * 1000);
                schedule(end, mock.ok() ? new Outcome.Resolved(w.promise(), mock.value())
                        : new Outcome.ChildFailed(w.promise(), FlowThrow.errorObject("Error", mock.error())));
                return;
            }
            Executable child = children.apply(w.name());
            if (child == null) {
                schedule(now, new Outcome.ChildFailed(w.promise(),
                        FlowThrow.errorObject("Error", "No workflow named '" + w.name() + "' is deployed.")));
                return;
            }
            LocalResult result = new Run(child, now).run(w.input(), Objects.requireNonNullElse(w.id(), "child-" + w.promise()), "local-1");
            if (result.stuck() != null) {
                schedule(result.endMillis(), new Outcome.ChildFailed(w.promise(),
                        FlowThrow.errorObject("Error", "The child workflow " + result.stuck() + ".")));
            } else if (result.status() == Slice.Status.COMPLETED) {
                schedule(result.endMillis(), new Outcome.Resolved(w.promise(), result.result()));
            } else {
                FlowError error = result.error();
                Object value = error != null ? error.value()
                        : FlowThrow.errorObject("CancelledError", "The child workflow was cancelled.");
                schedule(result.endMillis(), new Outcome.ChildFailed(w.promise(), value));
            }
        }
    }

    private static String formatSeconds(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }

    public static final class Builder {
        private TaskMocks tasks = TaskMocks.NONE;
        private Function<String, Executable> children = name -> null;
        private Function<String, MockResult> childMocks = name -> null;
        private final List<ScheduledSignal> signals = new ArrayList<>();
        private Double cancelAt;
        private boolean roundTrip;
        private Limits limits = Limits.DEFAULTS;
        private long startMillis = DEFAULT_START_MILLIS;
        private java.util.function.Consumer<String> checkpoints = json -> { };

        /** With {@link #roundTrip(boolean)}: sees every checkpoint's JSON text as it is written. */
        public Builder onCheckpoint(java.util.function.Consumer<String> checkpoints) {
            this.checkpoints = Objects.requireNonNull(checkpoints);
            return this;
        }

        public Builder mocks(TaskMocks tasks) {
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

        public Builder cancelAt(double atSeconds) {
            this.cancelAt = atSeconds;
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

        public Builder startMillis(long startMillis) {
            this.startMillis = startMillis;
            return this;
        }

        public LocalDriver build() {
            return new LocalDriver(this);
        }
    }
}
