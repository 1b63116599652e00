package dev.rondo.core.internal.interp;

import dev.rondo.core.Effect;
import dev.rondo.core.Limits;
import dev.rondo.core.Outcome;
import dev.rondo.core.ast.Span;
import dev.rondo.core.internal.interp.PromiseEntry.Kind;
import dev.rondo.core.value.Budget;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.PromiseRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import dev.rondo.core.Attributes;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * The execution-wide state the interpreter works on: promises, the effects of the current stretch, the
 * signals on offer, cancellation, the clock and the operation budget. Everything here except the effects,
 * the signals on offer and the budget is part of a checkpoint.
 */
final class Machine {

    final Limits limits;
    /** The program, for the code of function values; the workflow body's frame, which top-level functions read constants from. */
    LinkedProgram linked;
    Frame mainFrame;
    /** The async calls that wait, in the order they were started. */
    final List<Coroutine> coroutines = new ArrayList<>();
    /** How many function calls are open on the Java stack (LANGUAGE.md §8's depth limit). */
    int depth;
    /** The operations and size limits of the current stretch. */
    final Budget budget;
    long nowMillis;

    final PromiseTable promises;
    /** Task and child-workflow idempotency keys within this execution → promise id. */
    final Map<String, Integer> keys;
    final Object inputs;
    final FlowObject context;
    boolean cancelRequested;
    /**
     * Set once CancelledError has been thrown (LANGUAGE.md §6: it is thrown once); saved in every checkpoint,
     * so a compensation's awaits after it wait as usual, and a CancelledError that leaves the workflow after
     * it ends the execution as cancelled.
     */
    boolean cancelDelivered;

    /** UTF-8 bytes printed (each line counting one more, for its end) in this stretch and in the whole execution. */
    private long sliceLogBytes;
    long logBytes;
    /** Tasks and child workflows started in the whole execution. */
    long starts;
    /** The attribute keys the program has set in the whole execution (at most Attributes.MAX_KEYS). */
    final Set<String> attributeKeys = new LinkedHashSet<>();

    final List<Effect> effects = new ArrayList<>();
    private final LinkedList<Outcome.SignalArrived> signalsOnOffer = new LinkedList<>();

    /** Where the program waits, and on what, once suspended. */
    Span waitingAt;
    Object waitingOn;

    Machine(Limits limits, PromiseTable promises, Map<String, Integer> keys, Object inputs, FlowObject context) {
        this.limits = limits;
        this.budget = new Budget(limits.maxOperations(), limits.maxStringLength(), limits.maxArrayLength());
        this.promises = promises;
        this.keys = new HashMap<>(keys);
        this.inputs = inputs;
        this.context = context;
    }

    /** Starts a stretch: a fresh budget and effect list, then the outcomes that arrived, in order. */
    void beginStretch(long now, List<Outcome> outcomes) {
        nowMillis = now;
        sliceLogBytes = 0;
        effects.clear();
        signalsOnOffer.clear();
        for (Outcome outcome : outcomes) {
            apply(outcome);
        }
    }

    private void apply(Outcome outcome) {
        switch (outcome) {
            case Outcome.Resolved r -> promises.settle(r.promise(), true, r.value());
            case Outcome.TaskFailed t -> {
                PromiseEntry entry = promises.get(t.promise());
                if (entry != null) {
                    promises.settle(t.promise(), false, Errors.taskError(entry.label, t.message(), t.attempts(), t.details()));
                }
            }
            case Outcome.ChildFailed c -> {
                PromiseEntry entry = promises.get(c.promise());
                if (entry != null) {
                    promises.settle(c.promise(), false, Errors.workflowError(entry.label, c.error()));
                }
            }
            case Outcome.TimerFired t -> fireTimer(t.promise());
            case Outcome.SignalArrived s -> {
                signalsOnOffer.add(s);
                if (waitingOn != null) {
                    deliverSignals(waitingOn);
                }
            }
            case Outcome.CancelRequested c -> cancelRequested = true;
        }
    }

