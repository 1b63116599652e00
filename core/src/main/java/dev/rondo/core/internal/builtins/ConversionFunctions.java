package dev.rondo.core.internal.builtins;

import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Numbers;
import dev.rondo.core.value.Values;

/**
 * The explicit conversions ({@code String}, {@code Number}, {@code Boolean}, {@code parseInt},
 * {@code parseFloat}) and the error constructors. Operators never convert; these are how a program does.
 */
final class ConversionFunctions {

    private ConversionFunctions() {}

    /** {@code String(v)}: the same text as {@code "" + v}. */
    static Object string(Object[] args) {
        return Values.toDisplayString(args[0]);
    }

    /**
     * {@code Number(v)}: numbers as they are, {@code true}/{@code false} as 1/0, {@code null} as 0, strings as
     * JavaScript reads them ({@code " 12 "}, {@code "0x1F"}, {@code "1e3"}, {@code ""} is 0). Text that is
     * not a number, and arrays, objects and promises, raise {@code RangeError}.
     */
    static Object number(Object[] args) {
        return switch (args[0]) {
            case Double d -> d;
            case null -> Numbers.box(0);
            case Boolean b -> Numbers.box(b ? 1 : 0);
            case String s -> Numbers.parseNumber(s);
            default -> throw FlowThrow.rangeError("Cannot convert " + Values.typeOf(args[0]) + " to a number.");
        };
    }

    /** {@code Boolean(v)}: whether {@code v} is truthy. */
    static Object bool(Object[] args) {
        return Values.isTruthy(args[0]);
    }

    /** {@code parseInt(s, radix?)}: the radix is truncated to an integer as in JavaScript; null or 0 mean the default. */
    static Object parseInt(Object[] args) {
        String text = textToParse("parseInt", args);
        int radix = 0;
        if (Args.given(args, 1)) {
            radix = toInt32(Args.number("parseInt", args, 1));
        }
        return Numbers.parseInt(text, radix);
    }

    static Object parseFloat(Object[] args) {
        return Numbers.parseFloat(textToParse("parseFloat", args));
    }

    /** The text a parse function reads: a string, or a number's JavaScript text ({@code parseInt(15.99)} is 15). */
    private static String textToParse(String label, Object[] args) {
        return switch (args[0]) {
            case String s -> s;
            case Double d -> Numbers.toString(d);
            case null, default -> throw Args.wrongType(label, 0, "a string", args[0]);
        };
    }

    /** JavaScript's ToInt32: truncate, then wrap modulo 2^32 into the signed range. */
    private static int toInt32(double value) {
        double truncated = value < 0 ? Math.ceil(value) : Math.floor(value);
        if (Math.abs(truncated) < 2147483648.0) {
            return (int) truncated;
        }
        double wrapped = truncated % 4294967296.0;
        return (int) (long) wrapped;
    }

    /** {@code Error(message?)} and {@code TypeError(message?)}: {@code {name, message}}, the message as text. */
    static Object error(String name, Object[] args) {
        String message = args.length == 0 ? "" : Values.toDisplayString(args[0]);
        return FlowThrow.errorObject(name, message);
    }
}
