package dev.rondo.core.value;

/** Flow values to and from JSON text: compact output, object key order kept, numbers as JavaScript writes them. */
public final class Json {

    private Json() {}

    /** Compact JSON text of a Flow value; a promise raises {@code TypeError}. */
    public static String write(Object value) {
        throw new UnsupportedOperationException("provided by the built-ins work");
    }

    /** Writes a Flow value exactly (-0 kept), for checkpoints. */
    public static void writeValue(com.fasterxml.jackson.core.JsonGenerator generator, Object value) throws java.io.IOException {
        throw new UnsupportedOperationException("provided by the built-ins work");
    }

    /** Reads a Flow value written by {@link #writeValue}; the parser stands on the value's first token. */
    public static Object readValue(com.fasterxml.jackson.core.JsonParser parser) throws java.io.IOException {
        throw new UnsupportedOperationException("provided by the built-ins work");
    }

    /** Parses JSON text into Flow values; bad text raises {@code SyntaxError}. */
    public static Object parse(String text) {
        throw new UnsupportedOperationException("provided by the built-ins work");
    }
}
