package dev.rondo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** {@link RondoDatabase} gives each class a migrated schema of its own, injects it, and drops it after. */
@RondoDatabase
class RondoDatabaseExtensionTest {

    @RondoDatabase
    static DatabaseSchema classSchema;

    @RondoDatabase
    DataSource dataSource;

    @RondoDatabase
    String url;

    @Test
    void fieldsAndParametersShareTheClassesMigratedSchema(DatabaseSchema schema, DataSource parameter) throws SQLException {
        assertNotNull(classSchema);
        assertEquals(classSchema, schema);
        assertEquals(schema.url(), url);
        assertEquals(schema.schema(), text(dataSource, "SELECT current_schema()"));
        assertEquals(schema.schema(), text(parameter, "SELECT current_schema()"));
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals(schema.schema(), text(c, "SELECT current_schema()"));
        }
        assertEquals(0, count(dataSource, "SELECT count(*) FROM executions"), "Rondo's tables are there, empty");
        assertTrue(count(dataSource, "SELECT count(*) FROM rondo_schema_history") > 0, "migrated by Flyway");
    }

    @Nested
    class Inside {
        @Test
        void aNestedClassHasASchemaOfItsOwn(DatabaseSchema schema) throws SQLException {
            assertNotEquals(classSchema.schema(), schema.schema());
            assertEquals(0, count(schema.dataSource(), "SELECT count(*) FROM executions"));
        }
    }

    @Test
    void theSchemaIsDroppedAfterTheClassAndEveryClassHasItsOwn() throws SQLException {
        SchemaProbes.Inner.SEEN.clear();
        probe(SchemaProbes.Inner.class).testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));

        String inner = SchemaProbes.Inner.SEEN.get(0);
        assertNotEquals(classSchema.schema(), inner);
        assertEquals(0, count(dataSource, "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + inner + "'"));
        assertEquals(1, count(dataSource, "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '"
                + classSchema.schema() + "'"));
    }

    @Test
    void aFieldOfAnotherTypeIsAConfigurationError() {
        EngineExecutionResults results = probe(SchemaProbes.WrongField.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(0));
        String failure = results.allEvents().failed().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow())
                .map(r -> r.getThrowable().orElseThrow().getMessage()).findFirst().orElseThrow();
        assertTrue(failure.contains("WrongField.number is marked @RondoDatabase but is a int"), failure);
        assertFalse(failure.isBlank());
    }

    private static EngineExecutionResults probe(Class<?> probe) {
        SchemaProbes.running = true;
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(DiscoverySelectors.selectClass(probe)).execute();
        } finally {
            SchemaProbes.running = false;
        }
    }

    static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Long.parseLong(text(c, sql));
        }
    }

    private static String text(DataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return text(c, sql);
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
