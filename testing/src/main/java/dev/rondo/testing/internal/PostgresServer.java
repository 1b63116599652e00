package dev.rondo.testing.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL server tests use, found once per JVM: {@code RONDO_TEST_DATABASE_URL} when set (a
 * {@code jdbc:postgresql:} URL), else an embedded PostgreSQL (io.zonky.test), else a Testcontainers
 * PostgreSQL when Testcontainers is on the class path and a Docker daemon answers. Servers it starts
 * stop when the JVM ends.
 */
public final class PostgresServer {

    /** The environment variable naming a server to use instead of starting one. */
    public static final String URL_VARIABLE = "RONDO_TEST_DATABASE_URL";

    private static String url;

    private PostgresServer() {}

    /** The server's JDBC URL (its default schema); starts a server the first time when none is configured. */
    public static synchronized String url() {
        if (url == null) {
            url = find(System.getenv(), PostgresServer::embedded, ContainerPostgres::startIfPossible);
        }
        return url;
    }

    /** A way to start a server: its JDBC URL, or empty when this way is not available here. */
    @FunctionalInterface
    public interface Source {
        Optional<String> start() throws Exception;
    }

    /** Tries each way in turn; the exception says what was tried and what to do. */
    static String find(Map<String, String> environment, Source embedded, Source containers) {
        String configured = environment.get(URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        StringBuilder tried = new StringBuilder();
        for (Map.Entry<String, Source> way : List.of(Map.entry("embedded PostgreSQL", embedded),
                Map.entry("Testcontainers", containers))) {
            try {
                Optional<String> started = way.getValue().start();
                if (started.isPresent()) {
                    return started.get();
                }
                tried.append("\n  ").append(way.getKey()).append(": not available");
            } catch (Exception | LinkageError e) {
                tried.append("\n  ").append(way.getKey()).append(": ").append(e);
            }
        }
        throw new IllegalStateException("No PostgreSQL for the tests. Tried:" + tried
                + "\nSet " + URL_VARIABLE + " to a jdbc:postgresql: URL of a server the tests may create schemas in.");
    }

    private static Optional<String> embedded() throws IOException {
        try {
            Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres");
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is ending; the data directory is temporary
            }
        }));
        return Optional.of(postgres.getJdbcUrl("postgres", "postgres"));
    }
}
