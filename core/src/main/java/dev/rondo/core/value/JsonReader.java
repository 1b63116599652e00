package dev.rondo.core.value;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Builds Flow values from a Jackson token stream, with an explicit stack so that deep nesting cannot overflow
 * the Java stack. Containers come out fresh and unshared; numbers are doubles read from their exact text; a
 * duplicate key keeps its first position and its last value (what {@link FlowObject#put} does).
 *
 * <p>In exact mode it also undoes the tags of {@link ExactJsonWriter} ({@code $promise}, {@code $entries});
 * {@code JSON.parse} reads plain JSON, where such keys are ordinary.
 */
final class JsonReader {

    /** A container being filled, and the key its next value goes under when it is an object. */
    private static final class Frame {
        final FlowArray array;
        final FlowObject object;
        /** An object written as {@code {"$entries": [[key, value], …]}}: its key is null between pairs. */
        final boolean entries;
        /** The array of a {@code {"$function": [index, ...captures]}}. */
        boolean function;
        String key;

        Frame(FlowArray array) {
            this.array = array;
            this.object = null;
            this.entries = false;
        }

        Frame(FlowObject object, boolean entries) {
            this.array = null;
            this.object = object;
            this.entries = entries;
        }
    }

    private JsonReader() {}

    /**
     * Reads the value that starts at the parser's current token, leaving the parser on the value's last
     * token (as Jackson's deserializers do).
     */
    static Object read(JsonParser parser, boolean exact) throws IOException {
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        JsonToken token = parser.currentToken();
        while (true) {
            if (token == null) {
                throw new JsonParseException(parser, "Unexpected end-of-input: expected a value");
            }
            Frame top = stack.peek();
            Object value;
            if (top != null && top.entries && top.key == null) {
                if (token == JsonToken.END_ARRAY) {
                    expect(parser, JsonToken.END_OBJECT, "the end of an '$entries' object");
                    value = stack.pop().object;
                } else {
                    if (token != JsonToken.START_ARRAY || parser.nextToken() != JsonToken.VALUE_STRING) {
                        throw new JsonParseException(parser, "Expected a [key, value] pair in '$entries'");
                    }
                    top.key = parser.getText();
                    token = parser.nextToken();
                    continue;
                }
            } else {
                switch (token) {
                    case START_ARRAY -> {
                        stack.push(new Frame(new FlowArray()));
                        token = parser.nextToken();
                        continue;
                    }
                    case START_OBJECT -> {
                        token = parser.nextToken();
                        if (exact && token == JsonToken.FIELD_NAME && parser.currentName().startsWith("$")) {
                            String tag = parser.currentName();
                            if (tag.equals(ExactJsonWriter.PROMISE_TAG)) {
                                expect(parser, JsonToken.VALUE_NUMBER_INT, "the id of a '$promise'");
                                value = new PromiseRef(parser.getIntValue());
                                expect(parser, JsonToken.END_OBJECT, "the end of a '$promise'");
                                break;
                            }
                            if (tag.equals(ExactJsonWriter.FUNCTION_TAG)) {
                                expect(parser, JsonToken.START_ARRAY, "the index and captures of a '$function'");
                                Frame function = new Frame(new FlowArray());
                                function.function = true;
                                stack.push(function);
                                token = parser.nextToken();
                                continue;
                            }
                            if (!tag.equals(ExactJsonWriter.ENTRIES_TAG)) {
                                throw new JsonParseException(parser, "Unknown tag '" + tag + "' in an exact Flow value");
                            }
                            expect(parser, JsonToken.START_ARRAY, "the pairs of '$entries'");
                            stack.push(new Frame(new FlowObject(), true));
                            token = parser.nextToken();
                            continue;
                        }
                        stack.push(new Frame(new FlowObject(), false));
                        continue;
                    }
                    case FIELD_NAME -> {
                        top.key = parser.currentName();
                        token = parser.nextToken();
                        continue;
                    }
                    case END_ARRAY -> {
                        Frame done = stack.pop();
                        value = done.function ? function(parser, done.array) : done.array;
                    }
                    case END_OBJECT -> value = stack.pop().object;
                    case VALUE_STRING -> {
                        String text = parser.getText();
                        Strings.checkLength(text.length());
                        Budget.chargeCharacters(text.length());
                        value = text;
                    }
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value = number(parser);
                    case VALUE_TRUE -> value = Boolean.TRUE;
                    case VALUE_FALSE -> value = Boolean.FALSE;
                    case VALUE_NULL -> value = null;
                    default -> throw new JsonParseException(parser, "Unexpected token " + token);
                }
            }
            Budget.charge(1);
            Frame parent = stack.peek();
            if (parent == null) {
                return value;
            }
            if (parent.array != null) {
                parent.array.add(value);
            } else {
                parent.object.put(parent.key, value);
                if (parent.entries) {
                    parent.key = null;
                    expect(parser, JsonToken.END_ARRAY, "the end of a [key, value] pair");
                }
            }
            token = parser.nextToken();
        }
    }

    private static FlowFunction function(JsonParser parser, FlowArray parts) throws IOException {
        if (parts.size() == 0 || !(parts.get(0) instanceof Double index) || index < 0 || index != Math.floor(index)) {
            throw new JsonParseException(parser, "Expected a function index first in a '$function'");
        }
        expect(parser, JsonToken.END_OBJECT, "the end of a '$function'");
        Object[] captures = new Object[parts.size() - 1];
        for (int i = 1; i < parts.size(); i++) {
            captures[i - 1] = Values.markShared(parts.get(i));
        }
        return new FlowFunction(index.intValue(), null, captures);
    }

    private static void expect(JsonParser parser, JsonToken expected, String what) throws IOException {
        if (parser.nextToken() != expected) {
            throw new JsonParseException(parser, "Expected " + what);
        }
    }

    /** The double the number's text denotes, correctly rounded; {@code -0} stays negative. */
    private static Double number(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            int small = parser.getIntValue();
            if (small != 0) {
                return (double) small;
            }
        }
        String text = parser.getText();
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw FlowThrow.rangeError("The number " + Strings.quoteForMessage(text) + " in the JSON text is too large.");
        }
        return value;
    }
}
