package dev.rondo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.RondoException;
import dev.rondo.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code RondoClient.connect} takes either URL spelling, owns its pool, and says clearly when it cannot connect. */
class ConnectTest {

    @TempDir
    Path dir;

    @Test
    void libpqUrlsBecomeJdbcUrls() {
        assertEquals("jdbc:postgresql://db.example:6432/orders?user=app&password=s3cret&sslmode=require",
                DatabaseUrls.toJdbc("postgres://app:s3cret@db.example:6432/orders?sslmode=require"));
        assertEquals("jdbc:postgresql://localhost/", DatabaseUrls.toJdbc("postgresql://localhost"));
        assertEquals("jdbc:postgresql://h/db?user=x", DatabaseUrls.toJdbc("jdbc:postgresql://h/db?user=x"));
        IllegalArgumentException mysql = assertThrows(IllegalArgumentException.class,
                () -> DatabaseUrls.toJdbc("mysql://root:pw@h/db"));
        assertTrue(mysql.getMessage().contains("not a PostgreSQL URL"), mysql.getMessage());
        assertFalse(mysql.getMessage().contains("pw"), "the password must not be shown: " + mysql.getMessage());
    }

    @Test
    void aConnectedClientWorksAndClosesItsPool() throws Exception {
        Path flow = dir.resolve("ping.flow");
        Files.writeString(flow, "return 1\n");
        try (RondoClient rondo = RondoClient.connect(TestDatabase.freshSchemaUrl("connect"))) {
            rondo.deploy(flow);
            assertEquals(ExecutionStatus.QUEUED, rondo.start("ping", null, StartOptions.DEFAULT).status());
        }
    }

    @Test
    void anUnreachableDatabaseIsAClearErrorWithoutThePassword() {
        RondoException error = assertThrows(RondoException.class,
                () -> RondoClient.connect("postgres://app:s3cret@127.0.0.1:1/nowhere?connectTimeout=2"));
        assertTrue(error.getMessage().startsWith("Cannot connect to postgres://app:***@127.0.0.1:1/nowhere"), error.getMessage());
        assertFalse(error.getMessage().contains("s3cret"), error.getMessage());
    }
}
