package dev.rondo.testing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which PostgreSQL the tests get: the configured URL, else embedded, else Testcontainers, else advice. */
class PostgresServerTest {

    static final PostgresServer.Source NEVER = () -> {
        throw new AssertionError("not to be tried");
    };

    @Test
    void theConfiguredUrlWinsAndNothingIsStarted() {
        assertEquals("jdbc:postgresql://db/x", PostgresServer.find(
                Map.of(PostgresServer.URL_VARIABLE, "jdbc:postgresql://db/x"), NEVER, NEVER));
    }

    @Test
    void embeddedComesBeforeTestcontainers() {
        assertEquals("jdbc:embedded", PostgresServer.find(Map.of(), () -> Optional.of("jdbc:embedded"), NEVER));
    }

    @Test
    void testcontainersIsTriedWhenEmbeddedCannotStart() {
        assertEquals("jdbc:container", PostgresServer.find(Map.of(),
                () -> {
                    throw new java.io.IOException("initdb: cannot be run as root");
                },
                () -> Optional.of("jdbc:container")));
    }

    @Test
    void withNothingAvailableTheErrorSaysWhatWasTriedAndWhatToDo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PostgresServer.find(Map.of(" ", ""),
                () -> {
                    throw new java.io.IOException("initdb: cannot be run as root");
                },
                Optional::empty));

        assertTrue(e.getMessage().contains("embedded PostgreSQL: java.io.IOException: initdb: cannot be run as root"), e.getMessage());
        assertTrue(e.getMessage().contains("Testcontainers: not available"), e.getMessage());
        assertTrue(e.getMessage().contains("Set RONDO_TEST_DATABASE_URL"), e.getMessage());
    }

    @Test
    void withoutDockerTheTestcontainersWayStepsAsideCleanly() {
        assertTrue(ContainerPostgres.onClassPath(), "the optional dependency is on the test class path");
        assumeFalse(org.testcontainers.DockerClientFactory.instance().isDockerAvailable(),
                "Docker answers here: starting a container is not this test's business");

        assertEquals(Optional.empty(), ContainerPostgres.startIfPossible());
    }

    @Test
    void schemaNamesAreValidIdentifiersWithinPostgresLimit() {
        String name = Schemas.name("A$Very.Long-Owner_Name".repeat(5));

        assertTrue(name.matches("rondo_[a-z0-9_]+"), name);
        assertTrue(name.length() <= 63, name);
    }
}