    private void fireTimer(int id) {
        PromiseEntry timer = promises.get(id);
        if (timer == null || !promises.settle(id, true, null)) {
            return;
        }
        if (timer.detail instanceof Double waitId) {
            PromiseEntry wait = promises.get(waitId.intValue());
            if (wait != null && wait.isPending()) {
                promises.settle(wait.id, false, Errors.timeoutError(wait.label));
            }
        }
    }

    /**
     * Hands signals on offer, oldest first, to the oldest waits the awaited value still depends on, until
     * it is settled. A signal nobody waits for stays unconsumed (the engine keeps it for later).
     */
    void deliverSignals(Object awaited) {
        if (signalsOnOffer.isEmpty() || !(awaited instanceof PromiseRef)) {
            return;
        }
        boolean progress = true;
        while (progress && promises.settled(awaited) == null) {
            progress = false;
            for (Iterator<Outcome.SignalArrived> it = signalsOnOffer.iterator(); it.hasNext(); ) {
                Outcome.SignalArrived signal = it.next();
                List<PromiseEntry> waits = promises.demandedSignalWaits(awaited, signal.name());
                if (!waits.isEmpty()) {
                    // Waits for one name are served in the order they were created, however they are awaited.
                    PromiseEntry first = promises.oldestServableWait(signal.name(), waits.get(0));
                    promises.settle(first.id, true, signal.payload());
                    effects.add(new Effect.ConsumeSignal(signal.name(), signal.seq()));
                    it.remove();
                    progress = true;
                    break;
                }
            }
        }
    }

    /**
     * Records a printed line, within the log limits: every line is stored by the engine, so a loop of
     * prints could otherwise fill the database (or one commit) without bound.
     */
    void log(String line) {
        long bytes = utf8Length(line) + 1;
        if (sliceLogBytes + bytes > limits.maxLogBytesPerSlice()) {
            throw FlowThrow.limitError("This stretch printed more than " + Limits.bytesText(limits.maxLogBytesPerSlice())
                    + " without an await; print less, or await between large outputs.");
        }
        if (logBytes + bytes > limits.maxLogBytesPerExecution()) {
            throw FlowThrow.limitError("The workflow printed more than "
                    + Limits.bytesText(limits.maxLogBytesPerExecution()) + " in all; print less.");
        }
        sliceLogBytes += bytes;
        logBytes += bytes;
        effects.add(new Effect.Log(line));
    }

