package dev.rondo.store;

import dev.rondo.core.RondoException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work in a transaction, again when PostgreSQL aborted it for a deadlock or a serialization failure. */
public final class Transactions {

    private static final int ATTEMPTS = 5;

    private Transactions() {}

    /** Work on a plain JDBC connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A failed statement, unchecked; its cause is the SQLException. */
    public static final class DatabaseException extends RondoException {
        public DatabaseException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** {@code work} in one transaction on a pooled connection, retried when PostgreSQL aborted it for a deadlock or a serialization failure. */
    public static <T> T retrying(DataSource dataSource, Work<T> work) {
        return retrying(dataSource, false, work);
    }

    /**
     * {@code work} that is a single statement, run without BEGIN and COMMIT (PostgreSQL makes one statement
     * atomic by itself): one round trip less than a transaction.
     */
    /**
     * Runs {@code work} on the caller's connection: within the transaction it has open, or, when it is in
     * auto-commit mode, in a transaction of its own that commits (or rolls back) before this returns. Not
     * retried: the caller's transaction is the caller's.
     */
    public static <T> T onCallersConnection(Connection connection, Work<T> work) throws SQLException {
        if (!connection.getAutoCommit()) {
            return work.run(connection);
        }
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    public static <T> T autocommit(DataSource dataSource, Work<T> work) {
        return retrying(dataSource, true, work);
    }

    private static <T> T retrying(DataSource dataSource, boolean autocommit, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(dataSource, autocommit, work);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !retryable(e)) {
                    throw e;
                }
            }
        }
    }

    private static <T> T once(DataSource dataSource, boolean autocommit, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(autocommit);
            try {
                T result = work.run(connection);
                if (!autocommit) {
                    connection.commit();
                }
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                if (!autocommit) {
                    rollbackQuietly(connection, e);
                }
                throw e;
            } finally {
                if (!autocommit) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Whether a failure may go away by itself, so the same work is worth doing again later: the connection
     * was lost or could not be had (class 08, the pool's timeouts), the server is shutting down or restarting
     * (57P01-57P03), a statement or lock wait was cancelled (57014, 55P03), the server ran short of a
     * resource (class 53), a serialization failure or deadlock (40001, 40P01). Anything else (data errors
     * such as 22xxx, constraint violations 23xxx, program limits 54xxx, any {@link Error}) is permanent: the
     * same slice would fail the same way every time. An SQLException without a SQLState comes from the
     * pool or the driver about the connection (HikariCP's "Connection is closed"), not from the database's
     * judgement of the data: transient, unless a cause says otherwise.
     */
    public static boolean isTransient(Throwable e) {
        boolean stateless = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Error) {
                return false;
            }
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("08") || state.startsWith("53") || state.equals("57P01")
                        || state.equals("57P02") || state.equals("57P03") || state.equals("57014")
                        || state.equals("55P03") || state.equals("40001") || state.equals("40P01");
            }
            if (t instanceof java.io.IOException) {
                return true;
            }
            stateless |= t instanceof SQLException;
        }
        return stateless;
    }

    /** 40P01 deadlock_detected and 40001 serialization_failure: the same work can simply run again. */
    public static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

}
