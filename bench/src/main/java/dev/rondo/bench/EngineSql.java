package dev.rondo.bench;

import dev.rondo.store.StatementText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A statement of the engine's, read from the {@code .sql} file the worker or client runs, so that the
 * no-engine floor and the pgbench ceiling run exactly the engine's SQL and follow it when it changes.
 * Comments are dropped (they mention {@code :names} that are not parameters) and fragments included.
 */
final class EngineSql {

    private final String resource;
    private final String text;

    private EngineSql(String resource, String text) {
        this.resource = resource;
        this.text = text;
    }

    /** {@code path} is a statement of rondo-store's, e.g. {@code QueueStatements/claim.sql}. */
    static EngineSql load(String path) {
        return new EngineSql(path, StatementText.of(path));
    }

    /** The statement with its {@code :name} parameters, which pgbench reads as its own variables. */
    String text() {
        return text;
    }

    /** The statement prepared on {@code connection} with each {@code :name} bound from {@code values}. */
    PreparedStatement prepare(Connection connection, Map<String, Object> values) throws SQLException {
        List<String> names = new ArrayList<>();
        String jdbc = StatementText.positional(text, names);
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
