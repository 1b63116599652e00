package dev.rondo.migrations;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings a PostgreSQL schema up to Rondo's current version. Safe to call from every process at start:
 * Flyway takes a lock, applies what is missing, and does nothing when the schema is current.
 *
 * <pre>{@code
 * Migrations.apply(dataSource);              // the connection's current schema
 * Migrations.apply(dataSource, "rondo");     // a schema of its own (created when missing)
 * }</pre>
 */
public final class Migrations {

    private static final String LOCATION = "classpath:db/migration";

    private Migrations() {}

    /** Migrates the data source's current schema (usually {@code public}). */
    public static void apply(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations(LOCATION).load().migrate();
    }

    /** Migrates {@code schema}, creating it when it does not exist. */
    public static void apply(DataSource dataSource, String schema) {
        Flyway.configure().dataSource(dataSource).locations(LOCATION).schemas(schema).createSchemas(true)
                .load().migrate();
    }
}
