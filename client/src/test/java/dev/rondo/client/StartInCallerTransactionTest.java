package dev.rondo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rondo.core.ExecutionStatus;
import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start joined to the caller's transaction commits and rolls back with the caller's own rows. */
class StartInCallerTransactionTest {

    @TempDir
    Path dir;

    private DataSource db;
    private RondoClient rondo;

    @BeforeEach
    void deploy() throws Exception {
        db = TestDatabase.freshSchema("joined");
        rondo = RondoClient.create(db);
        Files.writeString(dir.resolve("ship.flow"), "await Task.run('ship', Inputs)\n");
        rondo.deploy(dir);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id text PRIMARY KEY)");
        }
    }

    private long count(String table) throws SQLException {
        return Long.parseLong(Sql.rows(db, "SELECT count(*) FROM " + table).get(0));
    }

    private void placeOrder(boolean commit) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO orders VALUES ('o-1')");
            }
            rondo.start(c, "ship", "{\"order\": \"o-1\"}", StartOptions.DEFAULT.withId("ship-o-1"));
            assertFalse(c.getAutoCommit(), "the caller's transaction is still open");
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        }
    }

    @Test
    void aRolledBackOrderStartsNothing() throws Exception {
        placeOrder(false);
        assertEquals(0, count("orders"));
        assertEquals(0, count("executions"));
        assertEquals(0, count("queue_items"));
    }

    @Test
    void aCommittedOrderStartsItsWorkflow() throws Exception {
        placeOrder(true);
        assertEquals(1, count("orders"));
        assertEquals(1, count("executions"));
        assertEquals(1, count("queue_items"));
        assertEquals(ExecutionStatus.QUEUED, rondo.handle("ship-o-1").status());
    }
}
