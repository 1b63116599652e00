package dev.rondo.core.value;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Writes a Flow value to a Jackson generator so that {@link JsonReader} (in exact mode) gets back exactly the same
 * value: {@code -0} stays {@code -0.0}, every other number is its shortest round-trip text, strings with
 * lone surrogates are escaped (UTF-8 cannot carry them raw), and the two things JSON has no word for are
 * tagged:
 * <ul>
 *   <li>a promise is {@code {"$promise": id}};
 *   <li>an object whose first key starts with {@code $} (so that it is never mistaken for a tag), or that has a
 *       key with a lone surrogate (which Jackson refuses in a field name, escaped or not), is written as
 *       {@code {"$entries": [[key, value], …]}}.
 * </ul>
 */
final class ExactJsonWriter extends ValueWalker {

    static final String PROMISE_TAG = "$promise";
    static final String FUNCTION_TAG = "$function";
    static final String ENTRIES_TAG = "$entries";

    private final JsonGenerator out;
    /** For each object being written, innermost first: whether it is written as {@code $entries}. */
    private final ArrayDeque<Boolean> asEntries = new ArrayDeque<>();

    ExactJsonWriter(JsonGenerator out) {
        this.out = out;
    }

    private static boolean needsEntries(FlowObject object) {
        boolean first = true;
        for (String key : object.keys()) {
            if ((first && key.startsWith("$")) || JsonText.hasLoneSurrogate(key)) {
                return true;
            }
            first = false;
        }
        return false;
    }

    @Override
    void scalar(Object value) throws IOException {
        switch (value) {
            case null -> out.writeNull();
            case Boolean b -> out.writeBoolean(b);
            case Double d -> {
                double number = d;
                if (number == 0 && Double.doubleToRawLongBits(number) != 0) {
                    out.writeNumber("-0.0");
                } else {
                    out.writeNumber(Numbers.toString(number));
                }
            }
            case String s -> {
                if (JsonText.hasLoneSurrogate(s)) {
                    out.writeString(new Escaped(s));
                } else {
                    out.writeString(s);
                }
            }
            case FlowFunction fn -> {
                out.writeStartObject();
                out.writeFieldName(FUNCTION_TAG);
                out.writeStartArray();
                out.writeNumber(fn.index());
                for (Object capture : fn.captures()) {
                    new ExactJsonWriter(out).walk(capture);
                }
                out.writeEndArray();
                out.writeEndObject();
            }
            case PromiseRef p -> {
                out.writeStartObject();
                out.writeFieldName(PROMISE_TAG);
                out.writeNumber(p.id());
                out.writeEndObject();
            }
            default -> throw new IllegalArgumentException("not a Flow value: " + value.getClass().getName());
        }
    }

    @Override
    void startArray(FlowArray array) throws IOException {
        out.writeStartArray();
    }

    @Override
    void element(int index) {}

    @Override
    void endArray(FlowArray array) throws IOException {
        out.writeEndArray();
    }

    @Override
    void startObject(FlowObject object) throws IOException {
        boolean entries = needsEntries(object);
        asEntries.push(entries);
        out.writeStartObject();
        if (entries) {
            out.writeFieldName(ENTRIES_TAG);
            out.writeStartArray();
        }
    }

    @Override
    void key(String key, int index) throws IOException {
        if (!asEntries.element()) {
            out.writeFieldName(key);
            return;
        }
        if (index > 0) {
            out.writeEndArray();
        }
        out.writeStartArray();
        scalar(key);
    }

    @Override
    void endObject(FlowObject object) throws IOException {
        if (asEntries.pop()) {
            if (object.size() > 0) {
                out.writeEndArray();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    /**
     * A string value the generator writes from our own escaping, with lone surrogates as <code>&#92;ud800</code>;
     * Jackson would pass them through raw (into a Writer) or refuse them (into UTF-8 bytes).
     */
    private static final class Escaped implements SerializableString {
        private final String value;
        private final String quoted;

        Escaped(String value) {
            this.value = value;
            StringBuilder text = new StringBuilder(value.length() + 16);
            JsonText.appendEscaped(text, value);
            this.quoted = text.toString();
        }

        @Override
        public String getValue() {
            return value;
        }

        @Override
        public int charLength() {
            return value.length();
        }

        @Override
        public char[] asQuotedChars() {
            return quoted.toCharArray();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] asQuotedUTF8() {
            return quoted.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return copy(asQuotedUTF8(), buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return copy(quoted, buffer, offset);
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            return copy(asUnquotedUTF8(), buffer, offset);
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            return copy(value, buffer, offset);
        }

        @Override
        public int writeQuotedUTF8(OutputStream stream) throws IOException {
            byte[] bytes = asQuotedUTF8();
            stream.write(bytes);
            return bytes.length;
        }

        @Override
        public int writeUnquotedUTF8(OutputStream stream) throws IOException {
            byte[] bytes = asUnquotedUTF8();
            stream.write(bytes);
            return bytes.length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            return put(asQuotedUTF8(), buffer);
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            return put(asUnquotedUTF8(), buffer);
        }

        @Override
        public String toString() {
            return value;
        }

        /** Jackson's contract: copy when it fits, else return -1 and write nothing. */
        private static int copy(byte[] bytes, byte[] buffer, int offset) {
            if (offset + bytes.length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        }

        private static int copy(String text, char[] buffer, int offset) {
            if (offset + text.length() > buffer.length) {
                return -1;
            }
            text.getChars(0, text.length(), buffer, offset);
            return text.length();
        }

        private static int put(byte[] bytes, ByteBuffer buffer) {
            if (bytes.length > buffer.remaining()) {
                return -1;
            }
            buffer.put(bytes);
            return bytes.length;
        }
    }
}
