package dev.rondo.testing.internal;

import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a user's test output free of noise the test kit would cause: with no SLF4J provider on the test
 * classpath, SLF4J prints a three-line "No SLF4J providers were found" warning and Flyway, falling back
 * to java.util.logging, some fifty INFO lines per migrated schema. A user who configures either keeps their
 * choice: the SLF4J no-op provider is chosen only when there is no provider and none is named, and
 * Flyway's level is set only when nobody set it.
 */
public final class QuietLogs {

    /** Held so that java.util.logging, which keeps loggers weakly, does not forget the level. */
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

    static {
        if (System.getProperty("slf4j.provider") == null && !hasSlf4jProvider()) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN"); // else SLF4J says which provider it loads
            }
        }
        if (FLYWAY.getLevel() == null) {
            FLYWAY.setLevel(Level.WARNING);
        }
    }

    private QuietLogs() {}

    /** Applies the above once; call before the kit first logs (starting a server, migrating, a worker). */
    public static void apply() {
        // the static initialiser does the work
    }

    private static boolean hasSlf4jProvider() {
        try {
            Class<?> provider = Class.forName("org.slf4j.spi.SLF4JServiceProvider");
            return ServiceLoader.load(provider).findFirst().isPresent();
        } catch (ClassNotFoundException | LinkageError noSlf4j) {
            return true; // no SLF4J at all: nothing to quiet
        }
    }
}
