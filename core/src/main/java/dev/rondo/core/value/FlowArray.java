package dev.rondo.core.value;

import java.util.Collection;
import java.util.List;

/**
 * A Flow array. Flow arrays are values, not references ({@code let b = a} copies), which the interpreter
 * gets cheaply by copy-on-write: a container that may be reachable from two places is marked
 * {@link #isShared() shared}, and whoever wants to change a shared container first takes a
 * {@link #copy()} and stores the copy back where it read it. An unshared container is changed in place, so
 * a loop that pushes 100,000 items stays linear. Adding and removing at either end is amortized constant time,
 * so an array used as a queue ({@code push} and {@code shift}) stays linear too.
 *
 * <p>Elements are Flow values: {@code null}, {@link Boolean}, {@link Double}, {@link String},
 * {@link FlowArray}, {@link FlowObject} or {@link PromiseRef}.
 */
public final class FlowArray {

    /** The most elements an array may hold by default (LANGUAGE.md §10); see {@link Budget#checkArray}. */
    public static final int MAX_LENGTH = 1_000_000;

    private final Elements items;
    /**
     * How many times this container was marked shared (saturating); shared when above zero. A count rather
     * than a flag so that the interpreter can take back the marks of a call whose frame has ended and that
     * made no other reference ({@link #restoreShares}).
     */
    private int shares;

    public FlowArray() {
        this.items = new Elements(0);
    }

    public FlowArray(int capacity) {
        this.items = new Elements(capacity);
    }

    /** Takes the given values as the elements; the collection is copied. */
    public FlowArray(Collection<?> values) {
        this.items = new Elements(values);
    }

    public static FlowArray of(Object... values) {
        FlowArray array = new FlowArray(values.length);
        for (Object value : values) {
            array.items.add(value);
        }
        return array;
    }

    public int size() {
        return items.size();
    }

    /** The element at {@code index}, which must be in range. */
    public Object get(int index) {
        return items.get(index);
    }

    /** The elements, read-only. Do not keep the list: it changes with the array. */
    public List<Object> view() {
        return java.util.Collections.unmodifiableList(items);
    }

    public boolean isShared() {
        return shares > 0;
    }

    /** Marks this array (and so, lazily, all it holds) as reachable from more than one place. */
    public FlowArray markShared() {
        if (shares < Integer.MAX_VALUE) {
            shares++;
        }
        return this;
    }

    /** The number of shared marks so far (for the interpreter; see {@link #restoreShares}). */
    public int shares() {
        return shares;
    }

    /**
     * Sets the number of shared marks back to {@code count}, taken by {@link #shares()} before marks that no
     * longer stand for a reference (a helper's parameter after its frame ended). For the interpreter only:
     * unsharing a container that is reachable twice would let a change through one place show through the other.
     */
    public void restoreShares(int count) {
        shares = count;
    }

    /** An unshared shallow copy; the containers it holds become shared, since both arrays now hold them. */
    public FlowArray copy() {
        Budget.charge(items.size());
        FlowArray copy = new FlowArray(items);
        for (Object item : items) {
            Values.markShared(item);
        }
        return copy;
    }

    /** This array when it may be changed in place, otherwise a copy that may. */
    public FlowArray writable() {
        return shares > 0 ? copy() : this;
    }

    // Mutators: callers must hold an unshared array (see writable()).

    public void add(Object value) {
        assert shares == 0 : "mutating a shared array";
        if (Budget.mayBeOverArrayLimit(items.size() + 1L)) {
            Budget.checkArray(items.size() + 1L);
        }
        items.add(value);
    }

    public void add(int index, Object value) {
        assert shares == 0 : "mutating a shared array";
        if (Budget.mayBeOverArrayLimit(items.size() + 1L)) {
            Budget.checkArray(items.size() + 1L);
        }
        items.add(index, value);
    }

    public void set(int index, Object value) {
        assert shares == 0 : "mutating a shared array";
        items.set(index, value);
    }

    public Object remove(int index) {
        assert shares == 0 : "mutating a shared array";
        return items.remove(index);
    }

    /** Direct access for built-in methods that rearrange the elements (sort, reverse); must be unshared. */
    public List<Object> mutableItems() {
        assert shares == 0 : "mutating a shared array";
        return items;
    }

    /** Deep, strict equality (see {@link Values#strictEquals}). */
    @Override
    public boolean equals(Object other) {
        return other instanceof FlowArray that && Values.strictEquals(this, that);
    }

    @Override
    public int hashCode() {
        return items.size();
    }

    /** The compact JSON text, as {@code String(a)} gives it. */
    @Override
    public String toString() {
        return Values.toDisplayString(this);
    }
}