    private static long utf8Length(String s) {
        long bytes = s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                // 2 bytes below U+0800, 3 above; a surrogate pair is 4 bytes for its 2 units
                bytes += c < 0x800 ? 1 : Character.isSurrogate(c) ? 1 : 2;
            }
        }
        return bytes;
    }

    /**
     * Records a {@code Context.setAttributes}, within the limit of distinct keys per execution (so repeated
     * calls cannot grow the stored object without bound).
     */
    void setAttributes(Map<String, String> attributes) {
        int added = 0;
        for (String key : attributes.keySet()) {
            if (!attributeKeys.contains(key)) {
                added++;
            }
        }
        if (attributeKeys.size() + added > Attributes.MAX_KEYS) {
            throw FlowThrow.rangeError("Context.setAttributes: the workflow would have set " + (attributeKeys.size() + added)
                    + " different attribute keys; at most " + Attributes.MAX_KEYS + " are allowed.");
        }
        attributeKeys.addAll(attributes.keySet());
        effects.add(new Effect.SetAttributes(java.util.Collections.unmodifiableMap(attributes)));
    }

    /** Counts a task or child workflow about to start against the execution's total. */
    void countStart() {
        if (starts >= limits.maxStarts()) {
            throw FlowThrow.limitError("The workflow has started " + String.format("%,d", limits.maxStarts())
                    + " tasks and child workflows, its limit; split the work across child workflows that each"
                    + " start fewer, or raise the limit.");
        }
        starts++;
    }

    CheckpointState.Tally tally() {
        return new CheckpointState.Tally(logBytes, starts, List.copyOf(attributeKeys));
    }

    PromiseEntry newLeaf(Kind kind, String label, Object detail, Span span) {
        if (promises.pendingLeaves() >= limits.maxPendingPromises()) {
            throw FlowThrow.limitError("More than " + limits.maxPendingPromises()
                    + " promises are pending at once; await some before starting more.").at(span);
        }
        return promises.create(kind, label, detail);
    }

    /** Starts an async call: its promise, then its body, which runs until it must wait or ends. */
    PromiseRef startCall(FunctionCode code, dev.rondo.core.value.FlowFunction fn, Frame frame, Object[] args, Span site) {
        PromiseEntry entry = newLeaf(Kind.CALL, code.name, null, site);
        Coroutine co = new Coroutine(entry.id, code, frame);
        co.args = args;
        co.function = fn;
        step(co, site);
        return new PromiseRef(entry.id);
    }

    /** Whether the waiting call can go on: what it awaits is settled (or a signal it waits for is on offer). */
    boolean ready(Coroutine co) {
        deliverSignals(co.waitingOn);
        return promises.settled(co.waitingOn) != null;
    }

    /**
     * Runs an async call from its start ({@code site}: the call) or from where it waits ({@code site} null),
     * until it must wait again or ends; its end settles its promise. An error it does not catch rejects the
     * promise (the operations limit, which nothing may catch, ends the execution).
     */
    void step(Coroutine co, Span site) {
        Span savedAt = waitingAt;
        Object savedOn = waitingOn;
        waitingAt = null;
        waitingOn = null;
        Calls.enter(this, co.code.name, site != null ? site : co.code.span);
        try {
            int c;
            if (site != null) {
                Calls.bind(co.frame, co.code, co.function, co.args);
                co.args = null;
                c = co.code.body.exec(co.frame);
            } else {
                co.frame.startResume(co.path, co.restoring);
                co.restoring = false;
                c = co.code.body.resume(co.frame);
            }
            if (c == Completion.SUSPEND) {
                List<Pos> path = new ArrayList<>(co.frame.suspendPath());
                java.util.Collections.reverse(path);
                co.path = path;
                co.waitingOn = waitingOn;
                co.waitingAt = waitingAt;
                PromiseEntry entry = promises.get(co.promise);
                if (entry != null) {
                    entry.waits = waitingOn;
                }
                if (!coroutines.contains(co)) {
                    coroutines.add(co);
                }
            } else {
                coroutines.remove(co);
                promises.settle(co.promise, true, c == Completion.RETURN ? co.frame.returnValue : null);
            }
        } catch (FlowThrow t) {
            if (t.isFatal()) {
                throw t.leaving(co.code.name, site);
            }
            coroutines.remove(co);
            if (promises.settle(co.promise, false, t.value())) {
                promises.get(co.promise).trace = trace(t, co.code.name);
            }
        } finally {
            depth--;
            waitingAt = savedAt;
            waitingOn = savedOn;
        }
    }

    /** The helper stack of an error that leaves the async function {@code function}, as text lines. */
    java.util.List<String> trace(FlowThrow t, String function) {
        String file = linked.program.file();
        java.util.List<String> lines = new ArrayList<>(t.inherited());
        for (FlowThrow.Call call : t.calls()) {
            lines.add(FlowThrow.line(call.function(), file, call.at() != null ? call.at() : t.span()));
        }
        lines.add(FlowThrow.line(function, file, t.bodySpan()));
        return lines;
    }

    /** Whether CancelledError must be thrown at an await now (requested, not thrown yet); marks it delivered. */
    boolean takeCancellation() {
        if (cancelRequested && !cancelDelivered) {
            cancelDelivered = true;
            return true;
        }
        return false;
    }
}
