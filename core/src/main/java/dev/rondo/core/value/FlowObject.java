package dev.rondo.core.value;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Flow object: string keys in insertion order (kept by every checkpoint), values copied on write like
 * {@link FlowArray} (see there for the sharing rule).
 */
public final class FlowObject {

    private final LinkedHashMap<String, Object> entries;
    /**
     * How many times this container was marked shared (saturating); shared when above zero. A count rather
     * than a flag so that the interpreter can take back the marks of a call whose frame has ended and that
     * made no other reference ({@link #restoreShares}).
     */
    private int shares;

    public FlowObject() {
        this.entries = new LinkedHashMap<>();
    }

    /** Takes the given entries in their iteration order; the map is copied. */
    public FlowObject(Map<String, ?> entries) {
        this.entries = new LinkedHashMap<>(entries);
    }

    public int size() {
        return entries.size();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value under {@code key}, or {@code null} when missing (Flow makes no difference). */
    public Object get(String key) {
        return entries.get(key);
    }

    public Set<String> keys() {
        return java.util.Collections.unmodifiableSet(entries.keySet());
    }

    /** The entries, read-only, in insertion order. Do not keep the map: it changes with the object. */
    public Map<String, Object> view() {
        return java.util.Collections.unmodifiableMap(entries);
    }

    public boolean isShared() {
        return shares > 0;
    }

    public FlowObject markShared() {
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

    /** An unshared shallow copy; the containers it holds become shared. */
    public FlowObject copy() {
        Budget.charge(entries.size());
        FlowObject copy = new FlowObject(entries);
        for (Object value : entries.values()) {
            Values.markShared(value);
        }
        return copy;
    }

    /** This object when it may be changed in place, otherwise a copy that may. */
    public FlowObject writable() {
        return shares > 0 ? copy() : this;
    }

    /** Sets {@code key}: a new key goes last, an existing key keeps its position. Must be unshared. */
    public void put(String key, Object value) {
        assert shares == 0 : "mutating a shared object";
        int before = entries.size();
        entries.put(key, value);
        if (entries.size() > before && Budget.mayBeOverArrayLimit(entries.size())) {
            try {
                Budget.checkObject(entries.size());
            } catch (FlowThrow overLimit) {
                entries.remove(key);
                throw overLimit;
            }
        }
    }

    public Object remove(String key) {
        assert shares == 0 : "mutating a shared object";
        return entries.remove(key);
    }

    /** Deep, strict equality, ignoring key order. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FlowObject that && Values.strictEquals(this, that);
    }

    @Override
    public int hashCode() {
        return entries.size();
    }

    @Override
    public String toString() {
        return Values.toDisplayString(this);
    }
}
