package dev.rondo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rondo worker} before its database is up: it waits (saying so, in timestamped log lines), or with --fail-fast exits. */
class WorkerWaitTest {

    /** Nothing listens on port 1. */
    private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/rondo";
    /** A log line: ISO time with its offset, the level, the logger. */
    private static final Pattern WAIT_LINE = Pattern.compile(
            "(?m)^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) WARN DatabaseWait - Cannot reach the database \\(try 2; trying again in \\d+ ms, --fail-fast exits at once instead\\): Connection to 127\\.0\\.0\\.1:1 refused\\.");

    @TempDir
    Path work;

    private RondoProcess rondo() {
        Map<String, String> env = new HashMap<>();
        env.put(Database.VARIABLE, null);
        return new RondoProcess(env, work);
    }

    @Test
    void withoutTheDatabaseTheWorkerWaitsAndLogsEachTry() throws Exception {
        RondoProcess.Running worker = rondo().start("worker", "--database-url", NOWHERE);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!WAIT_LINE.matcher(worker.stderr()).find()) {
                assertTrue(worker.process().isAlive(), () -> "the worker exited: " + stderr(worker));
                assertTrue(System.nanoTime() < deadline, () -> "no second try logged: " + stderr(worker));
                Thread.sleep(100); // no event to wait on: the log file is polled, with a deadline
            }
        } finally {
            worker.process().destroyForcibly().waitFor();
        }
    }

    @Test
    void failFastExitsAtOnce() throws Exception {
        RondoProcess.Result result = rondo().run("worker", "--fail-fast", "--database-url", NOWHERE);
        assertEquals(1, result.code(), result.err());
        assertTrue(result.err().contains("Cannot connect to"), result.err());
        assertFalse(result.err().contains("Cannot reach the database"), result.err());
    }

    private static String stderr(RondoProcess.Running worker) {
        try {
            return worker.stderr();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
