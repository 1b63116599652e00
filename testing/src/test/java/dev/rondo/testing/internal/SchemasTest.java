package dev.rondo.testing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Dropping a test class's schema. */
class SchemasTest {

    @Test
    void aSchemaStillInUseFailsTheDropWithAdviceInsteadOfHanging() throws Exception {
        String schema = Schemas.createMigrated("SchemasTest");
        try (Connection busy = Schemas.dataSource(schema).getConnection(); Statement s = busy.createStatement()) {
            busy.setAutoCommit(false);
            s.executeQuery("SELECT count(*) FROM executions").close(); // holds a lock until the transaction ends, as a busy Worker would

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Schemas.drop(schema, "200ms"));
            assertEquals("could not drop schema " + schema + ": a connection still uses it — close your Worker and"
                    + " RondoClient before the test class ends", e.getMessage());
            busy.rollback();
        }
        Schemas.drop(schema);
        try (Connection c = Schemas.dataSource(null).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pg_namespace WHERE nspname = '" + schema + "'")) {
            assertFalse(rs.next(), "dropped once nothing uses it");
        }
    }
}
