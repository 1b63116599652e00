package dev.rondo.core.value;

/** Placeholder until the built-ins work lands: numbers only. */
public final class Operators {
    private Operators() {}

    private static double num(Object o, String op) {
        if (o instanceof Double d) return d;
        throw FlowThrow.typeError("Cannot apply '" + op + "' to " + Values.typeOf(o) + ".");
    }

    private static Double check(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) throw FlowThrow.rangeError("Number overflow.");
        return d;
    }

    public static Object add(Object a, Object b) {
        if (a instanceof String || b instanceof String) return Values.toDisplayString(a) + Values.toDisplayString(b);
        return check(num(a, "+") + num(b, "+"));
    }
    public static Object subtract(Object a, Object b) { return check(num(a, "-") - num(b, "-")); }
    public static Object multiply(Object a, Object b) { return check(num(a, "*") * num(b, "*")); }
    public static Object divide(Object a, Object b) {
        double d = num(b, "/");
        if (d == 0) throw FlowThrow.rangeError("Division by zero");
        return check(num(a, "/") / d);
    }
    public static Object remainder(Object a, Object b) {
        double d = num(b, "%");
        if (d == 0) throw FlowThrow.rangeError("Division by zero");
        return check(num(a, "%") % d);
    }
    public static Object power(Object a, Object b) { return check(Math.pow(num(a, "**"), num(b, "**"))); }
    public static Object negate(Object a) { return -num(a, "-"); }
    public static Object plus(Object a) { return num(a, "+"); }
    private static int cmp(Object a, Object b, String op) {
        if (a instanceof Double x && b instanceof Double y) return Double.compare(x, y);
        if (a instanceof String x && b instanceof String y) return x.compareTo(y);
        throw FlowThrow.typeError("Cannot compare " + Values.typeOf(a) + " and " + Values.typeOf(b) + " with '" + op + "'.");
    }
    public static Object lessThan(Object a, Object b) { return cmp(a, b, "<") < 0; }
    public static Object lessOrEqual(Object a, Object b) { return cmp(a, b, "<=") <= 0; }
    public static Object greaterThan(Object a, Object b) { return cmp(a, b, ">") > 0; }
    public static Object greaterOrEqual(Object a, Object b) { return cmp(a, b, ">=") >= 0; }
}
