package dev.rondo.core.internal.builtins;

import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Numbers;
import dev.rondo.core.value.Values;

/**
 * Argument checks shared by the built-in functions and methods. {@code label} names the callee in messages:
 * {@code 'slice'} (quoted) for a method, {@code Math.floor} for a function.
 *
 * <p>Flow has no {@code undefined}, so an optional argument given as {@code null} counts as left out.
 */
final class Args {

    private Args() {}

    /** Raises {@code TypeError} unless {@code min ≤ args.length ≤ max} ({@code max} may be {@link BuiltinCatalog.Arity#VARIADIC}). */
    static void count(String label, Object[] args, int min, int max) {
        if (args.length < min || args.length > max) {
            throw wrongCount(label, new BuiltinCatalog.Arity(min, max), args.length);
        }
    }

    /** "'trim' takes 0 arguments, not 1." */
    static FlowThrow wrongCount(String label, BuiltinCatalog.Arity arity, int given) {
        return FlowThrow.typeError(label + " takes " + arity.describe() + ", not " + given + ".");
    }

    static boolean given(Object[] args, int index) {
        return index < args.length && args[index] != null;
    }

    static double number(String label, Object[] args, int index) {
        Object value = index < args.length ? args[index] : null;
        if (value instanceof Double d) {
            return d;
        }
        throw wrongType(label, index, "a number", value);
    }

    static String string(String label, Object[] args, int index) {
        Object value = index < args.length ? args[index] : null;
        if (value instanceof String s) {
            return s;
        }
        throw wrongType(label, index, "a string", value);
    }

    /** An optional string argument, or {@code fallback} when it is left out. */
    static String string(String label, Object[] args, int index, String fallback) {
        return given(args, index) ? string(label, args, index) : fallback;
    }

    /**
     * A whole-number argument, kept as a double so that huge values clamp correctly; {@code fallback} when
     * it is left out. A fraction raises {@code TypeError}, as an index {@code a[1.5]} does.
     */
    static double integer(String label, Object[] args, int index, double fallback) {
        if (!given(args, index)) {
            return fallback;
        }
        double value = number(label, args, index);
        if (!Numbers.isInteger(value)) {
            throw FlowThrow.typeError("Argument " + (index + 1) + " of " + label + " must be a whole number, not "
                    + Numbers.toString(value) + ".");
        }
        return value;
    }

    /**
     * JavaScript's relative index (slice, at, includes): a negative {@code position} counts from the end, and
     * the result is clamped to {@code 0 … length}.
     */
    static int relative(double position, int length) {
        if (position < 0) {
            return (int) Math.max(length + position, 0);
        }
        return (int) Math.min(position, length);
    }

    /** {@code position} clamped to {@code 0 … length} (substring, startsWith). */
    static int clamp(double position, int length) {
        return (int) Math.max(0, Math.min(position, length));
    }

    /** "Argument 1 of 'slice' must be a number, not string." */
    static FlowThrow wrongType(String label, int index, String expected, Object actual) {
        return FlowThrow.typeError("Argument " + (index + 1) + " of " + label + " must be " + expected + ", not "
                + Values.typeOf(actual) + ".");
    }
}
