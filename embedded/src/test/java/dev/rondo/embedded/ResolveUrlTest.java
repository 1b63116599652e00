package dev.rondo.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The choice of database; the local server's part is in {@link LocalDatabaseTest}. */
class ResolveUrlTest {

    private static final Consumer<String> NO_START = line -> {
        throw new AssertionError("the local server was started: " + line);
    };

    @Test
    void theHomeIsRondoHomeElseTheShellsHomeNotUserHome() {
        assertEquals(Path.of("/opt/rondo"), LocalDatabase.fromEnvironment(Map.of(LocalDatabase.HOME_VARIABLE, "/opt/rondo",
                "HOME", "/home/ada")).home());
        assertEquals(Path.of("/home/ada/.rondo"), LocalDatabase.fromEnvironment(Map.of("HOME", "/home/ada")).home());
        assertEquals(Path.of(System.getProperty("user.home"), ".rondo"), LocalDatabase.fromEnvironment(Map.of()).home());
    }

    @Test
    void anExplicitUrlWinsOverTheVariable() {
        assertEquals("jdbc:postgresql://given/db", LocalDatabase.resolveUrl("jdbc:postgresql://given/db",
                Map.of(LocalDatabase.URL_VARIABLE, "jdbc:postgresql://variable/db"), NO_START));
    }

    @Test
    void theVariableIsUsedWhenNoUrlIsGiven() {
        Map<String, String> environment = Map.of(LocalDatabase.URL_VARIABLE, "postgres://variable/db");
        assertEquals("postgres://variable/db", LocalDatabase.resolveUrl(null, environment, NO_START));
        assertEquals("postgres://variable/db", LocalDatabase.resolveUrl("  ", environment, NO_START), "blank is not given");
    }
}
