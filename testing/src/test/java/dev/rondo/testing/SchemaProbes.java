package dev.rondo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Test classes that {@link RondoDatabaseExtensionTest} runs through the JUnit engine (its name keeps them
 * out of the build's default test run; {@link #running} keeps them out of any other).
 */
final class SchemaProbes {

    /** Set while {@link RondoDatabaseExtensionTest} runs a probe. */
    static volatile boolean running;

    private SchemaProbes() {}

    static boolean running() {
        return running;
    }

    /** Run inside {@link RondoDatabaseExtensionTest#theSchemaIsDroppedAfterTheClassAndEveryClassHasItsOwn}: records its schema and that it could use it. */
    @RondoDatabase
    @EnabledIf("dev.rondo.testing.SchemaProbes#running")
    static class Inner {
        static final List<String> SEEN = new ArrayList<>();

        @Test
        void usesItsSchema(DatabaseSchema schema) throws SQLException {
            SEEN.add(schema.schema());
            assertEquals(0, RondoDatabaseExtensionTest.count(schema.dataSource(), "SELECT count(*) FROM executions"));
        }
    }

    /** Run inside {@link RondoDatabaseExtensionTest#aFieldOfAnotherTypeIsAConfigurationError}. */
    @RondoDatabase
    @EnabledIf("dev.rondo.testing.SchemaProbes#running")
    static class WrongField {
        @RondoDatabase
        int number;

        @Test
        void never() {
        }
    }

}
