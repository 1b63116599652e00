package dev.rondo.dashboard.internal;

import dev.rondo.store.DashboardDao;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * The dashboard's reads: each page's queries in one read-only transaction (one snapshot, so counts and rows
 * agree), planned for the filters actually given (force_custom_plan: the executions listing's optional
 * filters fold away only in a custom plan, and a cached generic plan would walk the wrong index).
 */
final class Reads {

    private final Jdbi jdbi;

    Reads(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    <T> T read(Function<DashboardDao, T> query) {
        return jdbi.inTransaction(handle -> {
            handle.execute("SET TRANSACTION READ ONLY");
            handle.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            return query.apply(handle.attach(DashboardDao.class));
        });
    }

    /**
     * {@link #read} stopped after {@code millis} ms of server time (statement_timeout), giving {@code otherwise}
     * then: for figures a page can do without, such as counts under a filter that no index serves well.
     */
    <T> T readWithin(int millis, Function<DashboardDao, T> query, T otherwise) {
        try {
            return jdbi.inTransaction(handle -> {
                handle.execute("SET TRANSACTION READ ONLY");
                handle.execute("SET LOCAL plan_cache_mode = force_custom_plan");
                handle.execute("SET LOCAL statement_timeout = " + millis);
                return query.apply(handle.attach(DashboardDao.class));
            });
        } catch (RuntimeException e) {
            if (cancelled(e)) {
                return otherwise;
            }
            throw e;
        }
    }

    /** Whether PostgreSQL cancelled the statement for its timeout (SQLSTATE 57014). */
    private static boolean cancelled(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
