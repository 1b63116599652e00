package dev.rondo.core.internal.interp;

import dev.rondo.core.Effect;
import dev.rondo.core.Limits;
import dev.rondo.core.Outcome;
import dev.rondo.core.ast.Span;
import dev.rondo.core.internal.interp.PromiseEntry.Kind;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.PromiseRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
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
    final long maxOperations;
    long operations;
    long nowMillis;

    final PromiseTable promises;
    /** Task and child-workflow idempotency keys within this execution → promise id. */
    final Map<String, Integer> keys;
    final Object inputs;
    final FlowObject context;
    boolean cancelRequested;
    /** Set once CancelledError has been thrown: the execution then ends as cancelled. */
    boolean cancelDelivered;

    final List<Effect> effects = new ArrayList<>();
    private final LinkedList<Outcome.SignalArrived> signalsOnOffer = new LinkedList<>();

    /** Where the program waits, and on what, once suspended. */
    Span waitingAt;
    Object waitingOn;

    Machine(Limits limits, PromiseTable promises, Map<String, Integer> keys, Object inputs, FlowObject context) {
        this.limits = limits;
        this.maxOperations = limits.maxOperations();
        this.promises = promises;
        this.keys = new HashMap<>(keys);
        this.inputs = inputs;
        this.context = context;
    }

    /** Starts a stretch: a fresh budget and effect list, then the outcomes that arrived, in order. */
    void beginStretch(long now, List<Outcome> outcomes) {
        nowMillis = now;
        operations = 0;
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
                    promises.settle(waits.get(0).id, true, signal.payload());
                    effects.add(new Effect.ConsumeSignal(signal.name(), signal.seq()));
                    it.remove();
                    progress = true;
                    break;
                }
            }
        }
    }

    void log(String line) {
        effects.add(new Effect.Log(line));
    }

    PromiseEntry newLeaf(Kind kind, String label, Object detail, Span span) {
        if (promises.pendingLeaves() >= limits.maxPendingPromises()) {
            throw FlowThrow.limitError("More than " + limits.maxPendingPromises()
                    + " promises are pending at once; await some before starting more.").at(span);
        }
        return promises.create(kind, label, detail);
    }

    FlowThrow operationsExceeded() {
        return FlowThrow.limitError("This stretch ran more than " + maxOperations
                + " operations without an await; is a loop running away?");
    }

    /** Whether CancelledError must be thrown at an await now; marks it delivered. */
    boolean takeCancellation() {
        if (cancelRequested) {
            cancelDelivered = true;
            return true;
        }
        return false;
    }
}
