package dev.rondo.core.internal.builtins;

import dev.rondo.core.value.Budget;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Numbers;
import dev.rondo.core.value.Strings;

import java.util.Locale;

/**
 * The string methods of LANGUAGE.md §7, with JavaScript's argument rules. Positions count UTF-16 code units;
 * search arguments must be strings (there are no regular expressions); no method builds a string over the
 * length limit, and each charges the budget for the characters it builds or scans.
 */
final class StringMethods {

    /** JavaScript's default split limit, 2^32 − 1. */
    private static final double NO_LIMIT = 4294967295.0;

    private StringMethods() {}

    /**
     * Calls the method and charges the budget for what it built: each string's characters, each array's
     * elements. (Searches charge what they scan themselves, in {@link TextSearch}.)
     */
    static Object call(String s, String name, Object[] args) {
        Object result = dispatch(s, name, args);
        if (result instanceof String built && built != s) {
            Budget.chargeCharacters(built.length());
        } else if (result instanceof FlowArray pieces) {
            Budget.charge(pieces.size());
        }
        return result;
    }

    private static Object dispatch(String s, String name, Object[] args) {
        return switch (name) {
            case "toUpperCase" -> changeCase(s, args, "'toUpperCase'", true);
            case "toLowerCase" -> changeCase(s, args, "'toLowerCase'", false);
            case "trim" -> noArguments("'trim'", args, Strings.trim(s));
            case "trimStart" -> noArguments("'trimStart'", args, Strings.trimStart(s));
            case "trimEnd" -> noArguments("'trimEnd'", args, Strings.trimEnd(s));
            case "split" -> split(s, args);
            case "slice" -> slice(s, args);
            case "substring" -> substring(s, args);
            case "startsWith" -> startsWith(s, args);
            case "endsWith" -> endsWith(s, args);
            case "includes" -> indexOf(s, args, "'includes'") >= 0;
            case "indexOf" -> Numbers.box(indexOf(s, args, "'indexOf'"));
            case "lastIndexOf" -> lastIndexOf(s, args);
            case "replace" -> replace(s, args, false);
            case "replaceAll" -> replace(s, args, true);
            case "padStart" -> pad(s, args, "'padStart'", true);
            case "padEnd" -> pad(s, args, "'padEnd'", false);
            case "repeat" -> repeat(s, args);
            case "charAt" -> charAt(s, args);
            case "at" -> at(s, args);
            default -> throw Methods.notAMethod(name, s);
        };
    }

    private static Object noArguments(String label, Object[] args, String result) {
        Args.count(label, args, 0, 0);
        return result;
    }

    /** Unicode's default case mapping, as JavaScript's (not the JVM's locale): {@code "ß".toUpperCase()} is {@code "SS"}. */
    private static Object changeCase(String s, Object[] args, String label, boolean upper) {
        Args.count(label, args, 0, 0);
        Budget.chargeScan(s.length()); // scanned even when nothing changes
        String result = upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
        Strings.checkLength(result.length());
        return result;
    }

    /** {@code indexOf(search, position?)}, also for {@code includes}: the first match at or after {@code position}. */
    private static int indexOf(String s, Object[] args, String label) {
        Args.count(label, args, 1, 2);
        String search = Args.string(label, args, 0);
        return TextSearch.indexOf(s, search, Args.clamp(Args.integer(label, args, 1, 0), s.length()));
    }

    /**
     * {@code split(separator?, limit?)}: without a separator, {@code [s]}; with {@code ""}, every code unit; at
     * most {@code limit} pieces.
     */
    private static Object split(String s, Object[] args) {
        Args.count("'split'", args, 0, 2);
        String separator = Args.string("'split'", args, 0, null);
        double limit = Args.integer("'split'", args, 1, NO_LIMIT);
        long max = toUint32(limit);
        FlowArray pieces = new FlowArray();
        if (max == 0) {
            return pieces;
        }
        if (separator == null) {
            pieces.add(s);
            return pieces;
        }
        if (separator.isEmpty()) {
            for (int i = 0; i < s.length() && pieces.size() < max; i++) {
                pieces.add(Strings.unit(s.charAt(i)));
            }
            return pieces;
        }
        int from = 0;
        int found;
        while ((found = TextSearch.indexOf(s, separator, from)) >= 0) {
            pieces.add(s.substring(from, found));
            if (pieces.size() == max) {
                return pieces;
            }
            from = found + separator.length();
        }
        pieces.add(s.substring(from));
        return pieces;
    }

    private static long toUint32(double value) {
        double wrapped = value % 4294967296.0;
        return (long) (wrapped < 0 ? wrapped + 4294967296.0 : wrapped);
    }

    /** {@code slice(start?, end?)}: negative positions count from the end. */
    private static Object slice(String s, Object[] args) {
        Args.count("'slice'", args, 0, 2);
        int length = s.length();
        int from = Args.relative(Args.integer("'slice'", args, 0, 0), length);
        int to = Args.relative(Args.integer("'slice'", args, 1, length), length);
        return from < to ? s.substring(from, to) : "";
    }

    /** {@code substring(start?, end?)}: positions clamped to the string (negative ones to 0), swapped when reversed. */
    private static Object substring(String s, Object[] args) {
        Args.count("'substring'", args, 0, 2);
        int length = s.length();
        int a = Args.clamp(Args.integer("'substring'", args, 0, 0), length);
        int b = Args.clamp(Args.integer("'substring'", args, 1, length), length);
        return s.substring(Math.min(a, b), Math.max(a, b));
    }

