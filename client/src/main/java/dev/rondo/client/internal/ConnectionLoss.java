package dev.rondo.client.internal;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Tells a lost or unobtainable database connection (worth retrying on a new one) from other failures. */
public final class ConnectionLoss {

    private ConnectionLoss() {}

    /**
     * Whether {@code failure} or one of its causes says the connection is gone or could not be had:
     * SQLSTATE class 08 (connection exception), 57P01–57P03 (the server shutting down or starting), or the
     * pool's timeout waiting for a connection.
     */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
