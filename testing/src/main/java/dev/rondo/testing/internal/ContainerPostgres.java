package dev.rondo.testing.internal;

import java.util.Optional;

/**
 * Starts PostgreSQL in a container with Testcontainers, an optional dependency: this class touches
 * Testcontainers only after checking that it is on the class path, and starts nothing without Docker.
 */
final class ContainerPostgres {

    static final String IMAGE = "postgres:16-alpine";

    private ContainerPostgres() {}

    /** The container's JDBC URL (with user and password), or empty without Testcontainers or Docker. */
    static Optional<String> startIfPossible() {
        if (!onClassPath()) {
            return Optional.empty();
        }
        return Started.start();
    }

    static boolean onClassPath() {
        try {
            Class.forName("org.testcontainers.postgresql.PostgreSQLContainer", false, ContainerPostgres.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Holds the Testcontainers references, so the JVM loads them only when they are there. */
    private static final class Started {
        static Optional<String> start() {
            if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
            // Testcontainers' Ryuk container removes the container when the JVM ends.
            var postgres = new org.testcontainers.postgresql.PostgreSQLContainer(IMAGE);
            postgres.start();
            String url = postgres.getJdbcUrl();
            return Optional.of(url + (url.contains("?") ? "&" : "?") + "user=" + postgres.getUsername()
                    + "&password=" + postgres.getPassword());
        }
    }
}
