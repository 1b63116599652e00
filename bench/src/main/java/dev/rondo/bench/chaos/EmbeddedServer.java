package dev.rondo.bench.chaos;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An embedded PostgreSQL (zonky's binaries) on a data folder of its own, so the suite can restart it
 * without touching anyone else's server. Restarts go through {@code pg_ctl restart} on that folder (under
 * {@code unshare -U} as root, as the server itself runs), which starts it again with the options it had.
 */
final class EmbeddedServer implements ChaosServer {

    private final Path data;
    private final Path log;
    private final EmbeddedPostgres postgres;
    private final String url;

    EmbeddedServer(Path folder) throws IOException {
        this.data = folder.resolve("data");
        this.log = folder.resolve("postgres.log");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        this.postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "100")
                // zonky turns it off for speed, but then an immediate stop loses commits already
                // acknowledged, which the suite would count against the engine
                .setServerConfig("synchronous_commit", "on")
                .start();
        this.url = postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public void restart(boolean immediate) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl().toString(), "-D", data.toString(), "-l", log.toString(),
                "-m", immediate ? "immediate" : "fast", "-w", "-t", "60", "restart"));
        ChaosServer.run(command.toArray(String[]::new));
    }

    /** pg_ctl beside the running server's own binary. */
    private Path pgCtl() throws IOException {
        String pid = Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip();
        return Files.readSymbolicLink(Path.of("/proc", pid, "exe")).resolveSibling("pg_ctl");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
