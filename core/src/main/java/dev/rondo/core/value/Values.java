package dev.rondo.core.value;

import java.util.Iterator;

/** The rules every Flow value follows: type names, truthiness, equality, ordering and string conversion. */
public final class Values {

    private Values() {}

    /** Marks a container as reachable from more than one place (see {@link FlowArray}); other values are immutable. */
    public static Object markShared(Object value) {
        if (value instanceof FlowArray array) {
            array.markShared();
        } else if (value instanceof FlowObject object) {
            object.markShared();
        }
        return value;
    }

    /** What {@code typeof} gives: null, boolean, number, string, array, object or promise. */
    public static String typeOf(Object value) {
        return switch (value) {
            case null -> "null";
            case Boolean b -> "boolean";
            case Double d -> "number";
            case String s -> "string";
            case FlowArray a -> "array";
            case FlowObject o -> "object";
            case PromiseRef p -> "promise";
            case FlowFunction fn -> "function";
            default -> throw new IllegalArgumentException("not a Flow value: " + value.getClass().getName());
        };
    }

    /** {@code false}, {@code null}, {@code 0}, {@code -0} and {@code ""} are falsy; everything else is truthy. */
    public static boolean isTruthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Double d) {
            return d != 0.0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        return true;
    }

    /**
     * {@code ==} and {@code ===}: strict deep equality with no coercion. Numbers compare by value
     * ({@code 0 == -0}), arrays element by element, objects by their key sets and values (key order does
     * not matter), promises by identity.
     */
    public static boolean strictEquals(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof FlowArray || a instanceof FlowObject) {
            return DeepEquality.equal(a, b);
        }
        if (a instanceof String s && b instanceof String t) {
            if (s.length() != t.length()) {
                return false;
            }
            Budget.chargeScan(s.length());
            return s.equals(t);
        }
        // Booleans and promise references are value-equal records or boxed values.
        return a.getClass() == b.getClass() && a.equals(b);
    }

    /**
     * The order {@code sort()} uses: numbers numerically ({@code -0} equal to {@code 0}), strings by UTF-16
     * code units. Any other pair raises {@code TypeError}.
     */
    public static int compare(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            double p = x;
            double q = y;
            return p < q ? -1 : p > q ? 1 : 0;
        }
        if (a instanceof String s && b instanceof String t) {
            Budget.chargeScan(Math.min(s.length(), t.length()));
            return s.compareTo(t);
        }
        throw FlowThrow.typeError("Cannot compare " + typeOf(a) + " and " + typeOf(b) + ".");
    }

    /**
     * String conversion for {@code +} with a string, template literals, {@code String(x)} and {@code print}:
     * {@code null} → {@code "null"}, numbers as JavaScript prints them, arrays and objects as compact JSON,
     * a promise as {@code "[promise]"} (also inside an array or object, where JSON has no word for it).
     */
    public static String toDisplayString(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> s;
            case Boolean b -> b ? "true" : "false";
            case Double d -> Numbers.toString(d);
            case PromiseRef p -> "[promise]";
            case FlowFunction fn -> fn.toString();
            case FlowArray a -> JsonText.display(a);
            case FlowObject o -> JsonText.display(o);
            default -> throw new IllegalArgumentException("not a Flow value: " + value.getClass().getName());
        };
    }

    /**
     * {@link #toDisplayString} cut after {@code limit} characters (ending in {@code …} when cut), for messages:
     * computing it costs at most about {@code limit} characters, whatever the value.
     */
    public static String toDisplayPreview(Object value, int limit) {
        if (value instanceof String s) {
            return s.length() > limit ? s.substring(0, limit) + "…" : s;
        }
        if (value instanceof FlowArray || value instanceof FlowObject) {
            return JsonText.preview(value, limit);
        }
        return toDisplayString(value);
    }

    /** Iterates the values of an array or the values of an object, for combinators that take either. */
    public static Iterator<Object> elements(Object container) {
        if (container instanceof FlowArray array) {
            return array.view().iterator();
        }
        return ((FlowObject) container).view().values().iterator();
    }
}
