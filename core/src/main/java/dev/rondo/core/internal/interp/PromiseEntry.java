package dev.rondo.core.internal.interp;

/**
 * One promise of an execution. Leaves (task, child workflow, timer, signal wait) are settled by outcomes
 * the engine reports; combinators hold their children and are settled lazily, when awaited, from the
 * children's states and settlement order ({@code seq}: the order in which the execution learnt of each
 * settlement, which is what "first" means for race and any).
 *
 * <p>Mutable, but only the execution that owns it changes it; a checkpoint writes it out whole.
 */
public final class PromiseEntry {

    public enum Kind { TASK, WORKFLOW, TIMER, SIGNAL, CALL, ALL, ALL_SETTLED, ANY, RACE, ANY_KV, RACE_KV }

    public enum State { PENDING, FULFILLED, REJECTED }

    final int id;
    final Kind kind;
    /** Task or workflow name, signal name; null for timers and combinators. */
    final String label;
    /** Combinators: the FlowArray or FlowObject of values they combine. Signal waits: their timeout timer id (Double) or null. Timers: the signal wait they time out (Double) or null. */
    final Object detail;
    State state = State.PENDING;
    Object value;
    long seq = -1;
    /** A pending CALL (an async function's call): what its coroutine awaits now. Not saved: rebuilt from the coroutine's path. */
    Object waits;
    /**
     * A rejected CALL: where in the async function (and the helpers it called) the error was raised, as
     * {@code at name (file:line:col)} lines, innermost first. Saved with the promise.
     */
    java.util.List<String> trace;

    public java.util.List<String> trace() {
        return trace;
    }

    /** For the checkpoint codec. */
    public void restoreTrace(java.util.List<String> lines) {
        this.trace = lines;
    }

    PromiseEntry(int id, Kind kind, String label, Object detail) {
        this.id = id;
        this.kind = kind;
        this.label = label;
        this.detail = detail;
    }

    /** For the checkpoint codec. */
    public static PromiseEntry restore(int id, Kind kind, String label, Object detail, State state, Object value, long seq) {
        PromiseEntry entry = new PromiseEntry(id, kind, label, detail);
        entry.state = state;
        entry.value = value;
        entry.seq = seq;
        return entry;
    }

    public int id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    public Object detail() {
        return detail;
    }

    public State state() {
        return state;
    }

    public Object value() {
        return value;
    }

    public long seq() {
        return seq;
    }

    boolean isCombinator() {
        return kind.ordinal() >= Kind.ALL.ordinal();
    }

    boolean isPending() {
        return state == State.PENDING;
    }
}
