package dev.rondo.core.internal.interp;

import dev.rondo.core.StoredText;
import dev.rondo.core.ast.Span;
import dev.rondo.core.internal.builtins.BuiltinFunction;
import dev.rondo.core.internal.builtins.Methods;
import dev.rondo.core.value.Budget;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowFunction;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Numbers;
import dev.rondo.core.value.Strings;
import dev.rondo.core.value.Values;
import java.time.Instant;
import dev.rondo.core.Attributes;
import dev.rondo.core.value.FlowObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Calls of built-in functions and methods. */
final class CallNodes {

    private CallNodes() {}

    /** Evaluates arguments left to right, expanding spread arrays. */
    static Object[] arguments(Frame f, XExpr[] args, boolean[] spread) {
        if (spread == null) {
            Object[] values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i].eval(f);
            }
            return values;
        }
        List<Object> values = new ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            if (spread[i]) {
                Object value = args[i].peek(f);
                if (!(value instanceof FlowArray items)) {
                    throw FlowThrow.typeError("Cannot spread " + Values.typeOf(value) + " into arguments; only arrays can be spread.")
                            .at(args[i].span);
                }
                Budget.checkArray((long) values.size() + items.size());
                Budget.charge(items.size());
                for (int j = 0; j < items.size(); j++) {
                    values.add(Values.markShared(items.get(j)));
                }
            } else {
                values.add(args[i].eval(f));
            }
        }
        return values.toArray();
    }

    /** Base for calls: the arguments and their spread marks ({@code null} when none is spread). */
    abstract static class Call extends XExpr {
        final XExpr[] args;
        final boolean[] spread;

        Call(Span span, XExpr[] args, boolean[] spread) {
            super(span);
            this.args = args;
            this.spread = spread;
        }

        Object[] arguments(Frame f) {
            return CallNodes.arguments(f, args, spread);
        }
    }

    static final class Builtin extends Call {
        private final BuiltinFunction function;

        Builtin(Span span, BuiltinFunction function, XExpr[] args, boolean[] spread) {
            super(span, args, spread);
            this.function = function;
        }

        @Override
        Object eval(Frame f) {
            Object[] values = arguments(f);
            try {
                return function.call(values);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }

        @Override
        Object peek(Frame f) {
            return eval(f);
        }

        @Override
        Object peekNumber(Frame f) {
            return f.number(eval(f));
        }
    }

    static final class Print extends Call {
        Print(Span span, XExpr[] args, boolean[] spread) {
            super(span, args, spread);
        }

        @Override
        Object eval(Frame f) {
            Object[] values = arguments(f);
            try {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) {
                        line.append(' ');
                    }
                    line.append(Values.toDisplayString(values[i]));
                    Strings.checkLength(line.length());
                }
                String text = line.toString();
                String problem = StoredText.textProblem("line to print", text);
                if (problem != null) {
                    throw FlowThrow.rangeError("print: " + Character.toLowerCase(problem.charAt(0)) + problem.substring(1));
                }
                f.m.log(text);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
            return null;
        }
    }

    /** {@code Context.setAttributes({k: v, …})}: checked here, merged into the execution's attributes at the commit. */
    static final class SetAttributes extends Call {
        SetAttributes(Span span, XExpr[] args, boolean[] spread) {
            super(span, args, spread);
        }

        @Override
        Object eval(Frame f) {
            Object[] values = arguments(f);
            try {
                if (values.length != 1 || !(values[0] instanceof FlowObject object)) {
                    throw FlowThrow.typeError("Context.setAttributes takes one object of string, number or boolean"
                            + " values, not " + (values.length == 1 ? Values.typeOf(values[0]) : values.length + " arguments") + ".");
                }
                if (object.size() > Attributes.MAX_KEYS) {
                    throw FlowThrow.rangeError("Context.setAttributes got " + object.size() + " keys; at most "
                            + Attributes.MAX_KEYS + " can be set at once.");
                }
                Map<String, String> attributes = new LinkedHashMap<>();
                for (String key : object.keys()) {
                    String problem = Attributes.keyProblem(key);
                    if (problem != null) {
                        throw FlowThrow.rangeError("Context.setAttributes: " + problem);
                    }
                    Object value = object.get(key);
                    if (!(value instanceof String || value instanceof Double || value instanceof Boolean)) {
                        throw FlowThrow.typeError("Context.setAttributes: the value of \"" + key + "\" is "
                                + Values.typeOf(value) + "; attributes are strings, numbers or booleans.");
                    }
                    String text = Values.toDisplayString(value);
                    problem = Attributes.valueProblem(key, text);
                    if (problem != null) {
                        throw FlowThrow.rangeError("Context.setAttributes: " + problem);
                    }
                    attributes.put(key, text);
                }
                f.m.setAttributes(attributes);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
            return null;
        }
    }

    static final class DateNow extends XExpr {
        DateNow(Span span) {
            super(span);
        }

        @Override
        Object eval(Frame f) {
            return (double) f.m.nowMillis;
        }
    }

    static final class DateIso extends XExpr {
        DateIso(Span span) {
            super(span);
        }

        @Override
        Object eval(Frame f) {
            return dev.rondo.core.Execution.isoMillis(f.m.nowMillis);
        }
    }

    static final class MathRandom extends XExpr {
        MathRandom(Span span) {
            super(span);
        }

        @Override
        Object eval(Frame f) {
            return ThreadLocalRandom.current().nextDouble();
        }
    }

    /** {@code receiver.name(args)} for a method that does not change its receiver, or a receiver that is no variable. */
    static final class Method extends Call {
        private final XExpr receiver;
        private final String name;
        private final boolean optional;
        private final boolean mutating;

        Method(Span span, XExpr receiver, String name, boolean optional, XExpr[] args, boolean[] spread) {
            super(span, args, spread);
            this.receiver = receiver;
            this.name = name;
            this.optional = optional;
            this.mutating = Methods.isMutating(name);
        }

        @Override
        Object peek(Frame f) {
            Object target = receiver.peek(f);
            if (target == AccessNodes.SKIPPED || (optional && target == null)) {
                return AccessNodes.SKIPPED;
            }
            Object[] values = arguments(f);
            try {
                if (target instanceof FlowObject object && object.get(name) instanceof FlowFunction fn) {
                    return Calls.invoke(f, fn, values, span);
                }
                if (target instanceof FlowArray array && CallbackMethods.handles(name)) {
                    return CallbackMethods.call(f, array, name, values, span);
                }
                if (mutating && target instanceof FlowArray array && name.equals("sort") && values.length > 0) {
                    FlowArray copy = array.copy();
                    CallbackMethods.sort(f, copy, values[0], span);
                    return copy.markShared();
                }
                if (mutating && target instanceof FlowArray array) {
                    // Not a variable (a literal, a call result): change a copy nobody else sees.
                    return Methods.callMutating(array.copy(), name, values);
                }
                return Methods.call(target, name, values);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }

        @Override
        Object eval(Frame f) {
            return Values.markShared(peek(f));
        }
    }

    /** {@code place.name(args)} for a method that changes an array held by a variable, such as {@code push}. */
    static final class MutatingMethod extends Call {
        private final Place place;
        private final String name;

        MutatingMethod(Span span, Place place, String name, XExpr[] args, boolean[] spread) {
            super(span, args, spread);
            this.place = place;
            this.name = name;
        }

        @Override
        Object eval(Frame f) {
            try {
                Object[] keys = place.depth() == 0 ? NO_KEYS : place.keys(f);
                Object current = place.depth() == 0 ? StringBuilding.read(f.slots[place.slot]) : place.read(f, keys);
                Object[] values = arguments(f);
                if (current instanceof FlowObject object && object.get(name) instanceof FlowFunction fn) {
                    return Calls.invoke(f, fn, values, span);
                }
                if (!(current instanceof FlowArray)) {
                    return Methods.call(current, name, values); // raises the right TypeError
                }
                FlowArray array = (FlowArray) place.writableTarget(f, keys);
                if (name.equals("sort") && values.length > 0) {
                    CallbackMethods.sort(f, array, values[0], span);
                    return array.markShared();
                }
                return Methods.callMutating(array, name, values);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    /**
     * {@code a.push(x)} on a local holding an array (the common case of {@link MutatingMethod}, which it
     * falls back to for anything else): no argument array, no lookup of the method by name, and no boxed
     * length when the statement drops it.
     */
    static final class Push extends XExpr {
        private final int slot;
        private final XExpr item;
        private final MutatingMethod general;
        private final boolean resultUsed;

        Push(Span span, int slot, XExpr item, MutatingMethod general, boolean resultUsed) {
            super(span);
            this.slot = slot;
            this.item = item;
            this.general = general;
            this.resultUsed = resultUsed;
        }

        @Override
        Object peek(Frame f) {
            return eval(f);
        }

        /** The same call where the value of the expression is not used (an expression statement). */
        Push discardingResult() {
            return new Push(span, slot, item, general, false);
        }

        @Override
        Object eval(Frame f) {
            if (!(f.slots[slot] instanceof FlowArray)) {
                return general.eval(f);
            }
            try {
                // Evaluating the argument cannot change this frame's variables (assignments are statements,
                // and helpers and arrows have frames of their own), so the slot still holds that array.
                Object value = item.eval(f);
                FlowArray array = (FlowArray) f.slots[slot];
                FlowArray writable = array.writable();
                if (writable != array) {
                    f.slots[slot] = writable;
                }
                f.budget.spend(1);
                writable.add(Values.markShared(value));
                return resultUsed ? Numbers.box(writable.size()) : null;
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    private static final Object[] NO_KEYS = new Object[0];
}
