package dev.rondo.core.value;

/**
 * The arithmetic and comparison operators of LANGUAGE.md §4, for the interpreter's hot path. Each checks
 * the number-with-number case first and allocates nothing but the boxed result there; the other cases and
 * the errors live in separate methods so the fast path stays small enough to inline.
 *
 * <p>No coercion: {@code +} concatenates when either side is a string, otherwise every operator needs
 * numbers (comparisons also take two strings). No result is ever NaN or ±Infinity: those raise
 * {@code RangeError}.
 */
public final class Operators {

    private Operators() {}

    public static Object add(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return finite(x + y, "+");
        }
        return addOther(a, b);
    }

    private static Object addOther(Object a, Object b) {
        if (a instanceof String s) {
            return Strings.concat(s, b instanceof String t ? t : Values.toDisplayString(b));
        }
        if (b instanceof String t) {
            return Strings.concat(Values.toDisplayString(a), t);
        }
        throw cannotApply("+", a, b);
    }

    public static Object subtract(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return finite(x - y, "-");
        }
        throw cannotApply("-", a, b);
    }

    public static Object multiply(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return finite(x * y, "*");
        }
        throw cannotApply("*", a, b);
    }

    public static Object divide(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            double divisor = y;
            if (divisor == 0) {
                throw divisionByZero();
            }
            return finite(x / divisor, "/");
        }
        throw cannotApply("/", a, b);
    }

    /** {@code %} keeps the sign of the dividend, as in JavaScript (and Java). */
    public static Object remainder(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            double divisor = y;
            if (divisor == 0) {
                throw divisionByZero();
            }
            return x % divisor;
        }
        throw cannotApply("%", a, b);
    }

    public static Object power(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return power(x.doubleValue(), y.doubleValue(), "**");
        }
        throw cannotApply("**", a, b);
    }

    /**
     * JavaScript's Number::exponentiate on finite operands (Java's {@link Math#pow} agrees there), for
     * {@code **} and {@code Math.pow} (named by {@code operation} in errors). Zero to a negative power is a
     * division by zero; a negative base to a fractional power has no real result.
     */
    public static double power(double base, double exponent, String operation) {
        double result = Math.pow(base, exponent);
        if (Double.isFinite(result)) {
            return result;
        }
        if (Double.isNaN(result)) {
            throw FlowThrow.rangeError("The result of '" + operation + "' is not a real number.");
        }
        if (base == 0) {
            throw divisionByZero();
        }
        throw tooLarge(operation);
    }

    /** Unary {@code -}. */
    public static Object negate(Object a) {
        if (a instanceof Double x) {
            return -x;
        }
        throw cannotApplyUnary("-", a);
    }

    /** Unary {@code +}: the number itself; anything else is a {@code TypeError}. */
    public static Object plus(Object a) {
        if (a instanceof Double) {
            return a;
        }
        throw cannotApplyUnary("+", a);
    }

    public static boolean lessThan(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() < y.doubleValue();
        }
        return compareOther(a, b, "<") < 0;
    }

    public static boolean lessOrEqual(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() <= y.doubleValue();
        }
        return compareOther(a, b, "<=") <= 0;
    }

    public static boolean greaterThan(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() > y.doubleValue();
        }
        return compareOther(a, b, ">") > 0;
    }

    public static boolean greaterOrEqual(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return x.doubleValue() >= y.doubleValue();
        }
        return compareOther(a, b, ">=") >= 0;
    }

    /** Two strings by UTF-16 code units (what {@link String#compareTo} does); anything else is an error. */
    private static int compareOther(Object a, Object b, String operator) {
        if (a instanceof String s && b instanceof String t) {
            Budget.chargeScan(Math.min(s.length(), t.length()));
            return s.compareTo(t);
        }
        throw cannotApply(operator, a, b);
    }

    /** {@code value} boxed, or a {@code RangeError} when the operation overflowed. */
    private static Double finite(double value, String operator) {
        if (Math.abs(value) <= Double.MAX_VALUE) {
            return value;
        }
        throw tooLarge(operator);
    }

    /** "Division by zero", worded as LANGUAGE.md §4 gives it, for {@code x / 0}, {@code x % 0} and {@code 0 ** -1}. */
    public static FlowThrow divisionByZero() {
        return FlowThrow.rangeError("Division by zero");
    }

    /** The {@code RangeError} for a result beyond the largest double. */
    public static FlowThrow tooLarge(String operation) {
        return FlowThrow.rangeError("The result of '" + operation + "' is too large to be a number.");
    }

    /** "Cannot apply '-' to string and number." */
    public static FlowThrow cannotApply(String operator, Object a, Object b) {
        return FlowThrow.typeError("Cannot apply '" + operator + "' to " + Values.typeOf(a) + " and "
                + Values.typeOf(b) + ".");
    }

    /** "Cannot apply unary '-' to string." */
    public static FlowThrow cannotApplyUnary(String operator, Object a) {
        return FlowThrow.typeError("Cannot apply unary '" + operator + "' to " + Values.typeOf(a) + ".");
    }
}
