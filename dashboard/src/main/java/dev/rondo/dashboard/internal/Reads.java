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
}
