package dev.rondo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.rondo.core.RondoException;
import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** start and signal take any object and write it with the client's Jackson mapper, checked before anything commits. */
class ObjectPayloadTest {

    record Order(String orderId, int totalCents) {}

    /** Jackson cannot write it: its getter throws. */
    static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("no value today");
        }
    }

    @TempDir
    Path dir;

    private DataSource db;
    private RondoClient rondo;

    @BeforeEach
    void deploy() throws Exception {
        db = TestDatabase.freshSchema("objects");
        rondo = RondoClient.create(db);
        Path flow = dir.resolve("approve.flow");
        Files.writeString(flow, "let answer = await Signal.next('approve')\nreturn answer\n");
        rondo.deploy(flow);
    }

    @Test
    void aRecordInputAndPayloadAreWrittenByTheMapper() throws Exception {
        WorkflowHandle handle = rondo.start("approve", new Order("o-1", 1250), StartOptions.DEFAULT);
        handle.signal("approve", Map.of("by", "ann"));
        handle.signal("approve", (Object) "yes"); // a String as an Object is a JSON string, not JSON text
        assertEquals(List.of("{\"orderId\":\"o-1\",\"totalCents\":1250}"), Sql.rows(db, "SELECT input FROM executions"));
        assertEquals(List.of("{\"by\":\"ann\"}", "\"yes\""), Sql.rows(db, "SELECT payload FROM signals ORDER BY id"));
    }

    @Test
    void theApplicationsMapperIsUsed() throws Exception {
        ObjectMapper snake = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        RondoClient client = rondo.withObjectMapper(snake);
        client.start("approve", new Order("o-2", 5), StartOptions.DEFAULT);
        assertEquals(List.of("{\"order_id\":\"o-2\",\"total_cents\":5}"), Sql.rows(db, "SELECT input FROM executions"));
    }

    @Test
    void anObjectJacksonCannotWriteIsRefusedBeforeAnythingCommits() throws Exception {
        RondoException.InvalidPayload refused = assertThrows(RondoException.InvalidPayload.class,
                () -> rondo.start("approve", new Unwritable(), StartOptions.DEFAULT));
        assertTrue(refused.getMessage().contains("workflow input") && refused.getMessage().contains(Unwritable.class.getName())
                && refused.getMessage().contains("no value today"), refused.getMessage());
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            assertThrows(RondoException.InvalidPayload.class,
                    () -> rondo.start(connection, "approve", new Unwritable(), StartOptions.DEFAULT));
            connection.commit();
        }
        assertEquals(List.of("0"), Sql.rows(db, "SELECT count(*) FROM executions"));

        WorkflowHandle handle = rondo.start("approve", Map.of(), StartOptions.DEFAULT);
        assertThrows(RondoException.InvalidPayload.class, () -> handle.signal("approve", new Unwritable()));
        assertThrows(RondoException.InvalidPayload.class, () -> handle.signal("approve", Map.of("bad", "a\u0000b")));
        assertEquals(List.of("0"), Sql.rows(db, "SELECT count(*) FROM signals"));
    }

    @Test
    void everyExceptionACallerCatchesIsARondoException() {
        assertTrue(RondoException.class.isAssignableFrom(dev.rondo.core.CompileException.class));
        assertTrue(RondoException.class.isAssignableFrom(RondoException.UnknownExecution.class));
        assertThrows(RondoException.class, () -> rondo.handle("nobody").status());
    }
}
