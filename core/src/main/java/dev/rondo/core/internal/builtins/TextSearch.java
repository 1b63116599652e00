package dev.rondo.core.internal.builtins;

import dev.rondo.core.value.Budget;

/**
 * Substring search in linear time, charged to the stretch's budget. Java's {@link String#indexOf(String)}
 * compares naively, so {@code "a".repeat(4e6).indexOf("a".repeat(2e6) + "b")} would take trillions of steps;
 * long patterns go through Knuth–Morris–Pratt instead, short ones stay with the JVM's fast intrinsic (whose
 * worst case is then at most {@value #SHORT} comparisons per character).
 */
final class TextSearch {

    private static final int SHORT = 16;

    private TextSearch() {}

    /** The first match of {@code pattern} in {@code text} at or after {@code from}, or -1. */
    static int indexOf(String text, String pattern, int from) {
        int found = pattern.length() <= SHORT ? text.indexOf(pattern, from)
                : scan(text, pattern, from, text.length(), true);
        // What was scanned: up to the match (so split and replaceAll pay once for the whole text), or all of it.
        Budget.chargeScan((found < 0 ? text.length() : found) - (long) Math.min(from, text.length())
                + pattern.length());
        return found;
    }

    /** The last match of {@code pattern} in {@code text} starting at or before {@code position}, or -1. */
    static int lastIndexOf(String text, String pattern, int position) {
        int end = (int) Math.min(text.length(), (long) position + pattern.length());
        Budget.chargeScan((long) end + pattern.length());
        if (pattern.length() <= SHORT) {
            return text.lastIndexOf(pattern, position);
        }
        return scan(text, pattern, 0, end, false);
    }

    /** KMP over {@code text[from, end)}: the first match, or (when {@code first} is false) the last. */
    private static int scan(String text, String pattern, int from, int end, boolean first) {
        int[] border = borders(pattern);
        int m = pattern.length();
        int matched = 0;
        int last = -1;
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            while (matched > 0 && pattern.charAt(matched) != c) {
                matched = border[matched - 1];
            }
            if (pattern.charAt(matched) == c) {
                matched++;
            }
            if (matched == m) {
                last = i - m + 1;
                if (first) {
                    return last;
                }
                matched = border[m - 1];
            }
        }
        return last;
    }

    /** {@code border[i]}: the length of the longest proper prefix of {@code pattern[0..i]} that is also its suffix. */
    private static int[] borders(String pattern) {
        int[] border = new int[pattern.length()];
        int k = 0;
        for (int i = 1; i < pattern.length(); i++) {
            while (k > 0 && pattern.charAt(k) != pattern.charAt(i)) {
                k = border[k - 1];
            }
            if (pattern.charAt(k) == pattern.charAt(i)) {
                k++;
            }
            border[i] = k;
        }
        return border;
    }
}
