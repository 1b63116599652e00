package dev.rondo.bench;

import dev.rondo.store.Channels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code rondo worker} processes started as users start them ({@code ./rondo worker --concurrency N --mock
 * noop=null}), on the benchmark's database; their output (a line per attempt) goes to a file, as a
 * terminal or a log collector would take it. The repository's root comes from the {@code rondo.root}
 * property that {@code bench/run} sets (after building the command's jar).
 */
final class CommandWorkers implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final BenchDatabase db;
    private final Path log;

    CommandWorkers(BenchDatabase db, int count, int concurrency) throws IOException {
        this(db, count, concurrency, System.getenv("RONDO_BENCH_COMMAND"));
    }

    /** {@code launcher}: another launcher than the repository's ./rondo (an experiment's JVM options), or null. */
    CommandWorkers(BenchDatabase db, int count, int concurrency, String launcher) throws IOException {
        this.db = db;
        String root = System.getProperty("rondo.root");
        String configured = launcher;
        Path rondo = configured != null && !configured.isBlank() ? Path.of(configured) : root == null ? null : Path.of(root, "rondo");
        if (rondo == null || !Files.isExecutable(rondo)) {
            throw new IllegalStateException("the rondo command was not found: run the benchmark with bench/run (it sets -Drondo.root)");
        }
        this.log = Files.createTempFile("rondo-bench-command-", ".log");
        for (int i = 0; i < count; i++) {
            ProcessBuilder builder = new ProcessBuilder(rondo.toString(), "worker", "--concurrency",
                    Integer.toString(concurrency), "--mock", "noop=null")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("RONDO_DATABASE_URL", db.url());
            processes.add(builder.start());
        }
    }

    /**
     * Waits until every process LISTENs for work, at most 60 s: its listener's connection's last statement is
     * one of its LISTENs, the first of which is the work channel's.
     */
    void awaitListening() throws SQLException, IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (db.number("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + " AND query IN ('LISTEN " + Channels.WORK + "', 'LISTEN " + Channels.ADMIT + "', 'LISTEN "
                + Channels.SCHEDULES + "')")
                < processes.size()) {
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("a rondo worker exited (" + p.exitValue() + "): " + tail());
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rondo workers were not listening after 60 s: " + tail());
            }
            Sleep.millis(20);
        }
    }

    private String tail() throws IOException {
        String text = Files.readString(log);
        return text.substring(Math.max(0, text.length() - 2000));
    }

    /** SIGTERM, as Ctrl-C: each lets running work finish and exits. */
    @Override
    public void close() throws IOException {
        processes.forEach(Process::destroy);
        try {
            for (Process p : processes) {
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("a rondo worker did not stop within 30 s of SIGTERM");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
