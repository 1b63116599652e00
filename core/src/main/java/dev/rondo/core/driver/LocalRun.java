package dev.rondo.core.driver;

import dev.rondo.core.ChildDepth;
import dev.rondo.core.Effect;
import dev.rondo.core.Executable;
import dev.rondo.core.Execution;
import dev.rondo.core.ExecutionIds;
import dev.rondo.core.FlowError;
import dev.rondo.core.Outcome;
import dev.rondo.core.Retries;
import dev.rondo.core.Slice;
import dev.rondo.core.TaskOptions;
import dev.rondo.core.value.FlowThrow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * One workflow execution played in process by a {@link LocalDriver}, stepped by its caller on a virtual
 * clock: {@link #runUntil} runs everything due up to a time, {@link #runUntilIdle} until the run ends or
 * nothing more is scheduled, and {@link #signal}/{@link #cancel} deliver at a virtual time. Tasks are
 * answered by the driver's {@link TaskAttempts} at the virtual time of each attempt, with retries, backoff
 * and timeouts as the task's options say; a child workflow runs in a nested run stepped on the same
 * virtual clock, so that a cancellation of its parent reaches it while it runs (LANGUAGE.md §6: children
 * are cancelled the same way); a child that would wait forever (for a signal, which nobody can send it
 * here) fails its parent's await at once, as if it had run to its end when started.
 *
 * <pre>{@code
 * LocalRun run = LocalDriver.builder().tasks(answers).build().start(executable, input);
 * run.runUntil(run.now() + 3_600_000);
 * run.signal(run.now(), "approve", true);
 * run.runUntilIdle();
 * }</pre>
 */
public final class LocalRun {

    /** A timer the workflow started, and when it fires (epoch milliseconds). */
    public record Timer(int promise, long fireAtMillis) {}

    /** An event due at a virtual time; {@code order} keeps events of the same instant in scheduling order. */
    private record Event(long at, long order, Outcome outcome, Runnable action) {}

    /**
     * A child workflow running alongside; its outcome reaches this run at the order number taken when it
     * started, so events of one instant keep the order they would have had had it run to its end at once.
     */
    private record Child(int promise, LocalRun run, long order) {}

    private final LocalDriver driver;
    private final Executable executable;
    private final String executionId;
    /** 0 for the workflow the driver started, one more for each level of child below it. */
    private final int depth;
    private Execution execution;
    private final PriorityQueue<Event> events = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private final List<Outcome.SignalArrived> buffered = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private final java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
    private final List<LocalResult.StartedTask> started = new ArrayList<>();
    private final List<Outcome.SignalArrived> consumed = new ArrayList<>();
    private final List<Timer> timers = new ArrayList<>();
    private long now;
    private long order;
    private long signalSeq;
    /** A stretch is owed: at the start, and whenever events came due since the last one. */
    private boolean pending = true;
    private Slice last;
    private String stuck;
    private final List<Child> children = new ArrayList<>();
    /** Whether this run's cancellation was passed on to its children (once: later ones change nothing). */
    private boolean cancelPassedOn;

    LocalRun(LocalDriver driver, Executable executable, Object input, long start, String executionId, String parentId) {
        this(driver, executable, input, start, executionId, parentId, 0);
    }

    private LocalRun(LocalDriver driver, Executable executable, Object input, long start, String executionId,
                     String parentId, int depth) {
        this.driver = driver;
        this.depth = depth;
        this.executable = executable;
        this.executionId = executionId;
        this.now = start;
        String name = executable.program().file().replaceAll("\\.flow$", "");
        this.execution = Execution.start(executable, input,
                Execution.context(executionId, name, "default", parentId, Instant.ofEpochMilli(start).toString()),
                driver.limits());
    }

    /** The virtual time, in epoch milliseconds. */
    public long now() {
        return now;
    }

    /** Whether the run is over: completed, failed, cancelled, or given up as looping forever. */
    public boolean ended() {
        return stuck != null || last != null && !last.suspended();
    }

    /** The last stretch's end (where it waits, or how it ended); null before the first stretch. */
    public Slice lastSlice() {
        return last;
    }

    /** Sends signal {@code name} with {@code payload} (a Flow value) at {@code atMillis} (not before now). */
    public void signal(long atMillis, String name, Object payload) {
        schedule(Math.max(atMillis, now), new Outcome.SignalArrived(name, signalSeq++, payload));
    }

    /** Requests cancellation at {@code atMillis} (not before now). */
    public void cancel(long atMillis) {
        schedule(Math.max(atMillis, now), new Outcome.CancelRequested());
    }

    /**
     * Runs every stretch due at or before {@code untilMillis}, then moves the clock to it (unless the run
     * ended first, which leaves the clock at the end).
     */
    public LocalRun runUntil(long untilMillis) {
        return runStretches(untilMillis, true);
    }

    /** Runs until the run ends or nothing more is scheduled (it then waits for a signal or a cancellation). */
    public LocalRun runUntilIdle() {
        return runStretches(Long.MAX_VALUE, false);
    }

    /** Runs what is due up to {@code untilMillis}; when idle before it, moves the clock there if asked to. */
    private LocalRun runStretches(long untilMillis, boolean moveClockToUntil) {
        for (int stretches = 0; !ended(); stretches++) {
            if (!pending) {
                long next = nextEventAt();
                if (next == Long.MAX_VALUE || next > untilMillis) {
                    if (moveClockToUntil) {
                        now = Math.max(now, untilMillis);
                        advanceChildren();
                    }
                    break;
                }
                now = Math.max(now, next);
                advanceChildren();
                if (!pending && (events.isEmpty() || events.peek().at() > now)) {
                    continue; // only children moved (a child that ended scheduled its outcome, due then)
                }
            }
            if (stretches >= LocalDriver.MAX_STRETCHES) {
                stuck = "did not finish within " + LocalDriver.MAX_STRETCHES + " stretches";
                break;
            }
            stretch();
        }
        return this;
    }

    /** The earliest time something is due here or in a child (Long.MAX_VALUE: nothing is). */
    private long nextEventAt() {
        long next = events.isEmpty() ? Long.MAX_VALUE : events.peek().at();
        for (Child child : children) {
            next = Math.min(next, child.run.nextEventAt());
        }
        return next;
    }

    /**
     * Runs the children up to now; a child that ended (or can only wait forever) is dropped and its
     * outcome scheduled here, at its end.
     */
    private void advanceChildren() {
        for (java.util.Iterator<Child> it = children.iterator(); it.hasNext(); ) {
            Child child = it.next();
            child.run.runUntil(now);
            if (child.run.ended() || child.run.nextEventAt() == Long.MAX_VALUE) {
                it.remove();
                childEnded(child);
            }
        }
    }

    /**
     * How the run stands as a {@link LocalResult}; a run that has not ended is reported stuck, with what it
     * waits for, since nothing scheduled will move it on.
     */
    public LocalResult result() {
        if (stuck == null && last != null && !last.suspended()) {
            return new LocalResult(last.status(), last.result(), last.error(), List.copyOf(log), List.copyOf(started),
                    now, null, attributes());
        }
        String why = stuck != null ? stuck : last == null ? "has not started"
                : "waits forever at " + last.waitingAt() + " for " + String.join(", ", last.waitingFor())
                        + ": nothing else can happen";
        return new LocalResult(Slice.Status.SUSPENDED, null, null, List.copyOf(log), List.copyOf(started), now, why, attributes());
    }

    /** The lines the workflow printed so far. */
    /** The attributes the program set with {@code Context.setAttributes}, merged in call order. */
    public java.util.Map<String, String> attributes() {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    }

    public List<String> log() {
        return List.copyOf(log);
    }

    /** The signals the workflow consumed so far, in order. */
    public List<Outcome.SignalArrived> consumedSignals() {
        return List.copyOf(consumed);
    }

    /** The timers the workflow started so far, in order. */
    public List<Timer> timers() {
        return List.copyOf(timers);
    }

    private void stretch() {
        List<Outcome> outcomes = dueOutcomes();
        pending = false; // set again by whatever the stretch schedules for now
        last = execution.run(outcomes, now);
        apply(last.effects());
        if (last.suspended() && driver.roundTrip()) {
            String json = execution.checkpointJson();
            driver.checkpoints().accept(json);
            execution = Execution.restore(executable, json, driver.limits());
        }
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
                if (event.outcome() instanceof Outcome.CancelRequested && !cancelPassedOn) {
                    cancelPassedOn = true;
                    passCancellationOn();
                }
                outcomes.add(event.outcome());
            }
        }
        return outcomes;
    }

    /**
     * Cancels the children running now, at this instant, and runs what that does to them; those the
     * compensation starts after this are not cancelled.
     */
    private void passCancellationOn() {
        for (Child child : children) {
            child.run.cancel(now);
        }
        advanceChildren();
    }

    private void schedule(long at, Outcome outcome) {
        events.add(new Event(at, order++, outcome, null));
        pending |= at <= now;
    }

    private void scheduleAction(long at, Runnable action) {
        events.add(new Event(at, order++, null, action));
        pending |= at <= now;
    }

    private void apply(List<Effect> effects) {
        for (Effect effect : effects) {
            switch (effect) {
                case Effect.Log l -> log.add(l.line());
                case Effect.SetAttributes a -> attributes.putAll(a.attributes());
                case Effect.StartTask t -> {
                    started.add(new LocalResult.StartedTask(t.name(), t.inputJson()));
                    attempt(t, ExecutionIds.task(executionId, t.promise()), 1, now);
                }
                case Effect.StartWorkflow w -> startChild(w);
                case Effect.StartTimer t -> {
                    timers.add(new Timer(t.promise(), t.fireAtMillis()));
                    if (!t.never()) {
                        schedule(t.fireAtMillis(), new Outcome.TimerFired(t.promise()));
                    }
                }
                case Effect.ConsumeSignal c -> buffered.removeIf(s -> {
                    boolean match = s.seq() == c.seq() && s.name().equals(c.name());
                    if (match) {
                        consumed.add(s);
                    }
                    return match;
                });
            }
        }
    }

    private void attempt(Effect.StartTask task, String taskId, int attempt, long at) {
        TaskOptions options = task.options();
        MockResult result = driver.tasks().attempt(
                new TaskCall(executionId, taskId, task.name(), task.input(), task.inputJson(), options, attempt, at));
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
                ? Retries.timedOut(task.name(), options.timeout())
                : result.error();
        boolean retryable = timedOut || result.retryable();
        if (Retries.retry(options, attempt, retryable)) {
            long next = end + Math.round(Retries.delayAfter(options, attempt, driver.random()) * 1000);
            scheduleAction(next, () -> attempt(task, taskId, attempt + 1, next));
        } else {
            schedule(end, new Outcome.TaskFailed(task.promise(), message, attempt, timedOut ? null : result.details()));
        }
    }

    private void startChild(Effect.StartWorkflow w) {
        MockResult mock = driver.childMocks().apply(w.name());
        if (mock != null) {
            long end = now + Math.round(mock.seconds() * 1000);
            schedule(end, mock.ok() ? new Outcome.Resolved(w.promise(), mock.value())
                    : new Outcome.ChildFailed(w.promise(), FlowThrow.errorObject("Error", mock.error())));
            return;
        }
        Executable child = driver.children().apply(w.name());
        if (child == null) {
            schedule(now, new Outcome.ChildFailed(w.promise(),
                    FlowThrow.errorObject("Error", "No workflow named '" + w.name() + "' is deployed.")));
            return;
        }
        if (depth + 1 > driver.maxChildDepth()) {
            schedule(now, new Outcome.ChildFailed(w.promise(), FlowThrow.errorObject("LimitError", ChildDepth.tooDeep(
                    w.name(), depth + 1, driver.maxChildDepth(), "Raise the limit with LocalDriver.builder().maxChildDepth(n)."))));
            return;
        }
        String childId = w.id() != null ? w.id() : ExecutionIds.child(executionId, w.promise());
        Child started = new Child(w.promise(), new LocalRun(driver, child, w.input(), now, childId, executionId, depth + 1),
                order++);
        started.run.runUntil(now);
        if (started.run.ended() || started.run.nextEventAt() == Long.MAX_VALUE) {
            childEnded(started);
        } else {
            children.add(started);
        }
    }

    /** Schedules the outcome of a child that ended, or that can only wait forever, at its end. */
    private void childEnded(Child child) {
        LocalResult result = child.run.ended() ? child.run.result() : child.run.runUntilIdle().result();
        Outcome outcome;
        if (result.stuck() != null) {
            outcome = new Outcome.ChildFailed(child.promise, FlowThrow.errorObject("Error", "The child workflow " + result.stuck() + "."));
        } else if (result.status() == Slice.Status.COMPLETED) {
            outcome = new Outcome.Resolved(child.promise, result.result());
        } else {
            FlowError error = result.error();
            Object value = error != null ? error.value()
                    : FlowThrow.errorObject("CancelledError", "The child workflow was cancelled.");
            outcome = new Outcome.ChildFailed(child.promise, value);
        }
        events.add(new Event(result.endMillis(), child.order, outcome, null));
        pending |= result.endMillis() <= now;
    }
}
