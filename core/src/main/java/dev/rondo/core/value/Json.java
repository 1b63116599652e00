package dev.rondo.core.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flow values to and from JSON.
 *
 * <ul>
 *   <li>{@link #write(Object)} and {@link #write(Object, String)}: the text of {@code JSON.stringify}, object key
 *       order kept, numbers as JavaScript writes them ({@code -0} as {@code 0}); a promise raises
 *       {@code TypeError}.
 *   <li>{@link #parse(String)}: {@code JSON.parse}; bad text raises {@code SyntaxError} with its line and column.
 *   <li>{@link #writeValue(JsonGenerator, Object)} and {@link #readValue(JsonParser)}: the exact form for
 *       checkpoints, embedded in a larger Jackson document. Every value round-trips bit for bit, {@code -0} and
 *       promises included (see {@link ExactJsonWriter} for the two tags it uses).
 * </ul>
 *
 * <p>Use {@link #factory()} for parsers and generators that carry Flow values: Jackson's default limits
 * (nesting depth 1,000, strings of 20 million characters) are below what a workflow can build.
 */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .build())
            .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build())
            .build();

    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("^Unexpected character \\('(.+?)' \\(code ");
    private static final Pattern UNEXPECTED_TOKEN = Pattern.compile("^(?:Unrecognized|Non-standard) token '(.*?)'");
    private static final Pattern UNEXPECTED_CLOSE = Pattern.compile("^Unexpected close marker '(.)'");
    private static final Pattern CONTROL_CHARACTER = Pattern.compile("^Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");

    private Json() {}

    /** A Jackson factory without the default limits on nesting and sizes, for documents holding Flow values. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** {@code JSON.stringify(value)}: compact JSON text; a promise raises {@code TypeError}. */
    public static String write(Object value) {
        return JsonText.stringify(value, "");
    }

    /**
     * {@code JSON.stringify(value, null, indent)} with the indent as a string (its first 10 characters are
     * used, as in JavaScript; {@code ""} or {@code null} gives compact text). Callers turn a numeric indent
     * into spaces with {@link #indentOf(double)}.
     */
    public static String write(Object value, String indent) {
        String gap = indent == null ? "" : indent.length() > 10 ? indent.substring(0, 10) : indent;
        return JsonText.stringify(value, gap);
    }

    /** The indent {@code JSON.stringify} uses for a numeric argument: that many spaces, at most 10, none below 1. */
    public static String indentOf(double spaces) {
        int count = (int) Math.max(0, Math.min(10, spaces));
        return " ".repeat(count);
    }

    /**
     * {@code JSON.parse(text)}: numbers become doubles ({@code -0} included), objects keep the order of their
     * keys (a duplicate key keeps its first position and its last value), and every container is fresh and
     * unshared. Bad text raises {@code SyntaxError}, a number too large for a double {@code RangeError}.
     */
    public static Object parse(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw FlowThrow.syntaxError("The JSON text is empty.");
            }
            Object value = JsonReader.read(parser, false);
            if (parser.nextToken() != null) {
                throw FlowThrow.syntaxError("Unexpected text after the JSON value" + at(parser.currentTokenLocation()));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw FlowThrow.syntaxError(describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code value} exactly, for a checkpoint: read back with {@link #readValue}, it is the same value
     * bit for bit ({@code -0}, promises and lone surrogates included). Numbers are written in their shortest
     * round-trip form ({@code 5}, {@code 0.1}, {@code 1e+21}), {@code -0} as {@code -0.0}.
     */
    public static void writeValue(JsonGenerator generator, Object value) throws IOException {
        new ExactJsonWriter(generator).walk(value);
    }

    /**
     * Reads a value written by {@link #writeValue}. The parser must be on the value's first token (call
     * {@code nextToken()} first); it is left on the value's last token.
     */
    public static Object readValue(JsonParser parser) throws IOException {
        return JsonReader.read(parser, true);
    }

    /** A sentence for a Jackson parse error, in our words, with where it happened. */
    private static String describe(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what;
        Matcher m;
        if (e instanceof JsonEOFException) {
            what = "Unexpected end of the JSON text";
        } else if ((m = UNEXPECTED_CHARACTER.matcher(original)).find()) {
            what = "Unexpected character " + quoteChar(m.group(1)) + " in the JSON text";
        } else if ((m = UNEXPECTED_CLOSE.matcher(original)).find()) {
            what = "Unexpected character " + quoteChar(m.group(1)) + " in the JSON text";
        } else if ((m = CONTROL_CHARACTER.matcher(original)).find()) {
            what = "Unexpected character " + quoteChar(String.valueOf((char) Integer.parseInt(m.group(1))))
                    + " in the JSON text";
        } else if ((m = UNEXPECTED_TOKEN.matcher(original)).find()) {
            what = "Unexpected word '" + m.group(1) + "' in the JSON text";
        } else if (original.contains("Leading zeroes")) {
            what = "A JSON number cannot start with a zero followed by digits";
        } else if (original.startsWith("Illegal unquoted character")) {
            what = "A control character must be escaped in a JSON string";
        } else if (original.startsWith("Unrecognized character escape")) {
            what = "Invalid escape sequence in a JSON string";
        } else if (original.contains("surrogate in field name") || original.contains("surrogate pair in field name")) {
            what = "A JSON key cannot hold an escaped lone surrogate";
        } else {
            what = "Invalid JSON text";
        }
        return what + at(e.getLocation());
    }

    private static String quoteChar(String c) {
        return "'" + (c.length() == 1 && c.charAt(0) < 0x20 ? JsonText.quote(c).replace("\"", "") : c) + "'";
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return ".";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr() + ".";
    }
}
