package dev.rondo.store.internal;

import java.util.List;

/**
 * The text of the engine's {@code .sql} files, for the client's and the worker's plain-JDBC statements ({@link Sql}) and for
 * the benchmark, which runs the same files through pgbench and plain JDBC. Not API.
 */
public final class SqlText {

    private SqlText() {}

    /**
     * {@code sql} without its {@code --} comments (they mention {@code :names} that are not parameters) and
     * without blank lines; a {@code --} inside a string literal stays.
     */
    public static String withoutComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                while (i + 1 < sql.length() && sql.charAt(i + 1) != '\n') {
                    i++;
                }
                continue;
            }
            out.append(c);
        }
        StringBuilder lines = new StringBuilder(out.length());
        for (String line : out.toString().split("\n")) {
            if (!line.isBlank()) {
                lines.append(line.stripTrailing()).append('\n');
            }
        }
        return lines.toString().strip();
    }

    /**
     * Replaces each {@code :name} of comment-free {@code sql} outside string literals (a {@code ::} cast is
     * left alone) by {@code ?}, adding the names to {@code names} in order.
     */
    public static String positional(String sql, List<String> names) {
        StringBuilder out = new StringBuilder(sql.length());
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == ':' && i + 1 < sql.length() && Character.isLetter(sql.charAt(i + 1))
                    && (i == 0 || sql.charAt(i - 1) != ':')) {
                int end = i + 1;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end - 1;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
