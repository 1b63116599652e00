package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Values;

/**
 * Where an assignment or a mutating method writes: a local variable and a path of keys into it
 * ({@code o.a[i].b}). Writing copies every shared container on the way (copy-on-write) and stores the
 * copies back, so no other variable sees the change.
 */
final class Place {

    final int slot;
    /** Per step: a fixed property name, or null when {@link #keyExprs} has the step's expression. */
    private final String[] names;
    private final XExpr[] keyExprs;
    private final Span[] spans;

    Place(int slot, String[] names, XExpr[] keyExprs, Span[] spans) {
        this.slot = slot;
        this.names = names;
        this.keyExprs = keyExprs;
        this.spans = spans;
    }

    int depth() {
        return names.length;
    }

    /** Evaluates the computed keys, left to right, before the value is evaluated. */
    Object[] keys(Frame f) {
        Object[] keys = new Object[names.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = names[i] != null ? names[i] : keyExprs[i].peek(f);
        }
        return keys;
    }

    /** The current value at this place (for compound assignment). */
    Object read(Frame f, Object[] keys) {
        Object value = StringBuilding.read(f.slots[slot]);
        for (int i = 0; i < keys.length; i++) {
            value = AccessNodes.index(value, keys[i], spans[i]);
        }
        return value;
    }

    void write(Frame f, Object[] keys, Object value) {
        if (keys.length == 0) {
            f.slots[slot] = value;
            return;
        }
        Object container = writableRoot(f);
        for (int i = 0; i < keys.length - 1; i++) {
            container = writableChild(container, keys[i], spans[i]);
        }
        set(container, keys[keys.length - 1], value, spans[keys.length - 1]);
    }

    /** The container at this place, unshared and stored back, ready to be changed in place. */
    Object writableTarget(Frame f, Object[] keys) {
        Object container = writableRoot(f);
        for (int i = 0; i < keys.length; i++) {
            container = writableChild(container, keys[i], spans[i]);
        }
        return container;
    }

    private Object writableRoot(Frame f) {
        Object root = StringBuilding.read(f.slots[slot]);
        Object writable = writable(root);
        if (writable != root) {
            f.slots[slot] = writable;
        }
        return writable;
    }

    private static Object writable(Object value) {
        if (value instanceof FlowArray array) {
            return array.writable();
        }
        if (value instanceof FlowObject object) {
            return object.writable();
        }
        return value;
    }

    private static Object writableChild(Object container, Object key, Span span) {
        Object child = AccessNodes.index(container, key, span);
        Object writable = writable(child);
        if (writable != child) {
            set(container, key, writable, span);
        }
        return writable;
    }

    static void set(Object container, Object key, Object value, Span span) {
        if (container instanceof FlowObject object) {
            object.put(ValueNodes.keyOf(key, span), value);
        } else if (container instanceof FlowArray array) {
            int i = AccessNodes.arrayIndex(key, span);
            if (i >= 0 && i < array.size()) {
                array.set(i, value);
            } else if (i == array.size()) {
                array.add(value);
            } else {
                throw FlowThrow.rangeError("Index " + Values.toDisplayString(key) + " is out of range for an array of length "
                        + array.size() + "; only 0 to " + array.size() + " can be assigned.").at(span);
            }
        } else {
            throw FlowThrow.typeError("Cannot set property '" + Values.toDisplayString(key) + "' of "
                    + Values.typeOf(container) + ".").at(span);
        }
    }
}
