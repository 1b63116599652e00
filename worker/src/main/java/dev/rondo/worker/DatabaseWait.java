package dev.rondo.worker;

import dev.rondo.worker.internal.Jitter;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for a database that cannot be reached yet (a worker started before PostgreSQL, or while it
 * restarts): tries again with a backoff that doubles up to a cap, jittered so that many workers do not
 * come back at the same instant, and logs each try. Any other failure (a wrong password, a bad URL, a
 * failed migration) is thrown at once: waiting would not fix it. {@link Worker#start()} waits so; a
 * service that makes its own client before its worker can wait the same way:
 *
 * <pre>{@code
 * RondoClient rondo = new DatabaseWait(Worker.MAX_DATABASE_BACKOFF, "set rondo.fail-fast")
 *         .until(() -> RondoClient.connect(url), () -> stopping);
 * }</pre>
 */
public final class DatabaseWait {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWait.class);
    private static final long FIRST_BACKOFF_MILLIS = 500;
    /** A stop request is noticed this soon during a backoff. */
    private static final long STOP_CHECK_MILLIS = 100;

    private final Duration maxBackoff;
    private final String failFastHint;

    /** {@code failFastHint}: how the user makes it fail at once instead, for the log line. */
    public DatabaseWait(Duration maxBackoff, String failFastHint) {
        this.maxBackoff = maxBackoff;
        this.failFastHint = failFastHint;
    }

    /**
     * Runs {@code attempt} until it succeeds or fails for another reason than an unreachable database;
     * returns null when {@code stopped} turns true first.
     */
    public <T> T until(Callable<T> attempt, BooleanSupplier stopped) throws Exception {
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int tries = 1; ; tries++) {
            try {
                return attempt.call();
            } catch (Exception e) {
                if (!unreachable(e)) {
                    throw e;
                }
                if (stopped.getAsBoolean()) {
                    return null; // a shutdown that came during this try ends the wait as one during the sleep does
                }
                long wait = Jitter.around(backoff);
                LOG.warn("Cannot reach the database (try {}; trying again in {} ms, {}): {}",
                        tries, wait, failFastHint, reason(e));
                if (!sleep(wait, stopped)) {
                    return null;
                }
                backoff = Math.min(backoff * 2, maxBackoff.toMillis());
            }
        }
    }

    /**
     * Whether {@code e} says the database cannot be reached now: a connection refused or broken (SQLState
     * class 08), a server starting up or shutting down (57P01–57P03), too many connections (53300), or a
     * pool that timed out waiting for a connection.
     */
    public static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.matches("57P0[123]") || "53300".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The driver's own words (the deepest SQLException's: they name the host), else the root cause's. */
    private static String reason(Throwable e) {
        Throwable root = e;
        String sql = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                sql = t.getMessage();
            }
            root = t;
        }
        return sql != null ? sql : root.getMessage() != null ? root.getMessage() : root.toString();
    }

    private static boolean sleep(long millis, BooleanSupplier stopped) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!stopped.getAsBoolean()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return true;
            }
            Thread.sleep(Math.min(left, STOP_CHECK_MILLIS));
        }
        return false;
    }
}