    private static Object startsWith(String s, Object[] args) {
        Args.count("'startsWith'", args, 1, 2);
        String prefix = Args.string("'startsWith'", args, 0);
        Budget.chargeScan(prefix.length());
        return s.startsWith(prefix, Args.clamp(Args.integer("'startsWith'", args, 1, 0), s.length()));
    }

    /** {@code endsWith(search, endPosition?)}: whether {@code search} ends at {@code endPosition} (default: the end). */
    private static Object endsWith(String s, Object[] args) {
        Args.count("'endsWith'", args, 1, 2);
        String suffix = Args.string("'endsWith'", args, 0);
        Budget.chargeScan(suffix.length());
        int end = Args.clamp(Args.integer("'endsWith'", args, 1, s.length()), s.length());
        int begin = end - suffix.length();
        return begin >= 0 && s.startsWith(suffix, begin);
    }

    /** {@code lastIndexOf(search, position?)}: the last match starting at or before {@code position} (default: anywhere). */
    private static Object lastIndexOf(String s, Object[] args) {
        Args.count("'lastIndexOf'", args, 1, 2);
        String search = Args.string("'lastIndexOf'", args, 0);
        int position = Args.clamp(Args.integer("'lastIndexOf'", args, 1, s.length()), s.length());
        return Numbers.box(TextSearch.lastIndexOf(s, search, position));
    }

    /**
     * {@code replace(search, replacement)} replaces the first occurrence, {@code replaceAll} every one (an
     * empty search matches before every code unit and at the end). The replacement's {@code $$}, {@code $&},
     * {@code $`} and {@code $'} work as in JavaScript.
     */
    private static Object replace(String s, Object[] args, boolean all) {
        String label = all ? "'replaceAll'" : "'replace'";
        Args.count(label, args, 2, 2);
        String search = Args.string(label, args, 0);
        String replacement = Args.string(label, args, 1);
        int found = TextSearch.indexOf(s, search, 0);
        if (found < 0) {
            return s;
        }
        boolean substitutes = replacement.indexOf('$') >= 0;
        int advance = Math.max(1, search.length());
        StringBuilder out = new StringBuilder();
        int copied = 0;
        while (found >= 0) {
            out.append(s, copied, found);
            if (substitutes) {
                substitute(out, s, found, search.length(), replacement);
            } else {
                out.append(replacement);
            }
            Strings.checkLength(out.length());
            copied = found + search.length();
            if (!all) {
                break;
            }
            int next = found + advance;
            found = next > s.length() ? -1 : TextSearch.indexOf(s, search, next);
        }
        out.append(s, copied, s.length());
        Strings.checkLength(out.length());
        return out.toString();
    }

    /** JavaScript's GetSubstitution for a string search (no capture groups, so {@code $1} stays as written). */
    private static void substitute(StringBuilder out, String s, int position, int matchLength, String replacement) {
        int n = replacement.length();
        for (int i = 0; i < n; i++) {
            char c = replacement.charAt(i);
            if (c != '$' || i + 1 == n) {
                out.append(c);
                continue;
            }
            switch (replacement.charAt(i + 1)) {
                case '$' -> out.append('$');
                case '&' -> out.append(s, position, position + matchLength);
                case '`' -> out.append(s, 0, position);
                case '\'' -> out.append(s, position + matchLength, s.length());
                default -> {
                    out.append('$');
                    continue;
                }
            }
            i++;
        }
    }

    /** {@code padStart(length, filler?)} / {@code padEnd}: repeats {@code filler} (a space by default) up to {@code length}. */
    private static Object pad(String s, Object[] args, String label, boolean atStart) {
        Args.count(label, args, 1, 2);
        double target = Args.integer(label, args, 0, 0);
        String filler = Args.string(label, args, 1, " ");
        if (target <= s.length() || filler.isEmpty()) {
            return s;
        }
        Strings.checkLength((long) Math.min(target, Long.MAX_VALUE));
        int missing = (int) target - s.length();
        StringBuilder out = new StringBuilder((int) target);
        if (!atStart) {
            out.append(s);
        }
        while (missing > 0) {
            int take = Math.min(missing, filler.length());
            out.append(filler, 0, take);
            missing -= take;
        }
        if (atStart) {
            out.append(s);
        }
        return out.toString();
    }

    private static Object repeat(String s, Object[] args) {
        Args.count("'repeat'", args, 1, 1);
        double count = Args.integer("'repeat'", args, 0, 0);
        if (count < 0) {
            throw FlowThrow.rangeError("Argument 1 of 'repeat' must not be negative, not " + Numbers.toString(count) + ".");
        }
        if (s.isEmpty() || count == 0) {
            return "";
        }
        Strings.checkLength((long) Math.min(count * s.length(), Long.MAX_VALUE));
        return s.repeat((int) count);
    }

    /** {@code charAt(position?)}: the code unit at {@code position} (0 by default) as a string, or {@code ""}. */
    private static Object charAt(String s, Object[] args) {
        Args.count("'charAt'", args, 0, 1);
        double position = Args.integer("'charAt'", args, 0, 0);
        return position >= 0 && position < s.length() ? Strings.unit(s.charAt((int) position)) : "";
    }

    /** {@code at(index?)}: like {@code charAt}, but negative indices count from the end and out of range is {@code null}. */
    private static Object at(String s, Object[] args) {
        Args.count("'at'", args, 0, 1);
        double index = Args.integer("'at'", args, 0, 0);
        double position = index < 0 ? s.length() + index : index;
        return position >= 0 && position < s.length() ? Strings.unit(s.charAt((int) position)) : null;
    }
}
