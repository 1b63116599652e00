package dev.rondo.worker.internal;

import java.sql.SQLException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/** Runs work in a transaction, again when PostgreSQL aborted it for a deadlock or a serialization failure. */
final class Transactions {

    private static final int ATTEMPTS = 5;

    private Transactions() {}

    static <T> T retrying(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(work);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !retryable(e)) {
                    throw e;
                }
            }
        }
    }

    /** 40P01 deadlock_detected and 40001 serialization_failure: the same work can simply run again. */
    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

}
