package dev.rondo.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Moves Rondo's migration history out of Flyway's default table into its own, once, for databases
 * migrated before Rondo had a table of its own. A row is Rondo's when its script is one of Rondo's
 * migration files (on the class path under {@code db/migration}); a history without any is the
 * application's and is left alone. Runs under a lock on the old table, so processes starting together
 * carry it over once.
 */
final class HistoryCarryOver {

    private HistoryCarryOver() {}

    /** {@code qualifier}: the quoted schema and a dot, or null for the connection's current schema. */
    static void run(DataSource dataSource, String qualifier, String history, String oldHistory) {
        String prefix = qualifier == null ? "" : qualifier;
        try (Connection connection = dataSource.getConnection()) {
            if (exists(connection, prefix + history) || !exists(connection, prefix + oldHistory)) {
                return; // the usual cases, with no lock taken: carried over already, or nothing to carry
            }
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("LOCK TABLE " + prefix + oldHistory + " IN SHARE ROW EXCLUSIVE MODE");
                if (!exists(connection, prefix + history)) { // another process may have carried it over meanwhile
                    carry(connection, s, prefix, history, oldHistory);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot move Rondo's migration history from " + oldHistory + " to " + history
                    + ": " + e.getMessage(), e);
        }
    }

    private static void carry(Connection connection, Statement s, String prefix, String history, String oldHistory)
            throws SQLException {
        List<String> ours = new ArrayList<>();
        int others = 0;
        try (ResultSet rows = s.executeQuery("SELECT script, version FROM " + prefix + oldHistory)) {
            while (rows.next()) {
                String script = rows.getString(1);
                if (rows.getString(2) != null && isRondos(script)) {
                    ours.add(script);
                } else if (rows.getString(2) != null) {
                    others++;
                }
            }
        }
        if (ours.isEmpty()) {
            return;
        }
        if (others == 0) {
            s.execute("ALTER TABLE " + prefix + oldHistory + " RENAME TO " + history);
            return;
        }
        s.execute("CREATE TABLE " + prefix + history + " (LIKE " + prefix + oldHistory + " INCLUDING ALL)");
        try (PreparedStatement copy = connection.prepareStatement("INSERT INTO " + prefix + history
                + " SELECT * FROM " + prefix + oldHistory + " WHERE version IS NOT NULL AND script = ANY (?)")) {
            copy.setArray(1, connection.createArrayOf("text", ours.toArray()));
            copy.executeUpdate();
        }
    }

    private static boolean isRondos(String script) {
        return script != null && script.matches("V[0-9]+__[A-Za-z0-9_]+\\.sql")
                && HistoryCarryOver.class.getClassLoader().getResource("db/migration/" + script) != null;
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, table);
            try (ResultSet rs = exists.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
