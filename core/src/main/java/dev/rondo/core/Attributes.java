package dev.rondo.core;

import dev.rondo.core.value.Strings;
import java.util.Map;
import java.util.Set;

/**
 * The rules for an execution's searchable attributes (docs/java.md, "Attributes"): short string keys with
 * short string values, set at start and by the flow's {@code Context.setAttributes}, and filtered on by
 * {@code rondo list --where key=value}. One rule for every way in, checked before anything is written.
 *
 * <p>A key is 1 to {@link #MAX_KEY_LENGTH} characters: an ASCII letter or {@code _} first, then letters,
 * digits, {@code _}, {@code .} or {@code -} (so {@code key=value} filters parse one way). The keys
 * {@link #RESERVED} name an execution's own columns in such a filter and cannot be attributes. A value is
 * a string of at most {@link #MAX_VALUE_LENGTH} characters with no control character and no lone surrogate.
 * One start, and one {@code setAttributes} call, set at most {@link #MAX_KEYS} keys; the flow may set at
 * most {@link #MAX_KEYS} different keys over its whole run, so an execution holds at most twice that.
 */
public final class Attributes {

    public static final int MAX_KEYS = 32;
    public static final int MAX_KEY_LENGTH = 64;
    public static final int MAX_VALUE_LENGTH = 256;
    /** Filter keys that mean an execution's status, workflow name and queue, not an attribute. */
    public static final Set<String> RESERVED = Set.of("status", "workflow", "queue");

    private Attributes() {}

    /** What is wrong with {@code key} as an attribute key, as a sentence; null when it is acceptable. */
    public static String keyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return "An attribute key is empty; give a name such as \"customer\".";
        }
        if (key.length() > MAX_KEY_LENGTH) {
            return "The attribute key " + Strings.quoteForMessage(key) + " is " + key.length()
                    + " characters long; the limit is " + MAX_KEY_LENGTH + ".";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            boolean ok = letter || (i > 0 && ((c >= '0' && c <= '9') || c == '.' || c == '-'));
            if (!ok) {
                return "The attribute key " + Strings.quoteForMessage(key) + " has '" + Character.toString(c)
                        + "' at index " + i + "; a key starts with a letter or '_' and holds only letters, digits,"
                        + " '_', '.' and '-'.";
            }
        }
        if (RESERVED.contains(key)) {
            return "The attribute key \"" + key + "\" is reserved (a filter on " + key + " means the execution's own "
                    + key + "); choose another key.";
        }
        return null;
    }

    /** What is wrong with {@code value} as the value of attribute {@code key}; null when it is acceptable. */
    public static String valueProblem(String key, String value) {
        if (value == null) {
            return "The value of attribute \"" + key + "\" is null; give a string.";
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            return "The value of attribute \"" + key + "\" is " + value.length() + " characters long; the limit is "
                    + MAX_VALUE_LENGTH + ".";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return "The value of attribute \"" + key + "\" holds the control character "
                        + String.format("U+%04X", (int) c) + " at index " + i + "; remove it.";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "The value of attribute \"" + key + "\" holds a lone surrogate at index " + i
                        + ", which UTF-8 cannot encode; remove it.";
            }
        }
        return null;
    }

    /** What is wrong with a whole set of attributes (count, keys, values); null when it is acceptable. */
    public static String problem(Map<String, String> attributes) {
        if (attributes == null) {
            return "The attributes are null; pass an empty map for none.";
        }
        if (attributes.size() > MAX_KEYS) {
            return attributes.size() + " attributes are too many; at most " + MAX_KEYS + " can be set at once.";
        }
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            String problem = keyProblem(e.getKey());
            if (problem == null) {
                problem = valueProblem(e.getKey(), e.getValue());
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** {@code attributes} when {@link #problem} finds nothing wrong; its sentence as an {@link IllegalArgumentException} otherwise. */
    public static Map<String, String> require(Map<String, String> attributes) {
        String problem = problem(attributes);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return attributes;
    }

    /** The attributes as a JSON object text, keys in the map's order. */
    public static String toJson(Map<String, String> attributes) {
        StringBuilder json = new StringBuilder(16 + attributes.size() * 24).append('{');
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, e.getKey()).append(':');
            quote(json, e.getValue());
        }
        return json.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
