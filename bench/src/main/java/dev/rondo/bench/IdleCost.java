package dev.rondo.bench;

import java.io.IOException;
import dev.rondo.worker.Worker;
import java.sql.SQLException;
import java.util.function.UnaryOperator;

/**
 * What a worker with nothing to do sends to PostgreSQL: statements per second from
 * {@code pg_stat_statements} when the server has it loaded, otherwise transactions per second from
 * {@code pg_stat_database} (the extension needs {@code shared_preload_libraries}, which only a server
 * restart changes). The worker's own statements run in auto-commit, so each is a transaction; nothing
 * else connects to the benchmark's database meanwhile. Backends report their counts within about a
 * second of going idle, so the window starts after a settling pause and is long.
 */
final class IdleCost {

    static final int SETTLE_SECONDS = 5;

    /**
     * Per second over {@code seconds}, and what was counted; {@code clientStatements}: the statements the
     * worker executed per second, counted on the client ({@link CountingDataSource}) over the same window.
     */
    record Result(double perSecond, String counted, double clientStatements) {}

    private IdleCost() {}

    static Result run(BenchDatabase db, int concurrency, int seconds) throws SQLException, IOException {
        return run(db, concurrency, seconds, db.budget().workerPool(), b -> b);
    }

    /**
     * As {@link #run(BenchDatabase, int, int)}, the worker on a pool of {@code poolSize} and configured further
     * by {@code configure}.
     */
    static Result run(BenchDatabase db, int concurrency, int seconds, int poolSize, UnaryOperator<Worker.Builder> configure)
            throws SQLException, IOException {
        try (FreshEngine engine = new FreshEngine(db)) {
            boolean statements = statementsCounted(db);
            CountingDataSource[] counter = new CountingDataSource[1];
            try (WorkerGroup group = new WorkerGroup(db, 1, concurrency, "default", poolSize).configure(configure).through(pool -> {
                counter[0] = new CountingDataSource(pool);
                return counter[0].dataSource();
            }).start()) {
                group.awaitListening();
                Sleep.millis(SETTLE_SECONDS * 1000L);
                double before = count(db, statements);
                long executedBefore = counter[0].executed();
                Sleep.millis(seconds * 1000L);
                long executed = counter[0].executed() - executedBefore;
                double after = count(db, statements);
                // the first reading's own transaction was reported in the window (the second's after it)
                double sent = after - before - (statements ? 0 : 1);
                return new Result(sent / seconds, statements ? "statements (pg_stat_statements)"
                        : "transactions (pg_stat_database; pg_stat_statements is not in shared_preload_libraries)",
                        (double) executed / seconds);
            }
        }
    }

    private static boolean statementsCounted(BenchDatabase db) {
        try {
            db.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            db.number("SELECT count(*) FROM pg_stat_statements LIMIT 1");
            return true;
        } catch (SQLException notLoaded) {
            return false;
        }
    }

    private static double count(BenchDatabase db, boolean statements) throws SQLException {
        Sleep.millis(1500); // let the backends report what they did before now
        return statements
                ? db.number("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())")
                : db.number("SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()");
    }
}
