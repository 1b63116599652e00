package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;
import dev.rondo.core.internal.builtins.Methods;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Numbers;
import dev.rondo.core.value.Values;

/**
 * Property and index reads, and optional chains. Inside a chain, an optional link that meets {@code null}
 * returns {@link #SKIPPED}, which every later link passes on, until the chain's end turns it into
 * {@code null}: so {@code a?.b.c} is {@code null} when {@code a} is, without a Java exception.
 */
final class AccessNodes {

    private static final Object NUMBER = XExpr.NUMBER;

    /** Never a Flow value: it only travels between the links of one optional chain. */
    static final Object SKIPPED = new Object() {
        @Override
        public String toString() {
            return "<skipped>";
        }
    };

    private AccessNodes() {}

    /** Reads {@code base.name}. */
    static Object property(Object base, String name, Span span) {
        if (base instanceof FlowObject object) {
            return object.get(name);
        }
        try {
            return Methods.property(base, name);
        } catch (FlowThrow t) {
            throw t.at(span);
        }
    }

    /** Reads {@code base[index]}: arrays and strings by integer index (null out of range), objects by key. */
    static Object index(Object base, Object index, Span span) {
        if (base instanceof FlowArray array) {
            int i = arrayIndex(index, span);
            return i >= 0 && i < array.size() ? array.get(i) : null;
        }
        if (base instanceof String text) {
            int i = arrayIndex(index, span);
            return i >= 0 && i < text.length() ? String.valueOf(text.charAt(i)) : null;
        }
        if (base instanceof FlowObject object) {
            return object.get(ValueNodes.keyOf(index, span));
        }
        if (base == null) {
            throw FlowThrow.typeError("Cannot read property '" + Values.toDisplayString(index) + "' of null").at(span);
        }
        if (index instanceof String name) {
            return property(base, name, span);
        }
        throw FlowThrow.typeError("Cannot index a " + Values.typeOf(base) + ".").at(span);
    }

    /** An index into an array or string: an integer number; anything else is a TypeError. Far out of range gives -1. */
    static int arrayIndex(Object index, Span span) {
        if (index instanceof Double d) {
            double value = d;
            if (value == Math.rint(value)) {
                return value >= 0 && value <= Integer.MAX_VALUE ? (int) value : -1;
            }
            throw FlowThrow.typeError("An index must be an integer, not " + Numbers.toString(value) + ".").at(span);
        }
        throw FlowThrow.typeError("An index must be an integer number, not " + Values.typeOf(index) + ".").at(span);
    }

    static final class Member extends XExpr {
        final XExpr object;
        final String name;
        private final boolean optional;
        private final boolean length;
        /**
         * Where the key was in the last object read ({@link FlowObject#slot}): the objects one node reads mostly
         * have the same keys in the same order. Only a hint, checked at each read: executions of one program on
         * several threads may overwrite each other's without harm.
         */
        private int hint;

        Member(Span span, XExpr object, String name, boolean optional) {
            super(span);
            this.object = object;
            this.name = name;
            this.optional = optional;
            this.length = name.equals("length");
        }

        @Override
        Object peek(Frame f) {
            Object base = object.peek(f);
            if (base instanceof FlowObject o) {
                return read(o);
            }
            if (length && base instanceof FlowArray array) {
                return Numbers.box(array.size());
            }
            if (base == SKIPPED || (optional && base == null)) {
                return SKIPPED;
            }
            return property(base, name, span);
        }

        @Override
        Object peekNumber(Frame f) {
            if (length) {
                Object base = object.peek(f);
                if (base instanceof FlowArray array) {
                    f.number = array.size();
                    return NUMBER;
                }
                return f.number(base instanceof FlowObject o ? read(o)
                        : base == SKIPPED || (optional && base == null) ? SKIPPED : property(base, name, span));
            }
            return f.number(peek(f));
        }

        @Override
        Object eval(Frame f) {
            return Values.markShared(peek(f));
        }

        private Object read(FlowObject o) {
            int slot = o.slot(name, hint);
            if (slot < 0) {
                return o.get(name);
            }
            hint = slot;
            return o.valueAt(slot);
        }
    }

    /**
     * {@code Inputs.name}, read once per frame: the input never changes during an execution, and a loop's
     * bound is often one ({@code i < Inputs.n}), where a lookup by key on every pass would cost more than
     * the rest of the test. The value is kept in a slot of the frame that no scope names, so no checkpoint
     * saves it; a frame rebuilt from a checkpoint reads it again. A new frame is {@link #fill filled} at
     * once, so the read has no first-time branch that compiled code would have to leave (deoptimize) for
     * at the start of every execution.
     */
    static final class InputMember extends XExpr {
        /** What the cache slot holds when the input has no such key (an empty slot holds null). */
        private static final Object MISSING = new Object();

        private final String name;
        final int cacheSlot;

        InputMember(Span span, String name, int cacheSlot) {
            super(span);
            this.name = name;
            this.cacheSlot = cacheSlot;
        }

        /** Reads the value into a new frame, when the input is an object (otherwise the read raises the error). */
        void fill(Frame f) {
            if (f.m.inputs instanceof FlowObject o) {
                Object value = o.get(name);
                f.slots[cacheSlot] = value == null ? MISSING : value;
            }
        }

        @Override
        Object peek(Frame f) {
            Object cached = f.slots[cacheSlot];
            if (cached != null) {
                return cached == MISSING ? null : cached;
            }
            return property(f.m.inputs, name, span);
        }

        // Overridden, as in the other nodes on hot paths, so that the call to peek is not the shared,
        // megamorphic one of XExpr.peekNumber.
        @Override
        Object peekNumber(Frame f) {
            return f.number(peek(f));
        }

        @Override
        Object eval(Frame f) {
            return Values.markShared(peek(f));
        }
    }

    static final class Index extends XExpr {
        final XExpr object;
        final XExpr index;
        private final boolean optional;

        Index(Span span, XExpr object, XExpr index, boolean optional) {
            super(span);
            this.object = object;
            this.index = index;
            this.optional = optional;
        }

        @Override
        Object peek(Frame f) {
            Object base = object.peek(f);
            if (base == SKIPPED || (optional && base == null)) {
                return SKIPPED;
            }
            Object at = index.peekNumber(f);
            if (at == NUMBER) {
                double i = f.number;
                if (base instanceof FlowArray array && i >= 0 && i < array.size() && i == (int) i) {
                    return array.get((int) i);
                }
                at = i;
            }
            return AccessNodes.index(base, at, span);
        }

        @Override
        Object peekNumber(Frame f) {
            return f.number(peek(f));
        }

        @Override
        Object eval(Frame f) {
            return Values.markShared(peek(f));
        }
    }

    static final class OptionalChain extends XExpr {
        private final XExpr chain;

        OptionalChain(Span span, XExpr chain) {
            super(span);
            this.chain = chain;
        }

        @Override
        Object eval(Frame f) {
            Object value = chain.eval(f);
            return value == SKIPPED ? null : value;
        }

        @Override
        Object peek(Frame f) {
            Object value = chain.peek(f);
            return value == SKIPPED ? null : value;
        }
    }
}
