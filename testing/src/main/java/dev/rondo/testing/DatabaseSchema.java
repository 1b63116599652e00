package dev.rondo.testing;

import dev.rondo.testing.internal.Schemas;
import javax.sql.DataSource;

/**
 * The migrated PostgreSQL schema {@link RondoDatabase} gives a test class: its name, a JDBC URL and a
 * {@link DataSource} whose connections use it. Pass either to {@code RondoClient} and {@code Worker}.
 *
 * <pre>{@code
 * @RondoDatabase
 * class OrdersTest {
 *     @Test
 *     void runs(DatabaseSchema db) {
 *         try (RondoClient rondo = RondoClient.connect(db.url())) { … }
 *     }
 * }
 * }</pre>
 *
 * @param schema the schema's name, unique to the test class and this JVM
 * @param url    a {@code jdbc:postgresql:} URL whose connections use the schema
 */
public record DatabaseSchema(String schema, String url) {

    /** A new data source (no pool: a connection per {@code getConnection}) whose connections use the schema. */
    public DataSource dataSource() {
        return Schemas.dataSource(schema);
    }
}
