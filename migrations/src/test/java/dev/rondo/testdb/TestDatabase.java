package dev.rondo.testdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The PostgreSQL the tests use: {@code RONDO_TEST_DATABASE_URL} when set (a {@code jdbc:postgresql:} URL),
 * otherwise an embedded PostgreSQL started once per test run. Each caller gets a fresh schema of its own,
 * so test classes never see each other's rows.
 */
public final class TestDatabase {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static String baseUrl;

    private TestDatabase() {}

    /** A data source whose connections use a new, empty schema named after {@code owner}. */
    public static DataSource freshSchema(String owner) {
        PGSimpleDataSource scoped = dataSource(url());
        scoped.setCurrentSchema(createSchema(owner));
        return scoped;
    }

    /** A JDBC URL whose connections use a new, empty schema named after {@code owner}. */
    public static String freshSchemaUrl(String owner) {
        String base = url();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + createSchema(owner);
    }

    private static synchronized String createSchema(String owner) {
        String schema = (owner.replaceAll("[^A-Za-z0-9]", "_") + "_" + SCHEMAS.incrementAndGet() + "_"
                + ProcessHandle.current().pid()).toLowerCase();
        PGSimpleDataSource admin = dataSource(url());
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema " + schema + ": " + e.getMessage(), e);
        }
        return schema;
    }

    private static synchronized String url() {
        if (baseUrl == null) {
            String configured = System.getenv("RONDO_TEST_DATABASE_URL");
            baseUrl = configured != null && !configured.isBlank() ? configured : startEmbedded();
        }
        return baseUrl;
    }

    private static String startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is ending; the data directory is temporary
                }
            }));
            return postgres.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL; set RONDO_TEST_DATABASE_URL to use another", e);
        }
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        return dataSource;
    }
}
