package dev.rondo.worker;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that refuses its first {@code refusals} connections as PostgreSQL does when it is not up
 * (SQLState 08001), then hands out the real ones; {@code null} as the real one refuses for ever.
 */
public final class UnreachableDatabase implements DataSource {

    private final DataSource real;
    private final int refusals;
    private final AtomicInteger tries = new AtomicInteger();

    public UnreachableDatabase(DataSource real, int refusals) {
        this.real = real;
        this.refusals = refusals;
    }

    /** How many connections were asked for. */
    public int tries() {
        return tries.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (tries.incrementAndGet() <= refusals || real == null) {
            throw new SQLException("Connection to localhost:5432 refused. Check that the hostname and port are correct"
                    + " and that the postmaster is accepting TCP/IP connections.", "08001");
        }
        return real.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
