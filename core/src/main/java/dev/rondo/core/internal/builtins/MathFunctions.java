package dev.rondo.core.internal.builtins;

import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Numbers;
import dev.rondo.core.value.Operators;

/** The pure members of {@code Math} (LANGUAGE.md §7), as JavaScript defines them but never giving NaN or ±Infinity. */
final class MathFunctions {

    private MathFunctions() {}

    static Object floor(Object[] args) {
        return Math.floor(Args.number("Math.floor", args, 0));
    }

    static Object ceil(Object[] args) {
        return Math.ceil(Args.number("Math.ceil", args, 0));
    }

    /** Towards zero; {@code trunc(-0.5)} is {@code -0}, as in JavaScript. */
    static Object trunc(Object[] args) {
        double x = Args.number("Math.trunc", args, 0);
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    /**
     * The nearest integer, halves toward +∞ ({@code round(2.5)} is 3, {@code round(-2.5)} is -2), keeping the
     * sign of zero ({@code round(-0.2)} is {@code -0}). Not {@code floor(x + 0.5)}, which gets
     * {@code 0.49999999999999994} wrong.
     */
    static Object round(Object[] args) {
        return round(Args.number("Math.round", args, 0));
    }

    static double round(double x) {
        if (Numbers.isInteger(x)) {
            return x;
        }
        double floor = Math.floor(x);
        double rounded = x - floor >= 0.5 ? floor + 1 : floor;
        return rounded == 0 && x < 0 ? -0.0 : rounded;
    }

    static Object abs(Object[] args) {
        return Math.abs(Args.number("Math.abs", args, 0));
    }

    static Object sign(Object[] args) {
        return Math.signum(Args.number("Math.sign", args, 0));
    }

    static Object min(Object[] args) {
        double result = Args.number("Math.min", args, 0);
        for (int i = 1; i < args.length; i++) {
            result = Math.min(result, Args.number("Math.min", args, i));
        }
        return result;
    }

    static Object max(Object[] args) {
        double result = Args.number("Math.max", args, 0);
        for (int i = 1; i < args.length; i++) {
            result = Math.max(result, Args.number("Math.max", args, i));
        }
        return result;
    }

    static Object pow(Object[] args) {
        return Operators.power(Args.number("Math.pow", args, 0), Args.number("Math.pow", args, 1), "Math.pow");
    }

    static Object sqrt(Object[] args) {
        double x = Args.number("Math.sqrt", args, 0);
        if (x < 0) {
            throw FlowThrow.rangeError("Math.sqrt needs a number that is not negative, not " + Numbers.toString(x) + ".");
        }
        return Math.sqrt(x);
    }

    static Object log(Object[] args) {
        double x = Args.number("Math.log", args, 0);
        if (x <= 0) {
            throw FlowThrow.rangeError("Math.log needs a positive number, not " + Numbers.toString(x) + ".");
        }
        return Math.log(x);
    }

    static Object exp(Object[] args) {
        double result = Math.exp(Args.number("Math.exp", args, 0));
        if (result == Double.POSITIVE_INFINITY) {
            throw Operators.tooLarge("Math.exp");
        }
        return result;
    }
}
