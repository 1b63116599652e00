package dev.rondo.core.value;

/**
 * Flow values as JSON text, exactly as JavaScript's {@code JSON.stringify} writes them: numbers by
 * {@link Numbers#toString}, strings escaped as JavaScript does (control characters as <code>&#92;u001f</code> in
 * lower case, lone surrogates as <code>&#92;ud800</code>, everything else as is), and with an indent, one entry per
 * line with {@code "key": value} and empty containers as {@code []} and {@code {}}.
 *
 * <p>Written by hand rather than with a Jackson generator because Jackson escapes differently (upper-case
 * hex, lone surrogates passed through) and pretty-prints differently ({@code "key" : value}).
 */
final class JsonText extends ValueWalker {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder();
    private final String gap;
    private final boolean display;
    private int depth;
    /** In a preview, the length after which writing stops. */
    private int previewLimit = Integer.MAX_VALUE;

    private JsonText(String gap, boolean display) {
        this.gap = gap;
        this.display = display;
    }

    /** {@code JSON.stringify(value, null, gap)}; a promise anywhere raises {@code TypeError}. */
    static String stringify(Object value, String gap) {
        return write(value, gap, false);
    }

    /** The compact text that string conversion gives arrays and objects; a promise inside shows as {@code [promise]}. */
    static String display(Object value) {
        return write(value, "", true);
    }

    private static String write(Object value, String gap, boolean display) {
        JsonText text = new JsonText(gap, display);
        try {
            text.walk(value);
        } catch (java.io.IOException e) {
            throw new AssertionError("a StringBuilder does not fail", e);
        }
        return text.out.toString();
    }

    /**
     * The display text of {@code value} cut after {@code limit} characters (then ending in {@code …}); stops
     * writing there, so a value that stands for gigabytes of text costs no more than its first characters.
     */
    static String preview(Object value, int limit) {
        JsonText text = new JsonText("", true);
        text.previewLimit = limit;
        try {
            text.walk(value);
        } catch (Cut cut) {
            return text.out.substring(0, limit) + "…";
        } catch (java.io.IOException e) {
            throw new AssertionError("a StringBuilder does not fail", e);
        }
        return text.out.length() > limit ? text.out.substring(0, limit) + "…" : text.out.toString();
    }

    /** Ends a preview once it is long enough. */
    private static final class Cut extends RuntimeException {
        Cut() {
            super(null, null, false, false);
        }
    }

    /** {@code s} as a JSON string literal, quotes included. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendQuoted(out, s);
        return out.toString();
    }

    static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        appendEscaped(out, s);
        out.append('"');
    }

    /** The inside of a JSON string literal for {@code s}, as JavaScript's QuoteJSONString writes it. */
    static void appendEscaped(StringBuilder out, String s) {
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(s, start, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            }
            start = i + 1;
        }
        out.append(s, start, n);
    }

    /** Whether {@code s} holds a surrogate without its partner, which UTF-8 cannot encode. */
    static boolean hasLoneSurrogate(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    void scalar(Object value) {
        switch (value) {
            case null -> out.append("null");
            case Boolean b -> out.append(b ? "true" : "false");
            case Double d -> out.append(Numbers.toString(d));
            case String s -> appendQuoted(out, s.length() > previewLimit ? s.substring(0, previewLimit) : s);
            case FlowFunction fn -> {
                if (!display) {
                    throw FlowThrow.typeError("Cannot serialize a function: functions live only inside the workflow.");
                }
                out.append(fn.toString());
            }
            case PromiseRef p -> {
                if (!display) {
                    throw FlowThrow.typeError("Cannot serialize a promise.");
                }
                out.append("[promise]");
            }
            default -> throw new IllegalArgumentException("not a Flow value: " + value.getClass().getName());
        }
        checkLength();
    }

    @Override
    void startArray(FlowArray array) {
        out.append('[');
        depth++;
        checkLength(); // arrays of empty arrays have no scalar to check at
    }

    @Override
    void element(int index) {
        if (index > 0) {
            out.append(',');
        }
        newLine();
    }

    @Override
    void endArray(FlowArray array) {
        depth--;
        if (array.size() > 0) {
            newLine();
        }
        out.append(']');
    }

    @Override
    void startObject(FlowObject object) {
        out.append('{');
        depth++;
        checkLength();
    }

    @Override
    void key(String key, int index) {
        if (index > 0) {
            out.append(',');
        }
        newLine();
        appendQuoted(out, key);
        out.append(':');
        if (!gap.isEmpty()) {
            out.append(' ');
        }
        checkLength();
    }

    @Override
    void endObject(FlowObject object) {
        depth--;
        if (object.size() > 0) {
            newLine();
        }
        out.append('}');
    }

    private void newLine() {
        if (!gap.isEmpty()) {
            out.append('\n');
            for (int i = 0; i < depth; i++) {
                out.append(gap);
            }
            checkLength();
        }
    }

    private void checkLength() {
        if (out.length() > previewLimit) {
            throw new Cut();
        }
        Strings.checkLength(out.length());
    }
}
