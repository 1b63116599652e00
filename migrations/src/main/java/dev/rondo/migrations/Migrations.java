package dev.rondo.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings a PostgreSQL schema up to Rondo's current version. Safe to call from every process at start:
 * Flyway takes a lock, applies what is missing, and does nothing when the schema is current.
 *
 * <p>A schema already at {@link #LATEST} is recognised with one query and Flyway is not loaded at all:
 * Flyway's start (about 400 classes and a dozen statements) was most of a one-shot {@code rondo status}.
 * Any doubt (no history table, a failed or unknown version, an error) goes to Flyway, which decides.
 *
 * <p>Rondo's history is the table {@value #HISTORY}, not Flyway's default {@code flyway_schema_history},
 * so that an application's own Flyway can keep its history in the same schema. A database whose Rondo
 * history is still in {@code flyway_schema_history} (made before this change) has it carried over on the
 * first apply: the table is renamed when it holds Rondo's migrations only, or Rondo's rows are copied when
 * it also holds the application's (which are left where they are).
 *
 * <pre>{@code
 * Migrations.apply(dataSource);              // the connection's current schema
 * Migrations.apply(dataSource, "rondo");     // a schema of its own (created when missing)
 * }</pre>
 */
public final class Migrations {

    /** The highest {@code V<n>__} under {@code db/migration}; MigrationsTest keeps it in step with the files. */
    static final int LATEST = 18;

    private static final String LOCATION = "classpath:db/migration";

    /** The table of Rondo's migration history (Flyway's {@code table} setting). */
    public static final String HISTORY = "rondo_schema_history";

    /** Where Rondo's history was before {@link #HISTORY}, Flyway's default. */
    static final String OLD_HISTORY = "flyway_schema_history";

    private Migrations() {}

    /** Migrates the data source's current schema (usually {@code public}). */
    public static void apply(DataSource dataSource) {
        if (!isCurrent(dataSource, HISTORY)) {
            HistoryCarryOver.run(dataSource, null, HISTORY, OLD_HISTORY);
            flyway(dataSource).load().migrate();
        }
    }

    /**
     * Rondo's Flyway settings: its own history table; and a schema that already holds other tables (the
     * application's) but no Rondo history is baselined at version 0, so every Rondo migration still runs.
     */
    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations(LOCATION).table(HISTORY)
                .baselineOnMigrate(true).baselineVersion("0");
    }

    /** Migrates {@code schema}, creating it when it does not exist. */
    public static void apply(DataSource dataSource, String schema) {
        String quoted = '"' + schema.replace("\"", "\"\"") + "\".";
        if (!isCurrent(dataSource, quoted + HISTORY)) {
            HistoryCarryOver.run(dataSource, quoted, HISTORY, OLD_HISTORY);
            flyway(dataSource).schemas(schema).createSchemas(true).load().migrate();
        }
    }

    /** True when the history says every migration up to {@link #LATEST} succeeded and none failed or came later. */
    static boolean isCurrent(DataSource dataSource, String historyTable) {
        Connection opened;
        try {
            opened = dataSource.getConnection();
        } catch (SQLException e) {
            // as Flyway would fail, and only once: a caller that waits for the database counts the tries
            throw new IllegalStateException("Cannot connect to the database to bring Rondo's schema up to date: " + e.getMessage(), e);
        }
        try (Connection connection = opened) {
            // asked first, so that a new schema does not put a "relation does not exist" ERROR in the server's log
            try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                exists.setString(1, historyTable);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return false;
                    }
                }
            }
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT max(version::int) FILTER (WHERE success), bool_and(success) FROM " + historyTable
                            + " WHERE version IS NOT NULL")) {
                return rs.next() && rs.getInt(1) == LATEST && rs.getBoolean(2);
            }
        } catch (SQLException | RuntimeException notKnown) {
            return false; // a version that is not a whole number, say, or an error that Flyway will report
        }
    }
}
