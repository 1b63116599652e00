package dev.rondo.core.internal.interp;

import dev.rondo.core.internal.interp.PromiseEntry.Kind;
import dev.rondo.core.internal.interp.PromiseEntry.State;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.PromiseRef;
import dev.rondo.core.value.Values;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The promises of one execution, and the rules that settle combinators in time order
 * (LANGUAGE.md §6). Settlement order is a counter bumped each time a leaf settles, so it survives a
 * checkpoint exactly.
 */
public final class PromiseTable {

    /** A settled outcome: fulfilled or rejected with a value, and when (in settlement order). */
    record Settled(boolean fulfilled, Object value, long seq) {}

    private static final long ALREADY = -1; // non-promise values count as settled before anything else

    private final TreeMap<Integer, PromiseEntry> entries = new TreeMap<>();
    private int nextId;
    private long nextSeq;
    private int pendingLeaves;

    public PromiseTable() {}

    /** For the checkpoint codec. */
    public static PromiseTable restore(Collection<PromiseEntry> entries, int nextId, long nextSeq) {
        PromiseTable table = new PromiseTable();
        for (PromiseEntry entry : entries) {
            table.entries.put(entry.id, entry);
            if (!entry.isCombinator() && entry.isPending()) {
                table.pendingLeaves++;
            }
        }
        table.nextId = nextId;
        table.nextSeq = nextSeq;
        return table;
    }

    public Collection<PromiseEntry> entries() {
        return entries.values();
    }

    public int nextId() {
        return nextId;
    }

    public long nextSeq() {
        return nextSeq;
    }

    int pendingLeaves() {
        return pendingLeaves;
    }

    PromiseEntry get(int id) {
        return entries.get(id);
    }

    PromiseEntry create(Kind kind, String label, Object detail) {
        PromiseEntry entry = new PromiseEntry(nextId++, kind, label, detail);
        entries.put(entry.id, entry);
        if (!entry.isCombinator()) {
            pendingLeaves++;
        }
        return entry;
    }

