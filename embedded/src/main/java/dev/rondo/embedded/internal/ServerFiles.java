package dev.rondo.embedded.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the local server keeps its things under the home folder, and the small state it needs to be found
 * by other processes: the port it was last started on ({@code postgres/port}), and the postmaster's
 * process id (the first line of the data folder's {@code postmaster.pid}, which PostgreSQL itself writes
 * and removes).
 */
public final class ServerFiles {

    private final Path root;

    public ServerFiles(Path home) {
        this.root = home.resolve("postgres");
    }

    public Path binariesRoot() {
        return root;
    }

    public Path dataDir() {
        return root.resolve("data");
    }

    public Path logFile() {
        return root.resolve("server.log");
    }

    public Path lockFile() {
        return root.resolve("lock");
    }

    private Path portFile() {
        return root.resolve("port");
    }

    /** Whether initdb has made the data folder. */
    public boolean initialised() {
        return Files.exists(dataDir().resolve("PG_VERSION")) && Files.exists(dataDir().resolve("postgresql.conf"));
    }

    /** The port the server was last started on, or null before the first start. */
    public Integer port() {
        try {
            return Integer.valueOf(Files.readString(portFile(), StandardCharsets.UTF_8).strip());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** Records the port, atomically, so a reader never sees half of it. */
    public void writePort(int port) throws IOException {
        Path temporary = root.resolve("port.tmp");
        Files.writeString(temporary, Integer.toString(port), StandardCharsets.UTF_8);
        Files.move(temporary, portFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The postmaster's process id while one runs on the data folder. */
    public OptionalLong postmasterPid() {
        return postmaster().map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
    }

    /**
     * The postmaster running on the data folder, from its {@code postmaster.pid} (line 1 its process id,
     * line 4 its port), when that process is alive: the truth about a running server even when the port
     * file is missing or stale.
     */
    public Optional<Postmaster> postmaster() {
        try {
            List<String> lines = Files.readAllLines(dataDir().resolve("postmaster.pid"), StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.getFirst().strip());
            int port = Integer.parseInt(lines.get(3).strip());
            return ProcessHandle.of(pid).isPresent() ? Optional.of(new Postmaster(pid, port)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no file, or one half written by a starting server: nothing runs yet
        }
    }

    /** A live postmaster: its process id and TCP port. */
    public record Postmaster(long pid, int port) {}

    /** The major version that made the data folder ({@code PG_VERSION}, written by initdb), e.g. {@code 15}. */
    public String dataVersion() throws IOException {
        return Files.readString(dataDir().resolve("PG_VERSION"), StandardCharsets.UTF_8).strip();
    }

    /**
     * The port to start on: the previous one when it is still free (so URLs users copied keep working),
     * else one the system picks.
     */
    public int freePort(Integer previous) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        if (previous != null) {
            try (ServerSocket socket = new ServerSocket(previous, 1, loopback)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // someone else has it now: pick another
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, loopback)) {
            return socket.getLocalPort();
        }
    }
}
