package dev.rondo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A statement of the engine's, read from the {@code .sql} file the worker or client runs, so that the
 * no-engine floor and the pgbench ceiling run exactly the engine's SQL and follow it when it changes.
 * Comments are dropped: they mention {@code :names} that are not parameters.
 */
final class EngineSql {

    private final String resource;
    private final String text;

    private EngineSql(String resource, String text) {
        this.resource = resource;
        this.text = text;
    }

    /** {@code resource} is a classpath path, e.g. {@code dev/rondo/worker/internal/QueueDao/claim.sql}. */
    static EngineSql load(String resource) {
        try (InputStream in = EngineSql.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath; is rondo-worker a dependency?");
            }
            return new EngineSql(resource, withoutComments(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statement with its {@code :name} parameters, which pgbench reads as its own variables. */
    String text() {
        return text;
    }

    /** The statement prepared on {@code connection} with each {@code :name} bound from {@code values}. */
    PreparedStatement prepare(Connection connection, Map<String, Object> values) throws SQLException {
        List<String> names = new ArrayList<>();
        String jdbc = positional(names);
        PreparedStatement statement = connection.prepareStatement(jdbc);
        for (int i = 0; i < names.size(); i++) {
            if (!values.containsKey(names.get(i))) {
                statement.close();
                throw new IllegalArgumentException(resource + " needs :" + names.get(i));
            }
            statement.setObject(i + 1, values.get(names.get(i)));
        }
        return statement;
    }

    /** Replaces each {@code :name} outside quotes (not a {@code ::} cast) by {@code ?}, listing the names. */
    private String positional(List<String> names) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            boolean parameter = !quoted && c == ':' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))
                    && (i == 0 || text.charAt(i - 1) != ':');
            if (!parameter) {
                out.append(c);
                continue;
            }
            int end = i + 1;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
            names.add(text.substring(i + 1, end));
            out.append('?');
            i = end - 1;
        }
        return out.toString();
    }

    private static String withoutComments(String sql) {
        StringBuilder out = new StringBuilder();
        for (String line : sql.split("\n")) {
            int dash = line.indexOf("--");
            // a "--" inside a string literal has an odd number of quotes before it
            if (dash >= 0 && line.substring(0, dash).chars().filter(ch -> ch == '\'').count() % 2 == 0) {
                line = line.substring(0, dash);
            }
            if (!line.isBlank()) {
                out.append(line.stripTrailing()).append('\n');
            }
        }
        return out.toString().strip();
    }
}