    /**
     * Forgets every promise that cannot be reached from {@code roots} (values that may hold promise
     * references) or from {@code keep}, so a loop over thousands of tasks keeps a small checkpoint. A
     * forgotten promise's late outcome is ignored, which is what LANGUAGE.md §6 asks for un-awaited work.
     */
    void retainReachable(Iterable<Object> roots, Collection<Integer> keep) {
        java.util.Set<Integer> reachable = new java.util.HashSet<>();
        java.util.ArrayDeque<Object> work = new java.util.ArrayDeque<>();
        java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Object root : roots) {
            if (root != null) {
                work.add(root);
            }
        }
        for (Integer id : keep) {
            work.add(new PromiseRef(id));
        }
        while (!work.isEmpty()) {
            Object value = work.pop();
            if (value instanceof PromiseRef ref) {
                PromiseEntry entry = entries.get(ref.id());
                if (entry != null && reachable.add(ref.id()) && entry.isCombinator()) {
                    work.add(entry.detail);
                }
            } else if (value instanceof FlowArray || value instanceof FlowObject) {
                // Containers are shared (copy on write): an array holding itself twice over 40 levels has
                // 2^40 paths but 41 containers, so each container is looked into once.
                if (!seen.add(value)) {
                    continue;
                }
                Values.elements(value).forEachRemaining(child -> {
                    if (child instanceof PromiseRef || child instanceof FlowArray || child instanceof FlowObject) {
                        work.add(child);
                    }
                });
            } else if (value instanceof dev.rondo.core.value.FlowFunction fn) {
                for (Object capture : fn.captures()) {
                    if (capture != null) {
                        work.add(capture);
                    }
                }
            } else if (value instanceof PendingCompletion pending && pending.value() != null) {
                work.add(pending.value());
            }
        }
        var it = entries.values().iterator();
        while (it.hasNext()) {
            PromiseEntry entry = it.next();
            boolean timesOutAKeptWait = entry.kind == Kind.TIMER && entry.detail instanceof Double wait
                    && reachable.contains(wait.intValue());
            if (!reachable.contains(entry.id) && !timesOutAKeptWait) {
                if (!entry.isCombinator() && entry.isPending()) {
                    pendingLeaves--;
                }
                it.remove();
            }
        }
    }

    /** Settles a pending leaf; an outcome for a promise already settled (or unknown) changes nothing. */
    boolean settle(int id, boolean fulfilled, Object value) {
        PromiseEntry entry = entries.get(id);
        if (entry == null || !entry.isPending() || entry.isCombinator()) {
            return false;
        }
        entry.state = fulfilled ? State.FULFILLED : State.REJECTED;
        entry.value = value;
        entry.seq = nextSeq++;
        pendingLeaves--;
        return true;
    }

    /** The outcome of {@code value} if it is settled, else {@code null}. Non-promises are settled at once. */
    Settled settled(Object value) {
        if (!(value instanceof PromiseRef ref)) {
            return new Settled(true, value, ALREADY);
        }
        PromiseEntry entry = entries.get(ref.id());
        if (entry == null) {
            throw new IllegalStateException("promise " + ref.id() + " is not in the table");
        }
        if (!entry.isPending()) {
            return new Settled(entry.state == State.FULFILLED, entry.value, entry.seq);
        }
        if (!entry.isCombinator()) {
            return null;
        }
        Settled result = combine(entry);
        if (result != null) {
            // A combinator's outcome cannot change once reached: later settlements come later in time.
            entry.state = result.fulfilled ? State.FULFILLED : State.REJECTED;
            entry.value = result.value;
            entry.seq = result.seq;
        }
        return result;
    }

    private Settled combine(PromiseEntry entry) {
        List<Object> keys = new ArrayList<>();
        List<Settled> outcomes = new ArrayList<>();
        if (entry.detail instanceof FlowArray array) {
            for (int i = 0; i < array.size(); i++) {
                keys.add((double) i);
                outcomes.add(settled(array.get(i)));
            }
        } else {
            for (Map.Entry<String, Object> e : ((FlowObject) entry.detail).view().entrySet()) {
                keys.add(e.getKey());
                outcomes.add(settled(e.getValue()));
            }
        }
        return switch (entry.kind) {
            case ALL -> all(entry, keys, outcomes);
            case ALL_SETTLED -> allSettled(entry, keys, outcomes);
            case ANY, ANY_KV -> any(entry, keys, outcomes);
            case RACE, RACE_KV -> race(entry, keys, outcomes);
            default -> throw new IllegalStateException("not a combinator: " + entry.kind);
        };
    }

    private Settled all(PromiseEntry entry, List<Object> keys, List<Settled> outcomes) {
        Settled firstRejection = earliest(outcomes, false);
        if (firstRejection != null) {
            return firstRejection;
        }
        if (outcomes.contains(null)) {
            return null;
        }
        long last = ALREADY;
        List<Object> values = new ArrayList<>();
        for (Settled outcome : outcomes) {
            values.add(outcome.value);
            last = Math.max(last, outcome.seq);
        }
        return new Settled(true, shaped(entry, keys, values), last);
    }

    private Settled allSettled(PromiseEntry entry, List<Object> keys, List<Settled> outcomes) {
        if (outcomes.contains(null)) {
            return null;
        }
        long last = ALREADY;
        List<Object> values = new ArrayList<>();
        for (Settled outcome : outcomes) {
            FlowObject report = new FlowObject();
            report.put("status", outcome.fulfilled ? "fulfilled" : "rejected");
            report.put(outcome.fulfilled ? "value" : "reason", Values.markShared(outcome.value));
            values.add(report);
            last = Math.max(last, outcome.seq);
        }
        return new Settled(true, shaped(entry, keys, values), last);
    }

    private Settled any(PromiseEntry entry, List<Object> keys, List<Settled> outcomes) {
        int winner = earliestIndex(outcomes, true);
        if (winner >= 0) {
            Settled first = outcomes.get(winner);
            Object value = entry.kind == Kind.ANY_KV ? keyed(keys.get(winner), first.value) : first.value;
            return new Settled(true, value, first.seq);
        }
        if (outcomes.contains(null)) {
            return null;
        }
        FlowArray errors = new FlowArray();
        long last = ALREADY;
        for (Settled outcome : outcomes) {
            errors.add(Values.markShared(outcome.value));
            last = Math.max(last, outcome.seq);
        }
        FlowObject error = FlowThrow.errorObject("AggregateError", "All promises were rejected");
        error.put("errors", errors);
        return new Settled(false, error, last);
    }

    private Settled race(PromiseEntry entry, List<Object> keys, List<Settled> outcomes) {
        int winner = -1;
        for (int i = 0; i < outcomes.size(); i++) {
            Settled outcome = outcomes.get(i);
            if (outcome != null && (winner < 0 || outcome.seq < outcomes.get(winner).seq)) {
                winner = i;
            }
        }
        if (winner < 0) {
            return null;
        }
        Settled first = outcomes.get(winner);
        if (entry.kind == Kind.RACE_KV && first.fulfilled) {
            return new Settled(true, keyed(keys.get(winner), first.value), first.seq);
        }
        return first;
    }

    private static Settled earliest(List<Settled> outcomes, boolean fulfilled) {
        int index = earliestIndex(outcomes, fulfilled);
        return index < 0 ? null : outcomes.get(index);
    }

    /** The index of the earliest settled outcome of the wanted kind; ties keep list order. */
    private static int earliestIndex(List<Settled> outcomes, boolean fulfilled) {
        int best = -1;
        for (int i = 0; i < outcomes.size(); i++) {
            Settled outcome = outcomes.get(i);
            if (outcome != null && outcome.fulfilled == fulfilled
                    && (best < 0 || outcome.seq < outcomes.get(best).seq)) {
                best = i;
            }
        }
        return best;
    }

    private static Object shaped(PromiseEntry entry, List<Object> keys, List<Object> values) {
        if (entry.detail instanceof FlowArray) {
            FlowArray array = new FlowArray(values.size());
            for (Object value : values) {
                array.add(Values.markShared(value));
            }
            return array;
        }
        FlowObject object = new FlowObject();
        for (int i = 0; i < keys.size(); i++) {
            object.put((String) keys.get(i), Values.markShared(values.get(i)));
        }
        return object;
    }

    private static FlowObject keyed(Object key, Object value) {
        FlowObject result = new FlowObject();
        result.put("key", key);
        result.put("value", Values.markShared(value));
        return result;
    }

    /**
     * The pending signal waits named {@code name} that the awaited promise {@code value} still depends on,
     * oldest first: only these may consume a signal, so a wait that lost a race, or that nobody awaits,
     * consumes nothing.
     */
    List<PromiseEntry> demandedSignalWaits(Object value, String name) {
        List<PromiseEntry> found = new ArrayList<>();
        collectDemanded(value, name, found);
        found.sort((a, b) -> Integer.compare(a.id, b.id));
        return found;
    }

    private void collectDemanded(Object value, String name, List<PromiseEntry> found) {
        if (!(value instanceof PromiseRef ref)) {
            return;
        }
        PromiseEntry entry = entries.get(ref.id());
        if (entry == null || !entry.isPending()) {
            return;
        }
        if (entry.kind == Kind.SIGNAL) {
            if (entry.label.equals(name) && !found.contains(entry)) {
                found.add(entry);
            }
        } else if (entry.kind == Kind.CALL) {
            collectDemanded(entry.waits, name, found);
        } else if (entry.isCombinator() && settled(ref) == null) {
            Values.elements(entry.detail).forEachRemaining(child -> collectDemanded(child, name, found));
        }
    }

    /**
     * The oldest pending wait for signal {@code name} created no later than {@code demanded}, leaving out
     * the waits that lost a race or an any (a settled combinator holds them): LANGUAGE.md §6 serves waits in
     * creation order, and a losing wait consumes nothing.
     */
    PromiseEntry oldestServableWait(String name, PromiseEntry demanded) {
        java.util.Set<Integer> losers = new java.util.HashSet<>();
        for (PromiseEntry entry : entries.values()) {
            if (entry.isCombinator() && !entry.isPending()) {
                Values.elements(entry.detail).forEachRemaining(child -> {
                    if (child instanceof PromiseRef ref) {
                        losers.add(ref.id());
                    }
                });
            }
        }
        for (PromiseEntry entry : entries.headMap(demanded.id, false).values()) {
            if (entry.kind == Kind.SIGNAL && entry.isPending() && entry.label.equals(name) && !losers.contains(entry.id)) {
                return entry;
            }
        }
        return demanded;
    }

    /** Pending leaves the awaited value depends on, for describing what an execution waits for. */
    List<PromiseEntry> pendingLeaves(Object value) {
        List<PromiseEntry> found = new ArrayList<>();
        collectLeaves(value, found);
        return found;
    }

    private void collectLeaves(Object value, List<PromiseEntry> found) {
        if (!(value instanceof PromiseRef ref)) {
            return;
        }
        PromiseEntry entry = entries.get(ref.id());
        if (entry == null || !entry.isPending() || found.contains(entry)) {
            return;
        }
        if (entry.isCombinator()) {
            if (settled(ref) == null) {
                Values.elements(entry.detail).forEachRemaining(child -> collectLeaves(child, found));
            }
        } else if (entry.kind == Kind.CALL) {
            if (entry.waits != null) {
                collectLeaves(entry.waits, found);
            }
        } else {
            found.add(entry);
        }
    }
}
