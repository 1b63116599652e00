package dev.rondo.bench.chaos;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A Debian-packaged cluster on this machine (by default PostgreSQL 15 {@code main} at 127.0.0.1:5432),
 * restarted with {@code pg_ctlcluster}. Every session on it is cut at each restart, not only the suite's.
 */
final class LocalCluster implements ChaosServer {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/rondo_chaos?user=postgres";

    private final String url;
    private final String version;
    private final String cluster;

    /** {@code RONDO_CHAOS_URL} (default {@link #DEFAULT_URL}), {@code RONDO_CHAOS_CLUSTER} (default "15 main"). */
    static LocalCluster fromEnvironment() throws SQLException {
        String url = System.getenv().getOrDefault("RONDO_CHAOS_URL", DEFAULT_URL);
        String[] cluster = System.getenv().getOrDefault("RONDO_CHAOS_CLUSTER", "15 main").trim().split("\\s+");
        LocalCluster local = new LocalCluster(url, cluster[0], cluster[1]);
        local.createIfMissing();
        return local;
    }

    private LocalCluster(String url, String version, String cluster) {
        this.url = url;
        this.version = version;
        this.cluster = cluster;
    }

    private void createIfMissing() throws SQLException {
        String name = url.replaceFirst("^jdbc:postgresql://[^/]+/([^?]*).*$", "$1");
        String admin = url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1postgres");
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement();
             ResultSet found = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "''") + "'")) {
            if (!found.next()) {
                s.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
            }
        }
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public void restart(boolean immediate) throws IOException, InterruptedException {
        ChaosServer.run("pg_ctlcluster", "--skip-systemctl-redirect", version, cluster, "restart",
                "-m", immediate ? "immediate" : "fast");
    }

    @Override
    public void close() {
        // the cluster is the machine's: it stays up
    }
}
