package dev.rondo.core.value;

/** Numbers printed and parsed as JavaScript does. */
public final class Numbers {

    private Numbers() {}

    /** JavaScript's Number::toString: {@code 5}, {@code 1.5}, {@code 1e+21}, {@code -0} → {@code "0"}. */
    public static String toString(double value) {
        if (value == (long) value && Math.abs(value) < 1e21) {
            return Long.toString((long) value);
        }
        return Double.toString(value); // refined by the built-ins work
    }
}
