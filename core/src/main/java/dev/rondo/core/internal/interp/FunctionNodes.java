package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowFunction;
import dev.rondo.core.value.FlowObject;
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
        final FlowFunction function;

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
        final XExpr callee;
        private final String name;
        private final boolean optional;

        CallValue(Span span, XExpr callee, String name, boolean optional, XExpr[] args, boolean[] spread) {
            super(span, args, spread);
            this.callee = callee;
            this.name = name;
            this.optional = optional;
            boolean any = false;
            for (XExpr arg : args) {
                any |= arg instanceof ValueNodes.Local;
            }
            this.readsVariables = spread == null && any;
        }

        /** Whether some argument is a variable read straight (and no argument is spread): see {@link #release}. */
        private final boolean readsVariables;

        @Override
        Object eval(Frame f) {
            Object result = peek(f);
            return result == AccessNodes.SKIPPED ? result : Values.markShared(result);
        }

        @Override
        Object peekNumber(Frame f) {
            return f.number(peek(f));
        }

        @Override
        Object peek(Frame f) {
            Object target = callee.peek(f);
            if (target == AccessNodes.SKIPPED || (optional && target == null)) {
                return AccessNodes.SKIPPED; // f?.(x) on null: the rest of the chain is skipped
            }
            int[] before = readsVariables ? new int[args.length] : null;
            Object[] values = before == null ? arguments(f) : borrowedArguments(f, before);
            if (!(target instanceof FlowFunction function)) {
                throw FlowThrow.typeError((name == null ? "The callee" : "'" + name + "'") + " is a "
                        + Values.typeOf(target) + ", not a function; only functions can be called.").at(span);
            }
            Object result = Calls.invoke(f, function, values, span);
            if (before != null) {
                release(values, before, Calls.argumentsReleasedWithCall(f.m, function));
            }
            return result;
        }

        /**
         * The arguments, left to right, noting for each container read straight from a variable how many shared
         * marks it had before its read ({@code -1} for the others).
         */
        private Object[] borrowedArguments(Frame f, int[] before) {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                before[i] = args[i] instanceof ValueNodes.Local ? shares(args[i].peek(f)) : -1;
                values[i] = args[i].eval(f);
            }
            return values;
        }

        /**
         * After a call whose frame has ended: a container passed from a variable got exactly two marks, the
         * read of the variable and the parameter's binding, when nothing else took a reference to it during the
         * call (every new reference marks it: a copy into a variable, an element, a capture, the return value).
         * Both references are gone now, so the marks are taken back and the caller may change it in place again;
         * otherwise a loop that passes an array to a helper and then pushes to it would copy it every time.
         */
        private static void release(Object[] values, int[] before, int bound) {
            for (int i = 0; i < Math.min(bound, values.length); i++) {
                if (before[i] < 0) {
                    continue;
                }
                if (values[i] instanceof FlowArray array && array.shares() == before[i] + 2) {
                    array.restoreShares(before[i]);
                } else if (values[i] instanceof FlowObject object && object.shares() == before[i] + 2) {
                    object.restoreShares(before[i]);
                }
            }
        }

        private static int shares(Object value) {
            if (value instanceof FlowArray array) {
                return array.shares();
            }
            if (value instanceof FlowObject object) {
                return object.shares();
            }
            return -1;
        }
    }
}
