package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;
import dev.rondo.core.value.FlowFunction;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Values;

/** Function values and calls of them (LANGUAGE.md §8). */
final class FunctionNodes {

    private FunctionNodes() {}

    private static final Object[] NO_CAPTURES = new Object[0];

    /** An arrow: a function value holding copies of the variables it uses from around it. */
    static final class MakeArrow extends XExpr {
        private final int index;
        private final int[] sources;

        MakeArrow(Span span, int index, int[] sources) {
            super(span);
            this.index = index;
            this.sources = sources;
        }

        @Override
        Object eval(Frame f) {
            Object[] captures = sources.length == 0 ? NO_CAPTURES : new Object[sources.length];
            for (int i = 0; i < sources.length; i++) {
                captures[i] = Values.markShared(StringBuilding.read(f.slots[sources[i]]));
            }
            return new FlowFunction(index, null, captures);
        }
    }

    /** The name of a top-level function, used as a value or called. */
    static final class FunctionRef extends XExpr {
        private final FlowFunction function;

        FunctionRef(Span span, int index, String name) {
            super(span);
            this.function = new FlowFunction(index, name, NO_CAPTURES);
        }

        @Override
        Object eval(Frame f) {
            return function;
        }
    }

    /** A top-level constant read from inside a top-level function: the workflow body's variable. */
    static final class TopLocal extends XExpr {
        private final int slot;

        TopLocal(Span span, int slot) {
            super(span);
            this.slot = slot;
        }

        @Override
        Object eval(Frame f) {
            return Values.markShared(StringBuilding.read(f.m.mainFrame.slots[slot]));
        }

        @Override
        Object peek(Frame f) {
            return StringBuilding.read(f.m.mainFrame.slots[slot]);
        }
    }

    /** {@code callee(args)} where the callee is a function value (a top-level function, a variable holding one). */
    static final class CallValue extends CallNodes.Call {
        private final XExpr callee;
        private final String name;
        private final boolean optional;

        CallValue(Span span, XExpr callee, String name, boolean optional, XExpr[] args, boolean[] spread) {
            super(span, args, spread);
            this.callee = callee;
            this.name = name;
            this.optional = optional;
        }

        @Override
        Object eval(Frame f) {
            Object result = peek(f);
            return result == AccessNodes.SKIPPED ? result : Values.markShared(result);
        }

        @Override
        Object peek(Frame f) {
            Object target = callee.peek(f);
            if (target == AccessNodes.SKIPPED || (optional && target == null)) {
                return AccessNodes.SKIPPED; // f?.(x) on null: the rest of the chain is skipped
            }
            Object[] values = arguments(f);
            if (!(target instanceof FlowFunction function)) {
                throw FlowThrow.typeError((name == null ? "The callee" : "'" + name + "'") + " is a "
                        + Values.typeOf(target) + ", not a function; only functions can be called.").at(span);
            }
            return Calls.invoke(f, function, values, span);
        }
    }
}
