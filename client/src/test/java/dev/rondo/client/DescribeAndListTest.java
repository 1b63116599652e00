package dev.rondo.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.RondoException;
import dev.rondo.testdb.Sql;
import dev.rondo.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** describe shows the await an execution waits at with its source line; list filters and pages newest first. */
class DescribeAndListTest {

    @TempDir
    Path dir;

    private DataSource db;
    private RondoClient rondo;

    @BeforeEach
    void deploy() throws Exception {
        db = TestDatabase.freshSchema("describe");
        rondo = RondoClient.create(db);
        Files.writeString(dir.resolve("approve.flow"), "print('asking')\nlet answer = await Signal.next('approve')\nreturn answer\n");
        Files.writeString(dir.resolve("other.flow"), "return 1\n");
        rondo.deploy(dir);
    }


    @Test
    void describeShowsTheAwaitItWaitsAtOnceACheckpointSaysSo() throws Exception {
        WorkflowHandle handle = rondo.start("approve", "{}", StartOptions.DEFAULT.withId("a-1"));
        Description queued = handle.describe();
        assertEquals(ExecutionStatus.QUEUED, queued.status());
        assertNull(queued.waitingAt());
        // What the worker writes when the execution suspends at the await on line 2.
        Sql.execute(db, "INSERT INTO checkpoints (execution_id, state, waiting_at, waiting_for) "
                + "VALUES ('a-1', '{}', 'approve.flow:2:14', '[\"signal approve\"]')");
        Sql.execute(db, "UPDATE executions SET status = 'waiting' WHERE id = 'a-1'");
        Description waiting = handle.describe();
        assertEquals(ExecutionStatus.WAITING, waiting.status());
        assertEquals("approve.flow:2:14", waiting.waitingAt());
        assertEquals("let answer = await Signal.next('approve')", waiting.waitingLine());
        assertEquals(List.of("signal approve"), waiting.waitingFor());
        assertThrows(RondoException.UnknownExecution.class, () -> rondo.handle("nobody").describe());
        assertEquals("print('asking')\nlet answer = await Signal.next('approve')\nreturn answer\n", handle.source());
        assertThrows(RondoException.UnknownExecution.class, () -> rondo.handle("nobody").source());
    }

    @Test
    void listFiltersAndPagesNewestFirstWithoutSkippingOrRepeating() throws Exception {
        for (int i = 1; i <= 5; i++) {
            rondo.start(i % 2 == 0 ? "other" : "approve", "{}", StartOptions.DEFAULT.withId("e-" + i));
        }
        Sql.execute(db, "UPDATE executions SET status = 'failed' WHERE id = 'e-3'");
        List<String> all = new ArrayList<>();
        ListFilter page = ListFilter.ALL.withLimit(2);
        List<ExecutionSummary> rows = rondo.list(page);
        while (!rows.isEmpty()) {
            rows.forEach(r -> all.add(r.executionId()));
            page = page.after(rows.getLast().executionId());
            rows = rondo.list(page);
        }
        assertEquals(List.of("e-5", "e-4", "e-3", "e-2", "e-1"), all);
        assertEquals(List.of("e-3"), rondo.list(ListFilter.ALL.withStatus(ExecutionStatus.FAILED)).stream().map(ExecutionSummary::executionId).toList());
        assertEquals(List.of("e-4", "e-2"), rondo.list(ListFilter.ALL.withWorkflow("other")).stream().map(ExecutionSummary::executionId).toList());
        assertThrows(IllegalArgumentException.class, () -> ExecutionStatus.of("sleeping"));
        assertThrows(IllegalArgumentException.class, () -> ListFilter.ALL.withLimit(0));
    }
}
