package dev.rondo.core.value;

/** Flow values to and from JSON text: compact output, object key order kept, numbers as JavaScript writes them. */
public final class Json {

    private Json() {}

    /** Compact JSON text of a Flow value; a promise raises {@code TypeError}. */
    public static String write(Object value) {
        throw new UnsupportedOperationException("provided by the built-ins work");
    }

    /** Parses JSON text into Flow values; bad text raises {@code SyntaxError}. */
    public static Object parse(String text) {
        throw new UnsupportedOperationException("provided by the built-ins work");
    }
}
