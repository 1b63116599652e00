package dev.rondo.embedded;

import dev.rondo.embedded.internal.Binaries;
import dev.rondo.embedded.internal.DataVersion;
import dev.rondo.embedded.internal.HomeLock;
import dev.rondo.embedded.internal.PgCommands;
import dev.rondo.embedded.internal.ServerFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The local PostgreSQL server Rondo uses when no database is configured. It lives under a home folder
 * ({@code ~/.rondo}, or {@code $RONDO_HOME}): the server binaries, its data folder and its log. It is
 * started on first use, found and reused by every later process (a state file names its port, the data
 * folder's {@code postmaster.pid} its process), keeps running after the process that started it exits,
 * and runs until {@link #stop()}.
 *
 * <pre>{@code
 * String url = LocalDatabase.fromEnvironment().ensureRunning(System.err::println);
 * RondoClient rondo = RondoClient.connect(url);
 * }</pre>
 *
 * <p>Safe from many processes at once: starting is done under a file lock, so two processes starting
 * together run {@code initdb} and the server once.
 */
public final class LocalDatabase {

    /** The environment variable that moves the home folder away from {@code ~/.rondo}. */
    public static final String HOME_VARIABLE = "RONDO_HOME";
    /** The environment variable naming the PostgreSQL to use instead of this local one (a JDBC or postgres:// URL). */
    public static final String URL_VARIABLE = "RONDO_DATABASE_URL";
    /** The database Rondo's tables live in, on the local server. */
    public static final String DATABASE = "rondo";

    private final Path home;
    private final ServerFiles files;

    private LocalDatabase(Path home) {
        this.home = home.toAbsolutePath().normalize();
        this.files = new ServerFiles(this.home);
    }

    /** The server under {@code home}. */
    public static LocalDatabase at(Path home) {
        return new LocalDatabase(Objects.requireNonNull(home, "home"));
    }

    /**
     * The server under {@code $RONDO_HOME}, else under {@code $HOME/.rondo} (the shell's {@code ~}, which the
     * JVM's {@code user.home} need not be: it comes from the password database), else {@code user.home}.
     */
    public static LocalDatabase fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    static LocalDatabase fromEnvironment(Map<String, String> environment) {
        String configured = environment.get(HOME_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return at(Path.of(configured));
        }
        String home = environment.get("HOME");
        return at(Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".rondo"));
    }

    /**
     * The database Rondo uses, chosen the same way everywhere: {@code explicitUrl} when given (a command's
     * {@code --database-url}, say), else {@code $RONDO_DATABASE_URL}, else this local server under
     * {@code $RONDO_HOME} or {@code ~/.rondo}, started when it is not running (see {@link #ensureRunning}).
     * Blank values count as not given.
     *
     * <pre>{@code
     * RondoClient rondo = RondoClient.connect(LocalDatabase.resolveUrl(null, System.err::println));
     * }</pre>
     *
     * @param explicitUrl the URL the user gave, or null
     * @param progress    gets one line when the local server is started
     * @throws UncheckedIOException as {@link #ensureRunning} does, when the local server is needed
     */
    public static String resolveUrl(String explicitUrl, Consumer<String> progress) {
        return resolveUrl(explicitUrl, System.getenv(), progress);
    }

    static String resolveUrl(String explicitUrl, Map<String, String> environment, Consumer<String> progress) {
        Objects.requireNonNull(progress, "progress");
        if (explicitUrl != null && !explicitUrl.isBlank()) {
            return explicitUrl;
        }
        String configured = environment.get(URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return fromEnvironment(environment).ensureRunning(progress);
    }

    /** The home folder (binaries, data, log). */
    public Path home() {
        return home;
    }

    /** {@link #ensureRunning(Consumer)} without progress messages. */
    public String url() {
        return ensureRunning(message -> {});
    }

    /**
     * The JDBC URL of the running server's {@value #DATABASE} database, starting the server first when it
     * is not running (then {@code progress} gets one line saying so; the first start also unpacks the
     * binaries and runs {@code initdb}, a few seconds).
     *
     * @throws UncheckedIOException when the server cannot be started, or runs but does not answer, or its
     *     data folder was made by another major version of PostgreSQL; the message says why and what to do
     */
    public String ensureRunning(Consumer<String> progress) {
        Objects.requireNonNull(progress, "progress");
        Integer port = files.port();
        if (port != null && problem(port) == null) {
            return url(port);
        }
        try (HomeLock ignored = HomeLock.acquire(files.lockFile())) {
            port = files.port();
            if (port != null && problem(port) == null) {
                return url(port); // another process started it while we waited for the lock
            }
            Optional<ServerFiles.Postmaster> live = files.postmaster();
            if (live.isPresent()) {
                return adopt(live.get()); // running, but the port file is missing or wrong: never start a second one
            }
            boolean firstTime = !files.initialised();
            progress.accept("rondo: starting the embedded PostgreSQL under " + shown(home)
                    + (firstTime ? " (first time: unpacking, initdb)…" : "…"));
            PgCommands pg = new PgCommands(Binaries.unpack(files.binariesRoot()), files.dataDir(), files.logFile());
            if (firstTime) {
                pg.initdb();
            } else {
                Optional<String> mismatch = DataVersion.mismatch(files.dataVersion(), DataVersion.major(pg.version()), files.dataDir());
                if (mismatch.isPresent()) {
                    throw refusal(mismatch.get());
                }
            }
            int chosen = files.freePort(port);
            pg.start(chosen);
            files.writePort(chosen);
            createDatabase(chosen);
            return url(chosen);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL under " + home + ": " + e.getMessage(), e);
        }
    }

    /** The URL of the server {@code postmaster.pid} names, recording its port; it must answer there. */
    private String adopt(ServerFiles.Postmaster live) throws IOException {
        String problem = problem(live.port());
        if (problem != null) {
            throw refusal("The embedded PostgreSQL (pid " + live.pid() + ", port " + live.port() + ") runs but does not answer: "
                    + problem + "; see " + files.logFile() + " ('rondo db stop' stops it).");
        }
        files.writePort(live.port());
        createDatabase(live.port()); // in case the process that started it stopped before creating it
        return url(live.port());
    }

    /** Whether the server runs, and where: for {@code rondo db status}. */
    public Status status() {
        Integer port = files.postmaster().map(ServerFiles.Postmaster::port).orElse(files.port());
        boolean running = port != null && problem(port) == null;
        return new Status(running, running ? url(port) : null, files.dataDir(), running ? files.postmasterPid() : OptionalLong.empty(),
                running ? port : 0, files.logFile());
    }

    /**
     * Stops the server (fast shutdown: open sessions are ended, committed work is kept); false when it was
     * not running. The data stays; the next {@link #ensureRunning} starts it again.
     */
    public boolean stop() {
        try (HomeLock ignored = HomeLock.acquire(files.lockFile())) {
            if (files.postmasterPid().isEmpty()) {
                return false;
            }
            new PgCommands(Binaries.unpack(files.binariesRoot()), files.dataDir(), files.logFile()).stop();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL under " + home + ": " + e.getMessage(), e);
        }
    }

    /**
     * Where the server is and whether it runs.
     *
     * @param running whether it answers now
     * @param url     its JDBC URL while running, else null
     * @param dataDir its data folder
     * @param pid     the postmaster's process id while running
     * @param port    its TCP port on 127.0.0.1 while running, else 0
     * @param logFile the server's log
     */
    public record Status(boolean running, String url, Path dataDir, OptionalLong pid, int port, Path logFile) {}

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=postgres";
    }

    /** A failure whose message is complete as it is (not wrapped in "Cannot start…"). */
    private static UncheckedIOException refusal(String message) {
        return new UncheckedIOException(message, new IOException(message));
    }

    /**
     * Null when our server answers on this port, else why not: no connection (the driver's message), or
     * the server there serves another data folder (after a stop, another server may have taken the port).
     */
    private String problem(int port) {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("connectTimeout", "2");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('data_directory')")) {
            rs.next();
            Path served = Path.of(rs.getString(1));
            return served.equals(files.dataDir()) ? null : "the server on port " + port + " serves another data folder, " + served;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static void createDatabase(int port) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IOException("cannot create the database '" + DATABASE + "': " + e.getMessage(), e);
        }
    }

    /** The home as it really is, so a message never says {@code ~/.rondo} when it is elsewhere. */
    private static String shown(Path home) {
        return home.toAbsolutePath().toString();
    }
}
