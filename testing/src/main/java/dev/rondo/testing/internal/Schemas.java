package dev.rondo.testing.internal;

import dev.rondo.migrations.Migrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Creates a schema per owner (a test class) on the tests' server, migrated to the Rondo schema, and drops
 * it afterwards. Names carry a counter and the process id, so parallel classes and JVMs never share one.
 */
public final class Schemas {

    private static final AtomicInteger COUNT = new AtomicInteger();
    /** PostgreSQL cuts identifiers at 63 bytes; the owner's part is shortened to keep the suffix. */
    private static final int MAX_OWNER = 40;
    /** The SQLSTATE of a lock_timeout. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    static {
        QuietLogs.apply();
    }

    private Schemas() {}

    /** A new schema named after {@code owner}, with Rondo's tables; returns its name. */
    public static String createMigrated(String owner) {
        String schema = name(owner);
        Migrations.apply(dataSource(PostgresServer.url(), null), schema);
        return schema;
    }

    /**
     * Drops {@code schema} and everything in it; fails after ten seconds rather than hang the suite when a
     * connection the test left open still holds a lock in it.
     */
    public static void drop(String schema) {
        drop(schema, "10s");
    }

    static void drop(String schema, String lockTimeout) {
        try (Connection c = dataSource(PostgresServer.url(), null).getConnection(); Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '" + lockTimeout + "'");
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new IllegalStateException("could not drop schema " + schema + ": a connection still uses it — close your"
                        + " Worker and RondoClient before the test class ends", e);
            }
            throw new IllegalStateException("Cannot drop the test schema " + schema + ": " + e.getMessage(), e);
        }
    }

    /** A JDBC URL whose connections use {@code schema}. */
    public static String url(String schema) {
        String base = PostgresServer.url();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A data source on the server whose connections use {@code schema} (the server's default when null). */
    public static DataSource dataSource(String schema) {
        return dataSource(PostgresServer.url(), schema);
    }

    static String name(String owner) {
        String cleaned = owner.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
        if (cleaned.length() > MAX_OWNER) {
            cleaned = cleaned.substring(cleaned.length() - MAX_OWNER);
        }
        return "rondo_" + cleaned + "_" + COUNT.incrementAndGet() + "_" + ProcessHandle.current().pid();
    }

    private static PGSimpleDataSource dataSource(String url, String schema) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        if (schema != null) {
            dataSource.setCurrentSchema(schema);
        }
        return dataSource;
    }
}
