package dev.rondo.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local server in a temporary home: started once, found again, stopped, restarted with its data. */
class LocalDatabaseTest {

    @TempDir
    Path home;

    @AfterEach
    void stopServer() {
        LocalDatabase.at(home).stop(); // the temporary home is deleted next: leave no server on it
    }

    @Test
    void startsOnceIsFoundAgainStopsAndRestartsWithItsData() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        // Two at once, as two commands started together would: one starts the server, the other waits and reuses it.
        ExecutorService twoAtOnce = Executors.newFixedThreadPool(2);
        Callable<String> start = () -> LocalDatabase.at(home).ensureRunning(progress::add);
        List<Future<String>> urls = twoAtOnce.invokeAll(List.of(start, start));
        twoAtOnce.shutdown();
        String url = urls.get(0).get();
        assertEquals(url, urls.get(1).get());
        assertEquals(1, progress.size(), progress.toString());
        assertTrue(progress.getFirst().contains("first time: unpacking, initdb"), progress.toString());
        execute(url, "CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");

        LocalDatabase again = LocalDatabase.at(home);
        assertEquals(url, again.ensureRunning(progress::add), "the running server is reused");
        assertEquals(1, progress.size(), "nothing was started the second time");
        assertEquals(url, LocalDatabase.resolveUrl(" ", Map.of(LocalDatabase.HOME_VARIABLE, home.toString(),
                LocalDatabase.URL_VARIABLE, ""), progress::add), "with no URL given, the local server");
        LocalDatabase.Status running = again.status();
        assertTrue(running.running());
        assertEquals(url, running.url());
        assertTrue(running.pid().isPresent());
        assertTrue(ProcessHandle.of(running.pid().getAsLong()).isPresent());

        assertTrue(again.stop());
        assertFalse(again.status().running());
        // pg_ctl returns when postmaster.pid is gone; the process itself may take a moment more to exit
        ProcessHandle.of(running.pid().getAsLong()).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        assertFalse(again.stop(), "stopping a stopped server says so");

        String restarted = again.ensureRunning(progress::add);
        assertEquals(2, progress.size());
        assertFalse(progress.get(1).contains("first time"), progress.toString());
        try (Connection c = DriverManager.getConnection(restarted); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT n FROM kept")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void aRunningServerIsFoundByItsPidFileWhenThePortFileIsGone() throws Exception {
        LocalDatabase local = LocalDatabase.at(home);
        String url = local.ensureRunning(message -> {});
        long pid = local.status().pid().orElseThrow();
        Path portFile = home.resolve("postgres").resolve("port");
        Files.delete(portFile);

        List<String> progress = new CopyOnWriteArrayList<>();
        assertEquals(url, local.ensureRunning(progress::add), "the same server, not a second start");
        assertEquals(List.of(), progress, "nothing was started");
        assertEquals(pid, local.status().pid().orElseThrow());
        assertTrue(Files.exists(portFile), "the port file is written again");
    }

    @Test
    void aRunningServerThatRefusesConnectionsIsReportedNotStartedAgain() throws Exception {
        LocalDatabase local = LocalDatabase.at(home);
        String url = local.ensureRunning(message -> {});
        long pid = local.status().pid().orElseThrow();
        execute(url, "ALTER DATABASE postgres ALLOW_CONNECTIONS false"); // the probe connects to 'postgres'

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> local.ensureRunning(message -> {}));
        assertTrue(e.getMessage().startsWith("The embedded PostgreSQL (pid " + pid + ", port "), e.getMessage());
        assertTrue(e.getMessage().contains("runs but does not answer: "), e.getMessage());
        assertTrue(e.getMessage().contains("not currently accepting connections"), "the cause is kept: " + e.getMessage());
        assertTrue(e.getMessage().contains("server.log"), e.getMessage());
        assertTrue(ProcessHandle.of(pid).isPresent(), "the server still runs");
    }

    @Test
    void aDataFolderOfAnotherMajorVersionIsRefusedBeforeStarting() throws Exception {
        LocalDatabase local = LocalDatabase.at(home);
        local.ensureRunning(message -> {});
        local.stop();
        Path pgVersion = home.resolve("postgres").resolve("data").resolve("PG_VERSION");
        Files.writeString(pgVersion, "9.6\n"); // as if the binaries jar had moved on since initdb

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> local.ensureRunning(message -> {}));
        assertTrue(e.getMessage().contains("was made by PostgreSQL 9.6, but this Rondo ships PostgreSQL "), e.getMessage());
        assertTrue(e.getMessage().contains("RONDO_DATABASE_URL"), e.getMessage());
        assertFalse(local.status().running());
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
