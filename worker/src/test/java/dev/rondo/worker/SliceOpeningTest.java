package dev.rondo.worker;

import static dev.rondo.worker.Engine.assertCompleted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.client.WorkflowHandle;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slice locks its workflow and reads what is pending for it in one round trip (two statements sent
 * together): a slice that had to wait for the lock must still see what the lock's holder committed.
 */
class SliceOpeningTest {

    @TempDir
    Path flows;

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = new Engine("slice-opening", flows);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    @Test
    void aSliceThatWaitedForTheLockSeesWhatItsHolderCommitted() throws SQLException {
        engine.flow("waits", """
                let v = await Signal.next("go")
                return v
                """);
        WorkflowHandle handle = engine.start("waits", "{}"); // no worker yet: the first slice has not run
        try (Connection holder = engine.dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM executions WHERE id = ? FOR UPDATE");
                 PreparedStatement signal = holder.prepareStatement(
                         "INSERT INTO signals (execution_id, name, payload) VALUES (?, 'go', '{\"ok\":true}')")) {
                lock.setString(1, handle.id());
                lock.executeQuery().close();
                signal.setString(1, handle.id());
                signal.executeUpdate();
            }
            engine.worker(b -> b.pollInterval(Duration.ofMinutes(1)));
            awaitASliceWaitingForTheLock();
            holder.commit(); // no wake-up: only the waiting slice can deliver the signal
        }
        assertCompleted("{\"ok\":true}", handle.result(Duration.ofSeconds(30)));
        assertEquals("0", engine.one("SELECT count(*) FROM history WHERE execution_id = '" + handle.id() + "' AND kind = 'waiting'"),
                "the first slice, which waited for the lock, should have found the signal and not suspended");
    }

    private void awaitASliceWaitingForTheLock() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String waiting = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR NO KEY UPDATE%'";
        while (Integer.parseInt(engine.one(waiting)) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no slice waited for the workflow's lock within 30 s");
            }
            Thread.onSpinWait();
        }
    }
}
