package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Values;

/** Binding a value to a {@code let}/{@code const}, loop or catch pattern, destructuring as needed. */
final class PatternNodes {

    private PatternNodes() {}

    abstract static class XPattern {
        final Span span;

        XPattern(Span span) {
            this.span = span;
        }

        abstract void bind(Frame f, Object value);
    }

    static final class Name extends XPattern {
        final int slot;

        Name(Span span, int slot) {
            super(span);
            this.slot = slot;
        }

        @Override
        void bind(Frame f, Object value) {
            f.slots[slot] = value;
        }
    }

    /** One destructured part: the key or index it reads, where it goes, and its default. */
    record Part(String key, XPattern target, XExpr defaultValue) {}

    static final class ObjectPattern extends XPattern {
        private final Part[] parts;

        ObjectPattern(Span span, Part[] parts) {
            super(span);
            this.parts = parts;
        }

        @Override
        void bind(Frame f, Object value) {
            if (value == null) {
                throw FlowThrow.typeError("Cannot destructure null as an object.").at(span);
            }
            for (Part part : parts) {
                Object item = value instanceof FlowObject object ? object.get(part.key())
                        : AccessNodes.property(value, part.key(), span);
                if (item == null && part.defaultValue() != null) {
                    item = part.defaultValue().eval(f);
                }
                part.target().bind(f, Values.markShared(item));
            }
        }
    }

    static final class ArrayPattern extends XPattern {
        /** A null target is a hole. */
        private final Part[] parts;

        ArrayPattern(Span span, Part[] parts) {
            super(span);
            this.parts = parts;
        }

        @Override
        void bind(Frame f, Object value) {
            if (!(value instanceof FlowArray array)) {
                throw FlowThrow.typeError("Cannot destructure " + Values.typeOf(value) + " as an array.").at(span);
            }
            for (int i = 0; i < parts.length; i++) {
                Part part = parts[i];
                if (part == null) {
                    continue;
                }
                Object item = i < array.size() ? array.get(i) : null;
                if (item == null && part.defaultValue() != null) {
                    item = part.defaultValue().eval(f);
                }
                part.target().bind(f, Values.markShared(item));
            }
        }
    }
}
