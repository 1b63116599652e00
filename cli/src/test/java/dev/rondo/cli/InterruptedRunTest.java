package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.testdb.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rondo run} stopped with Ctrl-C (SIGINT) or SIGTERM cancels its execution instead of leaving it waiting forever. */
class InterruptedRunTest {

    @TempDir
    Path work;

    @Test
    void aStoppedRunCancelsItsExecution() throws Exception {
        String url = TestDatabase.freshSchemaUrl("cli_interrupted");
        Path flow = work.resolve("wait.flow");
        Files.writeString(flow, "let s = await Signal.next(\"approve\")\nreturn s\n");
        Map<String, String> env = new HashMap<>();
        env.put(Database.VARIABLE, null);
        RondoProcess.Running run = new RondoProcess(env, work).start("run", flow.toString(), "--database-url", url);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!run.stderr().contains("waits for signal approve")) { // polled: printed text, no event to wait on
            assertTrue(System.nanoTime() < deadline && run.process().isAlive(), "no hint: " + run.stderr());
            Thread.sleep(50);
        }
        run.process().destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM's shutdown hooks run
        assertTrue(run.process().waitFor(60, TimeUnit.SECONDS), run.stderr());

        assertTrue(run.stderr().contains("rondo: cancelled execution"), run.stderr());
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT status FROM executions WHERE parent_id IS NULL")) {
            assertTrue(rs.next());
            assertEquals("cancelled", rs.getString(1));
        }
    }
}
