package dev.rondo.core.value;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A Flow object: string keys in insertion order (kept by every checkpoint), values copied on write like
 * {@link FlowArray} (see there for the sharing rule).
 *
 * <p>Most objects have a few keys, and a program reads and writes them in loops: up to {@link #SMALL} keys
 * are kept in two arrays in insertion order and found by a scan, by identity first (the names in a program
 * are interned, and so are the keys its literals create) and then by {@code equals}. That costs less than
 * hashing into a {@link LinkedHashMap} and its nodes, which an object takes once it grows past the limit
 * (and keeps: an object that shrinks again stays a map).
 */
public final class FlowObject {

    /** The most keys kept in arrays. */
    static final int SMALL = 8;
    private static final String[] NO_KEYS = {};
    private static final Object[] NO_VALUES = {};

    /** The keys in insertion order, then unused cells; null once the object is a {@link #map}. */
    private String[] keys;
    /** The value of {@code keys[i]} at {@code i}. */
    private Object[] values;
    /** How many of the arrays' cells are keys. */
    private int size;
    /** The entries once there are more than {@link #SMALL}; null before. */
    private LinkedHashMap<String, Object> map;
    /**
     * How many times this container was marked shared (saturating); shared when above zero. A count rather
     * than a flag so that the interpreter can take back the marks of a call whose frame has ended and that
     * made no other reference ({@link #restoreShares}).
     */
    private int shares;

    public FlowObject() {
        this.keys = NO_KEYS;
        this.values = NO_VALUES;
    }

    /** Takes the given entries in their iteration order; the map is copied. */
    public FlowObject(Map<String, ?> entries) {
        int count = entries.size();
        if (count > SMALL) {
            this.map = new LinkedHashMap<>(entries);
            return;
        }
        this.keys = new String[count];
        this.values = new Object[count];
        for (Map.Entry<String, ?> entry : entries.entrySet()) {
            keys[size] = entry.getKey();
            values[size++] = entry.getValue();
        }
    }

    /** A copy of {@code source}'s entries (for {@link #copy}). */
    private FlowObject(FlowObject source) {
        if (source.map != null) {
            this.map = new LinkedHashMap<>(source.map);
        } else {
            this.keys = source.keys.clone();
            this.values = source.values.clone();
            this.size = source.size;
        }
    }

    public int size() {
        return map != null ? map.size() : size;
    }

    public boolean has(String key) {
        return map != null ? map.containsKey(key) : indexOf(key) >= 0;
    }

    /** The value under {@code key}, or {@code null} when missing (Flow makes no difference). */
    public Object get(String key) {
        if (map != null) {
            return map.get(key);
        }
        int i = indexOf(key);
        return i >= 0 ? values[i] : null;
    }

    /**
     * For the interpreter's property nodes, which remember where they last found their key: the position of
     * {@code key}, tried at {@code hint} first, for {@link #valueAt} and {@link #setAt}; -1 when the key is
     * missing or the object has grown past the arrays (then use {@link #get} and {@link #put}). A position
     * holds until a key is added or removed.
     */
    public int slot(String key, int hint) {
        if (map != null) {
            return -1;
        }
        return hint < size && keys[hint] == key ? hint : indexOf(key);
    }

    /** The value at a position given by {@link #slot}. */
    public Object valueAt(int slot) {
        return values[slot];
    }

    /** Sets the value at a position given by {@link #slot}. Must be unshared. */
    public void setAt(int slot, Object value) {
        assert shares == 0 : "mutating a shared object";
        values[slot] = value;
    }

    /** Where {@code key} is in the arrays, or -1. */
    private int indexOf(String key) {
        String[] k = keys;
        int n = size;
        for (int i = 0; i < n; i++) {
            if (k[i] == key) {
                return i;
            }
        }
        if (key != null) {
            for (int i = 0; i < n; i++) {
                if (key.equals(k[i])) {
                    return i;
                }
            }
        }
        return -1;
    }

    public Set<String> keys() {
        return map != null ? Collections.unmodifiableSet(map.keySet()) : new KeyView();
    }

    /** The entries, read-only, in insertion order. Do not keep the map: it changes with the object. */
    public Map<String, Object> view() {
        return map != null ? Collections.unmodifiableMap(map) : new EntryView();
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
        Budget.charge(size());
        FlowObject copy = new FlowObject(this);
        if (map != null) {
            for (Object value : map.values()) {
                Values.markShared(value);
            }
        } else {
            for (int i = 0; i < size; i++) {
                Values.markShared(values[i]);
            }
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
        if (map == null) {
            int i = indexOf(key);
            if (i >= 0) {
                values[i] = value;
                return;
            }
            if (size < SMALL) {
                append(key, value);
            } else {
                toMap();
            }
        }
        if (map != null) {
            int before = map.size();
            map.put(key, value);
            if (map.size() > before) {
                checkGrowth(key);
            }
        } else {
            checkGrowth(key);
        }
    }

    private void append(String key, Object value) {
        if (size == keys.length) {
            int capacity = Math.min(SMALL, Math.max(4, size * 2));
            keys = Arrays.copyOf(keys, capacity);
            values = Arrays.copyOf(values, capacity);
        }
        keys[size] = key;
        values[size++] = value;
    }

    /** Moves the entries from the arrays into a map, in their order. */
    private void toMap() {
        LinkedHashMap<String, Object> entries = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            entries.put(keys[i], values[i]);
        }
        map = entries;
        keys = null;
        values = null;
        size = 0;
    }

    /** After {@code key} was added: takes it back and throws when the object is now over the budget's limit. */
    private void checkGrowth(String key) {
        int count = size();
        if (Budget.mayBeOverArrayLimit(count)) {
            try {
                Budget.checkObject(count);
            } catch (FlowThrow overLimit) {
                remove(key);
                throw overLimit;
            }
        }
    }

    public Object remove(String key) {
        assert shares == 0 : "mutating a shared object";
        if (map != null) {
            return map.remove(key);
        }
        int i = indexOf(key);
        if (i < 0) {
            return null;
        }
        Object old = values[i];
        int after = size - i - 1;
        System.arraycopy(keys, i + 1, keys, i, after);
        System.arraycopy(values, i + 1, values, i, after);
        size--;
        keys[size] = null;
        values[size] = null;
        return old;
    }

    /** Deep, strict equality, ignoring key order. */
    @Override
    public boolean equals(Object other) {
        return other instanceof FlowObject that && Values.strictEquals(this, that);
    }

    @Override
    public int hashCode() {
        return size();
    }

    @Override
    public String toString() {
        return Values.toDisplayString(this);
    }

    /**
     * The keys of an object kept in arrays, read-only; it reads the object's current arrays, and the object's
     * map if it has grown into one since.
     */
    private final class KeyView extends AbstractSet<String> {
        @Override
        public int size() {
            return FlowObject.this.size();
        }

        @Override
        public boolean contains(Object key) {
            return key instanceof String name && has(name);
        }

        @Override
        public Iterator<String> iterator() {
            if (map != null) {
                return Collections.unmodifiableSet(map.keySet()).iterator();
            }
            return new Cursor<>(i -> keys[i]);
        }
    }

    /** The entries of an object kept in arrays, read-only, as {@link KeyView} reads its keys. */
    private final class EntryView extends AbstractMap<String, Object> {
        @Override
        public int size() {
            return FlowObject.this.size();
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String name && has(name);
        }

        @Override
        public Object get(Object key) {
            return key instanceof String name ? FlowObject.this.get(name) : null;
        }

        @Override
        public Set<String> keySet() {
            return keys();
        }

        @Override
        public Collection<Object> values() {
            if (map != null) {
                return Collections.unmodifiableCollection(map.values());
            }
            // not a set to its users: unmodifiableCollection compares by identity, as a map's values do
            return Collections.unmodifiableCollection(new Cells<>(i -> values[i]));
        }

        @Override
        public Set<Map.Entry<String, Object>> entrySet() {
            if (map != null) {
                return Collections.unmodifiableMap(map).entrySet();
            }
            return new Cells<>(i -> new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]));
        }
    }

    /** What {@code at} makes of each of the arrays' cells, read-only. */
    private final class Cells<T> extends AbstractSet<T> {
        private final IntFunction<T> at;

        Cells(IntFunction<T> at) {
            this.at = at;
        }

        @Override
        public int size() {
            return FlowObject.this.size();
        }

        @Override
        public Iterator<T> iterator() {
            return new Cursor<>(at);
        }
    }

    /** Walks the arrays' cells in order; read-only. Ends early if the object grows into a map meanwhile. */
    private final class Cursor<T> implements Iterator<T> {
        private final IntFunction<T> at;
        private int next;

        Cursor(IntFunction<T> at) {
            this.at = at;
        }

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public T next() {
            if (next >= size) {
                throw new NoSuchElementException();
            }
            return at.apply(next++);
        }
    }
}
