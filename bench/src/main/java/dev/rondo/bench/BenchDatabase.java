package dev.rondo.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.migrations.Migrations;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The benchmark's own database ({@code RONDO_BENCH_URL}, by default {@code rondo_bench} on the local
 * server as {@code postgres}). Its {@code public} schema is dropped and migrated again before each
 * measurement, so no measurement inherits the dead rows and grown indexes of the one before.
 */
final class BenchDatabase {

    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/rondo_bench?user=postgres";

    private String[] afterMigrate = {};

    private final String url;
    private final URI uri;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private Long postmasterPid;
    private final Map<String, HikariDataSource> workerPools = new LinkedHashMap<>();
    private ConnectionBudget budget;

    private BenchDatabase(String url) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("RONDO_BENCH_URL must be a jdbc:postgresql:// URL, not " + url);
        }
        this.url = url;
        this.uri = URI.create(url.substring("jdbc:".length()));
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
    }

    /** The database the environment variable {@code variable} names, or {@code defaultUrl}. */
    static BenchDatabase fromEnvironment(String variable, String defaultUrl) {
        String url = System.getenv(variable);
        return new BenchDatabase(url == null || url.isBlank() ? defaultUrl : url);
    }

    static BenchDatabase fromEnvironment() {
        String url = System.getenv("RONDO_BENCH_URL");
        return new BenchDatabase(url == null || url.isBlank() ? DEFAULT_URL : url);
    }

    /** The JDBC URL, for processes started with it ({@code RONDO_DATABASE_URL}). */
    String url() {
        return url;
    }

    String host() {
        return uri.getHost();
    }

    int port() {
        return uri.getPort() < 0 ? 5432 : uri.getPort();
    }

    String name() {
        return uri.getPath().substring(1);
    }

    /** The URL's {@code user} and {@code password} parameters (null when absent), for pgbench. */
    String parameter(String key) {
        return parameters.get(key);
    }

    /**
     * The server's postmaster, found as the parent of a backend of ours, for reading its CPU time; -1 when
     * the server is not on this machine or /proc does not show it.
     */
    long postmasterPid() throws SQLException {
        if (postmasterPid == null) {
            boolean local = host().equals("localhost") || host().startsWith("127.") || host().equals("[::1]");
            postmasterPid = -1L;
            if (local) {
                try (Connection c = connect()) {
                    // read while the backend lives: it exits when its connection closes
                    postmasterPid = CpuClock.parentOf((long) number(c, "SELECT pg_backend_pid()"));
                }
            }
        }
        return postmasterPid;
    }

    /** CPU time so far of this JVM and of the server. */
    CpuClock cpu() throws SQLException {
        return CpuClock.now(postmasterPid());
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Creates the database when it does not exist yet (through the server's {@code postgres} database). */
    void createIfMissing() throws SQLException {
        String admin = url.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1postgres");
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            ResultSet found = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name().replace("'", "''") + "'");
            if (!found.next()) {
                s.execute("CREATE DATABASE \"" + name().replace("\"", "\"\"") + "\"");
            }
        }
    }

    /** Drops everything in {@code public} and brings the schema up to Rondo's current version. */
    void reset() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
        PGSimpleDataSource plain = new PGSimpleDataSource(); // Flyway holds two connections at once
        plain.setURL(url);
        Migrations.apply(plain);
        if (afterMigrate.length > 0) {
            execute(afterMigrate);
        }
    }

    /**
     * Statements run after every {@link #reset}'s migration (none unless set): a benchmark that compares a
     * schema change with the schema before it sets here what undoes the change, so both are measured in one run.
     */
    void afterMigrate(String... statements) {
        afterMigrate = statements.clone();
    }

    /** The connections this benchmark may hold at once, checked against the server's free ones ({@link #checkConnections}). */
    ConnectionBudget budget() {
        if (budget == null) {
            try {
                checkConnections(); // the benchmarks that do not check first (profile, latency) check here
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the server's connection settings", e);
            }
        }
        return budget;
    }

    /**
     * Reads {@code RONDO_BENCH_CONNECTIONS} (default {@link ConnectionBudget#DEFAULT_CONNECTIONS}) and what the
     * server has free ({@code max_connections} less the reserved and the connected), sizes the pools from the
     * smaller, prints the plan, and throws, saying what is needed, when it is less than the benchmark needs.
     */
    ConnectionBudget checkConnections() throws SQLException {
        String configured = System.getenv("RONDO_BENCH_CONNECTIONS");
        int allowed = configured == null || configured.isBlank() ? ConnectionBudget.DEFAULT_CONNECTIONS : Integer.parseInt(configured.trim());
        try (Connection c = connect()) {
            int max = (int) number(c, "SELECT current_setting('max_connections')::int");
            int reserved = (int) number(c, "SELECT current_setting('superuser_reserved_connections')::int");
            // this connection is ours and closes before the loads: not counted as used
            int used = (int) number(c, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'") - 1;
            budget = ConnectionBudget.of(allowed, max, reserved, used);
        }
        System.out.println(budget.describe());
        return budget;
    }

    /**
     * The worker pool {@code name} of {@code size} connections, kept open for the whole benchmark and reused
     * by every load that asks for it, as a long-running worker keeps its pool: PostgreSQL plans each
     * statement afresh for its first uses on a connection (pgjdbc prepares it on the server from the fifth,
     * the server then tries five custom plans before settling on a generic one), which a worker pays once,
     * not per load. The schema is dropped and created again between loads; the server re-plans the prepared
     * statements against the new tables by itself.
     */
    HikariDataSource workerPool(String name, int size) {
        HikariDataSource kept = workerPools.get(name);
        if (kept != null && kept.getMaximumPoolSize() != size) {
            kept.close(); // one pool per name at a time: open pools count against max_connections
            kept = null;
        }
        if (kept == null) {
            kept = pool(name, size);
            workerPools.put(name, kept);
        }
        return kept;
    }

    /** Closes the pools {@link #workerPool} kept. */
    void closeWorkerPools() {
        workerPools.values().forEach(HikariDataSource::close);
        workerPools.clear();
    }

    /**
     * A pool of {@code size} connections, all open before it is returned: a worker's measurement should
     * not include the pool dialling the server.
     */
    HikariDataSource pool(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        HikariDataSource pool = new HikariDataSource(config);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (pool.getHikariPoolMXBean().getTotalConnections() < size && System.nanoTime() < deadline) {
            Sleep.millis(5);
        }
        return pool;
    }

    /** The single number {@code sql} answers, on a connection of its own. */
    double number(String sql) throws SQLException {
        try (Connection c = connect()) {
            return number(c, sql);
        }
    }

    /** The single number {@code sql} answers on {@code connection}. */
    static double number(Connection connection, String sql) throws SQLException {
        double[] values = column(connection, sql);
        if (values.length != 1) {
            throw new IllegalStateException(sql + " gave " + values.length + " rows, not 1");
        }
        return values[0];
    }

    /** The first column of every row of {@code sql}, as numbers (null rows are left out). */
    double[] column(String sql) throws SQLException {
        try (Connection c = connect()) {
            return column(c, sql);
        }
    }

    private static double[] column(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<Double> values = new ArrayList<>();
            while (rs.next()) {
                double v = rs.getDouble(1);
                if (!rs.wasNull()) {
                    values.add(v);
                }
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /** Runs statements in autocommit mode (VACUUM cannot run inside a transaction). */
    void execute(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** "PostgreSQL 15.20 at 127.0.0.1:5432/rondo_bench" */
    String describe() throws SQLException {
        try (Connection c = connect()) {
            return "PostgreSQL " + c.getMetaData().getDatabaseProductVersion() + " at " + host() + ":" + port() + "/" + name();
        }
    }
}
