package dev.rondo.core.internal.interp;

import dev.rondo.core.Effect;
import dev.rondo.core.Limits;
import dev.rondo.core.Outcome;
import dev.rondo.core.ast.Span;
import dev.rondo.core.value.Budget;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.PromiseRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Runs one execution of a linked program stretch by stretch. Between stretches the live state stays in
 * memory; {@link #checkpoint()} captures it as plain data and {@link #restore} rebuilds an interpreter
 * from such data, and both ways go on identically.
 */
public final class Interpreter {

    /** How a stretch ended. */
    public enum Status { SUSPENDED, COMPLETED, FAILED }

    /**
     * The end of a stretch: its effects, and the result, the uncaught error or where the program waits.
     * {@code waitingAt} is the await when suspended, the last statement run when completed.
     */
    /** {@code cancelled}: the workflow failed with the CancelledError that its cancellation threw (see {@link #endsCancelled}). */
    public record Stretch(Status status, List<Effect> effects, Object result, FlowThrow error, boolean cancelled,
                          Span waitingAt, List<PromiseEntry> waitingFor) {}

    private final LinkedProgram linked;
    private final Machine machine;
    private final Frame frame;
    private List<Pos> pathToResume; // null before the first stretch
    private boolean restoring;
    private boolean finished;

    private Interpreter(LinkedProgram linked, Machine machine, List<Pos> path, boolean restoring) {
        this.linked = linked;
        this.machine = machine;
        this.frame = new Frame(machine, linked.slotCount, linked.inputReads);
        this.pathToResume = path;
        this.restoring = restoring;
        machine.linked = linked;
        machine.mainFrame = frame;
    }

    public static Interpreter start(LinkedProgram linked, Object inputs, FlowObject context, Limits limits) {
        Machine machine = new Machine(limits, new PromiseTable(), Map.of(), inputs, context);
        return new Interpreter(linked, machine, null, false);
    }

    public static Interpreter restore(LinkedProgram linked, CheckpointState state, Limits limits) {
        Machine machine = new Machine(limits, state.promises(), state.keys(), state.inputs(), state.context());
        machine.cancelRequested = state.cancelRequested();
        machine.cancelDelivered = state.cancelDelivered();
        machine.logBytes = state.tally().logBytes();
        machine.starts = state.tally().starts();
        machine.attributeKeys.addAll(state.tally().attributeKeys());
        List<Pos> path = state.path();
        if (path.isEmpty()) {
            throw new IllegalArgumentException("the checkpoint has no position to resume from");
        }
        machine.waitingOn = path.get(path.size() - 1).extra();
        Interpreter interpreter = new Interpreter(linked, machine, path, true);
        // Functions read the top-level constants, and a waiting call may go on before the body does.
        if (linked.body instanceof StmtNodes.Block top) {
            top.restoreLocals(interpreter.frame, path.get(0));
        }
        for (CheckpointState.Call call : state.calls()) {
            if (call.function() < 0 || call.function() >= linked.functions.length || call.path().isEmpty()) {
                throw new IllegalArgumentException("the checkpoint's call of function " + call.function() + " does not fit the program");
            }
            FunctionCode code = linked.functions[call.function()];
            Coroutine co = new Coroutine(call.promise(), code, new Frame(machine, code.slotCount, code.inputReads));
            co.path = call.path();
            co.restoring = true;
            co.waitingOn = call.path().get(call.path().size() - 1).extra();
            PromiseEntry entry = machine.promises.get(call.promise());
            if (entry != null) {
                entry.waits = co.waitingOn;
            }
            machine.coroutines.add(co);
        }
        return interpreter;
    }

    /** Runs one stretch: applies the outcomes in order, then runs until the program waits or ends. */
    public Stretch run(List<Outcome> outcomes, long nowMillis) {
        if (finished) {
            throw new IllegalStateException("the execution has already ended");
        }
        try (Budget.Scope stretch = machine.budget.enter()) {
            machine.beginStretch(nowMillis, outcomes);
            return runStretch();
        }
    }

    /**
     * Runs the workflow body and the async calls until none can go on: first the body (from its start or
     * where it waits), then, again and again, the first waiting call (in the order they started) whose
     * awaited value is settled, or else the body when its own is. A cancellation goes to the body first.
     */
    private Stretch runStretch() {
        int c;
        try {
            if (pathToResume == null) {
                c = linked.body.exec(frame);
            } else {
                c = resumeBody();
            }
            while (c == Completion.SUSPEND) {
                pathToResume = bodyPath();
                Coroutine next = machine.cancelRequested && !machine.cancelDelivered ? null : firstReady();
                if (next != null) {
                    machine.step(next, null);
                } else if (bodyReady()) {
                    c = resumeBody();
                } else {
                    break;
                }
            }
        } catch (FlowThrow thrown) {
            finished = true;
            // Errors that no node placed (raised deep inside a value helper) happened at the last statement.
            thrown.at(machine.budget.lastWhere());
            return new Stretch(Status.FAILED, effects(), null, thrown, endsCancelled(thrown), null, List.of());
        }
        if (c == Completion.SUSPEND) {
            forgetUnreachablePromises(pathToResume);
            return new Stretch(Status.SUSPENDED, effects(), null, null, false, machine.waitingAt,
                    machine.promises.pendingLeaves(machine.waitingOn));
        }
        finished = true;
        Object result = c == Completion.RETURN ? frame.returnValue : null;
        // The last statement run (the return, usually) stands for where the result was made.
        // caught and returned normally: completed, even after a cancellation (LANGUAGE.md §6)
        return new Stretch(Status.COMPLETED, effects(), result, null, false, machine.budget.lastWhere(), List.of());
    }

    /**
     * Whether an uncaught error ends the execution as cancelled: the CancelledError was thrown into it and an
     * error named CancelledError is what leaves it (uncaught or rethrown). Anything else (the CancelledError
     * wrapped in another error, a compensation that failed) ends it as failed, so the error that needs
     * attention is not hidden behind "cancelled".
     */
    private boolean endsCancelled(FlowThrow thrown) {
        return machine.cancelDelivered && thrown.value() instanceof FlowObject error
                && "CancelledError".equals(error.get("name"));
    }

    private int resumeBody() {
        frame.startResume(pathToResume, restoring);
        restoring = false;
        return linked.body.resume(frame);
    }

    /** The body's path after it suspended, outermost first; kept when the body has not run since. */
    private List<Pos> bodyPath() {
        if (frame.suspendPath().isEmpty()) {
            return pathToResume;
        }
        List<Pos> path = new ArrayList<>(frame.suspendPath());
        Collections.reverse(path);
        frame.suspendPath().clear();
        return path;
    }

    private boolean bodyReady() {
        if (machine.cancelRequested && !machine.cancelDelivered) {
            return true;
        }
        machine.deliverSignals(machine.waitingOn);
        return machine.promises.settled(machine.waitingOn) != null;
    }

    private Coroutine firstReady() {
        for (Coroutine co : machine.coroutines) {
            if (machine.ready(co)) {
                return co;
            }
        }
        return null;
    }

    private void forgetUnreachablePromises(List<Pos> path) {
        List<Object> roots = new ArrayList<>();
        addRoots(path, roots);
        List<Integer> keep = new ArrayList<>(machine.keys.values());
        for (Coroutine co : machine.coroutines) {
            addRoots(co.path, roots);
            keep.add(co.promise);
        }
        machine.promises.retainReachable(roots, keep);
    }

    private static void addRoots(List<Pos> path, List<Object> roots) {
        for (Pos pos : path) {
            if (pos.extra() != null) {
                roots.add(pos.extra());
            }
            roots.addAll(pos.locals().values());
        }
    }

    private List<Effect> effects() {
        return List.copyOf(machine.effects);
    }

    /** The state to save while suspended. */
    public CheckpointState checkpoint() {
        if (finished || pathToResume == null) {
            throw new IllegalStateException("only a suspended execution has a checkpoint");
        }
        List<CheckpointState.Call> calls = new ArrayList<>();
        for (Coroutine co : machine.coroutines) {
            calls.add(new CheckpointState.Call(co.promise, co.code.index, co.path));
        }
        return new CheckpointState(pathToResume, machine.promises, Map.copyOf(machine.keys), machine.inputs,
                machine.context, machine.cancelRequested, machine.cancelDelivered, machine.tally(), List.copyOf(calls));
    }

    /** The promise the program waits on while suspended. */
    public PromiseRef waitingOn() {
        return machine.waitingOn instanceof PromiseRef ref ? ref : null;
    }
}
