package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;
import dev.rondo.core.value.Budget;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Numbers;
import dev.rondo.core.value.Strings;
import dev.rondo.core.value.Values;
import java.util.Map;
import java.util.function.Function;

/** Expressions that produce values directly: literals, variables, built-in values and literals of containers. */
final class ValueNodes {

    private ValueNodes() {}

    static final class Const extends XExpr {
        final Object value;

        Const(Span span, Object value) {
            super(span);
            this.value = value;
        }

        @Override
        Object eval(Frame f) {
            return value;
        }

        @Override
        Object peekNumber(Frame f) {
            if (value instanceof Double d) {
                f.number = d;
                return XExpr.NUMBER;
            }
            return value;
        }
    }

    static final class Local extends XExpr {
        final int slot;

        Local(Span span, int slot) {
            super(span);
            this.slot = slot;
        }

        @Override
        Object eval(Frame f) {
            Object value = StringBuilding.read(f.slots[slot]);
            if (value instanceof FlowArray || value instanceof FlowObject) {
                Values.markShared(value);
            }
            return value;
        }

        @Override
        Object peek(Frame f) {
            return StringBuilding.read(f.slots[slot]);
        }

        @Override
        Object peekNumber(Frame f) {
            Object value = f.slots[slot];
            // getClass() rather than instanceof: the JIT speculates on the classes an instanceof has seen, and
            // a counter holds a Double before its first ++ in every execution (see NumberCell).
            Class<?> type = value == null ? null : value.getClass();
            if (type == NumberCell.class) {
                f.number = ((NumberCell) value).value;
                return XExpr.NUMBER;
            }
            if (type == Double.class) {
                f.number = (Double) value;
                return XExpr.NUMBER;
            }
            return StringBuilding.read(value);
        }
    }

    /** {@code Inputs} or {@code Context}: values of the execution, not of a variable. */
    static final class ExecutionValue extends XExpr {
        private final Function<Machine, Object> value;

        ExecutionValue(Span span, Function<Machine, Object> value) {
            super(span);
            this.value = value;
        }

        @Override
        Object eval(Frame f) {
            return Values.markShared(value.apply(f.m));
        }

        @Override
        Object peek(Frame f) {
            return value.apply(f.m);
        }
    }

    static final class Template extends XExpr {
        private final String[] strings;
        private final XExpr[] exprs;

        Template(Span span, String[] strings, XExpr[] exprs) {
            super(span);
            this.strings = strings;
            this.exprs = exprs;
        }

        @Override
        Object eval(Frame f) {
            StringBuilder text = new StringBuilder(strings[0]);
            for (int i = 0; i < exprs.length; i++) {
                text.append(Values.toDisplayString(exprs[i].peek(f))).append(strings[i + 1]);
                try {
                    Strings.checkLength(text.length());
                } catch (FlowThrow t) {
                    throw t.at(span);
                }
            }
            Budget.chargeCharacters(text.length());
            return text.toString();
        }
    }

    static final class ArrayLiteral extends XExpr {
        private final XExpr[] elements;
        private final boolean[] spread;

        ArrayLiteral(Span span, XExpr[] elements, boolean[] spread) {
            super(span);
            this.elements = elements;
            this.spread = spread;
        }

        @Override
        Object eval(Frame f) {
            FlowArray array = new FlowArray(elements.length);
            for (int i = 0; i < elements.length; i++) {
                if (spread[i]) {
                    Object value = elements[i].peek(f);
                    if (!(value instanceof FlowArray items)) {
                        throw FlowThrow.typeError("Cannot spread " + Values.typeOf(value) + " into an array; only arrays can be spread.")
                                .at(elements[i].span);
                    }
                    Budget.charge(items.size());
                    for (int j = 0; j < items.size(); j++) {
                        array.add(Values.markShared(items.get(j)));
                    }
                } else {
                    array.add(elements[i].eval(f));
                }
            }
            return array;
        }
    }

    /** One member of an object literal: a fixed key, a computed key, or a spread. */
    record Member(String key, XExpr computedKey, XExpr value, boolean spread) {}

    static final class ObjectLiteral extends XExpr {
        private final Member[] members;

        ObjectLiteral(Span span, Member[] members) {
            super(span);
            this.members = members;
        }

        @Override
        Object eval(Frame f) {
            FlowObject object = new FlowObject();
            for (Member member : members) {
                if (member.spread()) {
                    spreadInto(object, member.value().peek(f), member.value().span);
                } else {
                    String key = member.key() != null ? member.key() : keyOf(member.computedKey().peek(f), member.computedKey().span);
                    object.put(key, member.value().eval(f));
                }
            }
            return object;
        }

        private static void spreadInto(FlowObject object, Object value, Span span) {
            if (value instanceof FlowObject source) {
                Budget.charge(source.size());
                for (Map.Entry<String, Object> e : source.view().entrySet()) {
                    object.put(e.getKey(), Values.markShared(e.getValue()));
                }
            } else if (value instanceof FlowArray source) {
                Budget.charge(source.size());
                for (int i = 0; i < source.size(); i++) {
                    object.put(Integer.toString(i), Values.markShared(source.get(i)));
                }
            } else if (value != null) {
                throw FlowThrow.typeError("Cannot spread " + Values.typeOf(value) + " into an object.").at(span);
            }
        }
    }

    /** An object key from a computed value: strings as they are, numbers as printed. */
    static String keyOf(Object key, Span span) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof Double d) {
            return Numbers.toString(d);
        }
        throw FlowThrow.typeError("An object key must be a string or a number, not " + Values.typeOf(key) + ".").at(span);
    }
}
