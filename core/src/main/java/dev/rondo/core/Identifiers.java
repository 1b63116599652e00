package dev.rondo.core;

import dev.rondo.core.value.Strings;
import java.util.regex.Pattern;

/**
 * The rules for the names and ids Rondo stores and sends: workflow, task and signal names, queue names and
 * execution ids. One rule for every way in (the client, the command line, the flow built-ins), checked
 * before anything is written, so a bad value is the caller's clear error and never a database error in the
 * middle of a commit.
 *
 * <p>A name or id is not empty (nor only white space); holds no control character (U+0000–U+001F,
 * U+007F–U+009F: PostgreSQL text cannot hold U+0000 at all, and the others would make log lines and
 * command-line output lie) and no lone surrogate (UTF-8 cannot encode one, so it would be stored as
 * {@code ?}); and is at most {@link #MAX_BYTES} bytes of UTF-8. An execution id a caller chooses also may
 * not end in {@code .t<digits>} or {@code .w<digits>}: those are the ids the engine gives the tasks
 * ({@code <id>.t<n>}) and child workflows ({@code <id>.w<n>}) of execution {@code <id>}, so a chosen id of
 * that form could take the place of one and leave its workflow waiting for a task that never runs.
 *
 * <p>Why 255 bytes: engine-made ids grow by {@code .w<n>} per level of child nesting (at most 100 levels,
 * {@code n} at most 10 digits) and {@code .t<n>} for a task, so the longest id the engine can make is
 * 255 + 1,212 = 1,467 bytes: well inside PostgreSQL's btree index entries (2,704 bytes) and NOTIFY payloads
 * (8,000 bytes), which carry execution ids ({@code rondo_done}) and queue names ({@code rondo_work}).
 */
public final class Identifiers {

    /** The longest name or id, in bytes of UTF-8, for every kind. */
    public static final int MAX_BYTES = 255;

    private static final Pattern ENGINE_SUFFIX = Pattern.compile("\\.[tw][0-9]+\\z");

    /** What a value names; each kind has its own wording in messages and its own limit. */
    public enum Kind {
        WORKFLOW_NAME("workflow name", MAX_BYTES),
        TASK_NAME("task name", MAX_BYTES),
        SIGNAL_NAME("signal name", MAX_BYTES),
        QUEUE("queue name", MAX_BYTES),
        EXECUTION_ID("execution id", MAX_BYTES),
        /** Shorter than the others: a schedule's runs get the id {@code <name>@<fire time>}, which must fit an execution id. */
        SCHEDULE_NAME("schedule name", 200);

        private final String noun;
        private final int maxBytes;

        Kind(String noun, int maxBytes) {
            this.noun = noun;
            this.maxBytes = maxBytes;
        }

        /** {@code "task name"}: how messages call it. */
        public String noun() {
            return noun;
        }

        /** The longest value of this kind, in bytes of UTF-8. */
        public int maxBytes() {
            return maxBytes;
        }
    }

    private Identifiers() {}

    /**
     * What is wrong with {@code value} as a {@code kind}, as a sentence that says what to do; {@code null}
     * when it is acceptable. For an execution id this is the check of an id the caller chooses (see
     * {@link #lookupProblem} for ids only read).
     */
    public static String problem(Kind kind, String value) {
        String problem = characterProblem(kind, value);
        if (problem != null) {
            return problem;
        }
        int bytes = utf8Length(value);
        if (bytes > kind.maxBytes) {
            return "The " + kind.noun + " " + Strings.quoteForMessage(value) + " is " + bytes
                    + " bytes long (UTF-8); the limit is " + kind.maxBytes + " bytes. Use a shorter one.";
        }
        if (kind == Kind.EXECUTION_ID) {
            var suffix = ENGINE_SUFFIX.matcher(value);
            if (suffix.find()) {
                String end = suffix.group();
                return "The execution id " + Strings.quoteForMessage(value) + " ends in '" + end + "', the form of the"
                        + " ids the engine gives to tasks ('<id>.t<n>') and child workflows ('<id>.w<n>'); an id you"
                        + " choose may not end that way, so that it can never take the place of one of those. Use"
                        + " another id, such as " + Strings.quoteForMessage(value.substring(0, suffix.start()) + "-"
                        + end.substring(1)) + ".";
            }
        }
        return null;
    }

    /**
     * What is wrong with {@code value} as a name or id to look up (a handle, a list filter): no length
     * limit and no suffix rule, since the engine's own ids are longer and end in {@code .t<n>} or
     * {@code .w<n>}, but never empty and never a character no stored name or id has (a NUL would be a
     * database error rather than "not found").
     */
    public static String lookupProblem(Kind kind, String value) {
        return characterProblem(kind, value);
    }

    /** {@code value} when {@link #problem} finds nothing wrong; its sentence as an {@link IllegalArgumentException} otherwise. */
    public static String require(Kind kind, String value) {
        String problem = problem(kind, value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }

    private static String characterProblem(Kind kind, String value) {
        if (value == null || value.isBlank()) {
            return "The " + kind.noun + " is empty; give a non-empty one.";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return "The " + kind.noun + " " + Strings.quoteForMessage(value) + " holds the NUL character (U+0000)"
                        + " at index " + i + ", which PostgreSQL cannot store in text; remove it.";
            }
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return "The " + kind.noun + " " + Strings.quoteForMessage(value) + " holds the control character "
                        + codePoint(c) + " at index " + i + "; names and ids cannot hold control characters.";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "The " + kind.noun + " " + Strings.quoteForMessage(value) + " holds a lone surrogate ("
                        + codePoint(c) + ") at index " + i + ", which UTF-8 cannot encode; remove it.";
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** The length of {@code s} in UTF-8, counted without encoding it (after the character check: no lone surrogates). */
    static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
