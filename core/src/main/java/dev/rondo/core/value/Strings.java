package dev.rondo.core.value;

/** The string rules shared by operators and built-ins: the length limit and JavaScript's notion of white space. */
public final class Strings {

    /** The longest string a workflow may build by default, in UTF-16 code units (LANGUAGE.md §10: 16 MiB). */
    public static final int MAX_LENGTH = 16 * 1024 * 1024;

    /** The one-unit strings of ASCII, so that indexing and {@code charAt} in a loop need not allocate. */
    private static final String[] ASCII = new String[128];

    static {
        for (char c = 0; c < ASCII.length; c++) {
            ASCII[c] = String.valueOf(c);
        }
    }

    private Strings() {}

    /** The string of one UTF-16 code unit, as {@code s[i]} and {@code s.charAt(i)} give it. */
    public static String unit(char c) {
        return c < ASCII.length ? ASCII[c] : String.valueOf(c);
    }

    /** Raises {@code LimitError} when a string of {@code length} code units would be over the limit. */
    public static void checkLength(long length) {
        Budget.checkString(length);
    }

    /** The error for a string over the limit. */
    public static FlowThrow tooLong() {
        return Budget.current().stringTooLong();
    }

    /** {@code a + b}, refusing results over the limit. */
    public static String concat(String a, String b) {
        long length = (long) a.length() + b.length();
        checkLength(length);
        Budget.chargeCharacters(length);
        return a.concat(b);
    }

    /**
     * JavaScript's WhiteSpace and LineTerminator characters, which {@code trim} removes and {@code Number(s)}
     * ignores around the digits. Java's own {@link Character#isWhitespace} is a different set (it leaves
     * out the no-break spaces and counts the information separators).
     */
    public static boolean isWhitespace(char c) {
        if (c <= ' ') {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
        if (c < '\u00a0') {
            return false;
        }
        return c == '\u00a0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200a') || c == '\u2028' || c == '\u2029'
                || c == '\u202f' || c == '\u205f' || c == '\u3000' || c == '\ufeff';
    }

    /** {@code s} without JavaScript white space at its start. */
    public static String trimStart(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }

    /** {@code s} without JavaScript white space at its end. */
    public static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /** {@code s} without JavaScript white space at either end. */
    public static String trim(String s) {
        return trimEnd(trimStart(s));
    }

    /**
     * A string quoted for an error message, cut to a readable length: {@code "abc"}, or the first 40
     * code units followed by {@code …"}.
     */
    public static String quoteForMessage(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return JsonText.quote(shown);
    }
}
