package dev.rondo.store;

import dev.rondo.store.internal.StoreSqlLocator;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.SqlObjects;

/**
 * The entry to the store for its users (the client, the worker): a {@link Jdbi} whose SqlObjects
 * ({@link DefinitionDao}, {@link RetentionDao}) read their statements from the store's {@code .sql} files.
 * The hot paths ({@link WorkflowStart}, {@link QueueStatements}, {@link SliceDao}, {@link WorkerStatements})
 * and the client's one-shot reads and writes ({@link ExecutionDao}, {@link QueryDao}) take a plain JDBC
 * connection instead.
 */
public final class Store {

    private Store() {}

    /** One per pool: jdbi keeps its configuration and statement caches per {@code Jdbi}. */
    public static Jdbi jdbi(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
        jdbi.getConfig(SqlObjects.class).setSqlLocator(new StoreSqlLocator());
        // jdbi 3.51 rebuilds an attached SqlObject's metadata (re-reading its .sql files) on every
        // handle.attach until the type has been used once through the Jdbi itself (jdbi issue 2991): about
        // 2 ms of CPU per start. No connection is opened for this.
        jdbi.useExtension(DefinitionDao.class, dao -> { });
        return jdbi;
    }
}
