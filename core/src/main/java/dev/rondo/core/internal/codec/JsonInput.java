package dev.rondo.core.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.rondo.core.ast.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The AST reader's view of a {@link JsonParser}: reads members in the order the format fixes, checks the
 * JSON type of every value, and turns every mismatch into an {@link IllegalArgumentException} that says what
 * was expected, what was found, and where.
 */
final class JsonInput {

    /** Reads one value; lets {@link #list} take the node readers as method references. */
    @FunctionalInterface
    interface ValueReader<T> {
        T read() throws IOException;
    }

    private final JsonParser parser;
    /** The parser's current token was looked at by {@link #has} but not used: the next read starts from it. */
    private boolean pending;
    /**
     * The objects being read, innermost last, for error messages: a tagged node by its tag, an untagged object
     * by a description ("a switch case"). Tags have no spaces and descriptions do.
     */
    private final List<String> nodes = new ArrayList<>();

    JsonInput(JsonParser parser) {
        this.parser = parser;
    }

    /**
     * Opens an object that stands for {@code what} ("an expression", "a statement", ...) and returns its tag,
     * which must be its first member.
     */
    String beginTagged(String what) throws IOException {
        expect(JsonToken.START_OBJECT, what);
        if (advance() != JsonToken.FIELD_NAME || !parser.currentName().equals("t")) {
            throw error("Expected the tag \"t\" as the first member of " + what + " but found " + found());
        }
        String tag = string();
        nodes.add(tag);
        return tag;
    }

    /** Opens an untagged object, such as a switch case, described by {@code what} in error messages. */
    void beginUntagged(String what) throws IOException {
        expect(JsonToken.START_OBJECT, what);
        nodes.add(what);
    }

    /** Closes the object opened last, which must have no members left. */
    void end() throws IOException {
        if (advance() != JsonToken.END_OBJECT) {
            throw error("Unexpected member '" + parser.currentName() + "' in " + node());
        }
        nodes.removeLast();
    }

    /** Moves to the member {@code name}, which must come next. */
    void field(String name) throws IOException {
        JsonToken token = advance();
        if (token == JsonToken.FIELD_NAME && parser.currentName().equals(name)) {
            return;
        }
        if (token == JsonToken.END_OBJECT) {
            throw error("Missing member '" + name + "' in " + node());
        }
        throw error("Expected member '" + name + "' in " + node() + " but found '" + parser.currentName() + "'");
    }

    /** Moves to the optional member {@code name} if it comes next, and says whether it did. */
    boolean has(String name) throws IOException {
        JsonToken token = advance();
        if (token == JsonToken.FIELD_NAME && parser.currentName().equals(name)) {
            return true;
        }
        pending = true;
        return false;
    }

    String string() throws IOException {
        expect(JsonToken.VALUE_STRING, "a string");
        return parser.getText();
    }

    boolean bool() throws IOException {
        JsonToken token = advance();
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw error("Expected true or false but found " + found());
        }
        return token == JsonToken.VALUE_TRUE;
    }

    int integer() throws IOException {
        expect(JsonToken.VALUE_NUMBER_INT, "an integer");
        if (parser.getNumberType() != JsonParser.NumberType.INT) {
            throw error("Expected an integer but found " + parser.getText() + ", which is out of range");
        }
        return parser.getIntValue();
    }

    /** The member {@code s}: {@code [line, column, endLine, endColumn]}. */
    Span span() throws IOException {
        field("s");
        expect(JsonToken.START_ARRAY, "a span [line, column, endLine, endColumn]");
        Span span = new Span(integer(), integer(), integer(), integer());
        if (advance() != JsonToken.END_ARRAY) {
            throw error("Expected the end of a span of 4 numbers but found " + found());
        }
        return span;
    }

    /** A string naming one of {@code symbols}, {@code what} being "a binary operator" or the like. */
    <E> E symbol(Map<String, E> symbols, String what) throws IOException {
        String text = string();
        E value = symbols.get(text);
        if (value == null) {
            throw error("Unknown " + what + " '" + text + "'", "; expected one of " + symbols.keySet());
        }
        return value;
    }

    /** A literal's value: null, a Boolean, a Double or a String. */
    Object scalar() throws IOException {
        return switch (advance()) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            // The writer always writes a fraction or exponent; parsing the text keeps the sign of "-0".
            case VALUE_NUMBER_INT -> Double.parseDouble(parser.getText());
            case VALUE_STRING -> parser.getText();
            default -> throw error("Expected null, a boolean, a number or a string but found " + found());
        };
    }

    /** An array whose entries {@code entry} reads; a {@code null} entry only if {@code entry} returns one. */
    <T> List<T> list(ValueReader<T> entry) throws IOException {
        expect(JsonToken.START_ARRAY, "an array");
        List<T> entries = new ArrayList<>();
        while (advance() != JsonToken.END_ARRAY) {
            pending = true;
            entries.add(entry.read());
        }
        return Collections.unmodifiableList(entries);
    }

    /** Whether the next value is JSON {@code null}, which is then used up. */
    boolean nullValue() throws IOException {
        if (advance() == JsonToken.VALUE_NULL) {
            return true;
        }
        pending = true;
        return false;
    }

    /** After the document's value: nothing but the end of the text may follow. */
    void endOfText() throws IOException {
        if (parser.nextToken() != null) {
            throw error("Expected the end of the text after the program but found " + found());
        }
    }

    /** An error about the value just read: "{@code problem} at {@code path}." */
    IllegalArgumentException error(String problem) {
        return error(problem, "");
    }

    /** An error about the value just read, with more said after its path: "{@code problem} at {@code path}{@code more}." */
    IllegalArgumentException error(String problem, String more) {
        return new IllegalArgumentException(
                problem + " at " + JsonPaths.ofParser(parser.getParsingContext()) + more + ".");
    }

    private void expect(JsonToken expected, String what) throws IOException {
        if (advance() != expected) {
            throw error("Expected " + what + " but found " + found());
        }
    }

    private JsonToken advance() throws IOException {
        if (pending) {
            pending = false;
            return parser.currentToken();
        }
        return parser.nextToken();
    }

    private String node() {
        String node = nodes.getLast();
        return node.contains(" ") ? node : "the '" + node + "' node";
    }

    /** The current token, described for an error message. */
    private String found() throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "the end of the text";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case END_OBJECT -> "the end of an object";
            case END_ARRAY -> "the end of an array";
            case FIELD_NAME -> "member '" + parser.currentName() + "'";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + parser.getText();
            case VALUE_TRUE, VALUE_FALSE -> parser.getText();
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
