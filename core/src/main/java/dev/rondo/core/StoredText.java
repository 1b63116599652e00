package dev.rondo.core;

import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.Strings;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The NUL rule: text Rondo stores never holds the character U+0000, which PostgreSQL text cannot hold. A
 * value that would bring one in is refused where it enters (a start input, a signal payload, a task or
 * child-workflow input, a workflow's result, a {@code print} line, a name), with an error that says where
 * the character is, rather than failing the commit that would store it. JSON would carry it escaped
 * ({@code \u0000}), but every reader of that JSON (a handler, {@code print}, a name built from it) would
 * get the character back, so JSON holding it is refused too: one rule everywhere.
 *
 * <p>Names and ids have stricter rules of their own ({@link Identifiers}).
 */
public final class StoredText {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    /** Path segments shown at each end of a long path; the middle is elided. */
    private static final int SHOWN_SEGMENTS = 8;

    private StoredText() {}

    /** What is wrong with storing {@code text} (a log line) as {@code what}; {@code null} when it holds no NUL. */
    public static String textProblem(String what, String text) {
        int at = text.indexOf('\0');
        if (at < 0) {
            return null;
        }
        return "The " + what + " holds the NUL character (U+0000) at index " + at
                + ", which Rondo cannot store (PostgreSQL text cannot hold it); remove or replace it.";
    }

    /**
     * What is wrong with storing {@code json}, the JSON text {@code Json.write} gave for {@code value}, as
     * {@code what}; {@code null} when no string or key in it holds a NUL. The text is searched first
     * (cheap, and bounded by the payload limit); only a text with an escaped NUL has its value walked, to
     * say where: {@code $.name}, {@code $.items[2]}.
     */
    public static String jsonProblem(String what, String json, Object value) {
        if (!hasEscapedNul(json)) {
            return null;
        }
        return "The " + what + " holds the NUL character (U+0000) at " + nulPath(value)
                + ", which Rondo cannot store (PostgreSQL text cannot hold it); remove or replace it.";
    }

    /** Whether JSON text holds the escape {@code \u0000} (not a {@code \\} followed by {@code u0000}). */
    static boolean hasEscapedNul(String json) {
        for (int i = json.indexOf("u0000"); i > 0; i = json.indexOf("u0000", i + 1)) {
            int backslashes = 0;
            for (int j = i - 1; j >= 0 && json.charAt(j) == '\\'; j--) {
                backslashes++;
            }
            if (backslashes % 2 == 1) {
                return true;
            }
        }
        return false;
    }

    /** A node of the walk: a value, the segment (an index or a key) that leads to it from its parent, and the parent. */
    private record Step(Object value, String segment, Step parent, boolean keyHasNul) {}

    /** The JSON path of the first string or key holding a NUL, in document order ({@code $} for the value itself). */
    static String nulPath(Object root) {
        ArrayDeque<Step> stack = new ArrayDeque<>();
        stack.push(new Step(root, "$", null, false));
        while (!stack.isEmpty()) {
            Step step = stack.pop();
            if (step.keyHasNul) {
                return path(step) + " (in the key)";
            }
            switch (step.value) {
                case null -> { } // a JSON null: a switch on it would throw
                case String s when s.indexOf('\0') >= 0 -> {
                    return path(step);
                }
                case FlowArray array -> {
                    for (int i = array.size() - 1; i >= 0; i--) {
                        stack.push(new Step(array.get(i), "[" + i + "]", step, false));
                    }
                }
                case FlowObject object -> {
                    List<Map.Entry<String, Object>> entries = new ArrayList<>(object.view().entrySet());
                    for (int i = entries.size() - 1; i >= 0; i--) {
                        String key = entries.get(i).getKey();
                        stack.push(new Step(entries.get(i).getValue(), segment(key), step, key.indexOf('\0') >= 0));
                    }
                }
                default -> { }
            }
        }
        return "$";
    }

    private static String segment(String key) {
        return PLAIN_KEY.matcher(key).matches() ? "." + key : "[" + Strings.quoteForMessage(key) + "]";
    }

    private static String path(Step last) {
        List<String> segments = new ArrayList<>();
        for (Step s = last; s != null; s = s.parent) {
            segments.add(s.segment);
        }
        Collections.reverse(segments);
        int n = segments.size();
        if (n <= 2 * SHOWN_SEGMENTS + 1) {
            return String.join("", segments);
        }
        return String.join("", segments.subList(0, SHOWN_SEGMENTS)) + "…(" + (n - 2 * SHOWN_SEGMENTS) + " more)…"
                + String.join("", segments.subList(n - SHOWN_SEGMENTS, n));
    }
}
