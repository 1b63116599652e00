package dev.rondo.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a JUnit 5 test class a PostgreSQL schema of its own with Rondo's tables, dropped after the class.
 * The server is {@code RONDO_TEST_DATABASE_URL} when set, else an embedded PostgreSQL started once per
 * JVM, else a Testcontainers PostgreSQL when Testcontainers is on the class path and Docker answers.
 *
 * <p>Test and lifecycle methods and constructors may take a {@link javax.sql.DataSource} or a
 * {@link DatabaseSchema} parameter; fields of those types (or {@code String}, for the JDBC URL) marked
 * {@code @RondoDatabase} are set before each test (static ones before the class).
 *
 * <pre>{@code
 * @RondoDatabase
 * class ApprovalTest {
 *     @RondoDatabase DataSource dataSource;
 *
 *     @Test
 *     void approves() {
 *         RondoClient rondo = RondoClient.create(dataSource);
 *         …
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RondoDatabaseExtension.class)
public @interface RondoDatabase {}
