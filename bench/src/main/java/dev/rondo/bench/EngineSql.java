package dev.rondo.bench;

import dev.rondo.client.internal.SqlText;
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

    /** {@code resource} is a classpath path, e.g. {@code dev/rondo/worker/internal/QueueStatements/claim.sql}. */
    static EngineSql load(String resource) {
        try (InputStream in = EngineSql.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath; is rondo-worker a dependency?");
            }
            return new EngineSql(resource, SqlText.withoutComments(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
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
        String jdbc = SqlText.positional(text, names);
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
}
