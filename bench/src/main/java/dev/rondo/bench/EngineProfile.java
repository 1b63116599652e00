package dev.rondo.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One fan-out load, for finding where a task's server time goes: its throughput and CPU per task, then the
 * statements ranked by the server's time in them (executing, per task ended; planning, per plan made), from
 * {@code pg_stat_statements} when the server preloads it (the figures alone otherwise; planning times need
 * {@code pg_stat_statements.track_planning = on}). Two warm-up loads of the same size run first, uncounted.
 *
 * <p>{@code bench/run profile [WORKERS [CONCURRENCY [WORKFLOWS]]]}, defaults 1, 128 and 200.
 */
public final class EngineProfile {

    private EngineProfile() {}

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : EngineBench.LARGE_CONCURRENCY;
        int workflows = args.length > 2 ? Integer.parseInt(args[2]) : EngineBench.FAN_OUT_WORKFLOWS;
        String input = "{\"tasks\": " + EngineBench.FAN_OUT_TASKS + "}";
        BenchDatabase db = BenchDatabase.fromEnvironment();
        db.createIfMissing();
        try {
            profile(db, workers, concurrency, input, workflows);
        } finally {
            db.closeWorkerPools();
        }
    }

    private static void profile(BenchDatabase db, int workers, int concurrency, String input, int workflows) throws Exception {
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            EngineLoad.run(db, workers, concurrency, "fanout", input, workflows);
        }
        boolean statements = resetStatements(db);
        System.out.println("warmed up; measuring");
        EngineLoad.Result load = EngineLoad.run(db, workers, concurrency, "fanout", input, workflows);
        System.out.printf("fan-out %d×%d: %s tasks/s, %d slices (%.2f per task), JVM %.0f µs/task, server %.0f µs/task%n",
                workers, concurrency, Stats.format(load.tasksPerSecond()), load.slices(),
                (double) load.slices() / load.tasks(), load.jvmMicrosPer(load.tasks()), load.serverMicrosPer(load.tasks()));
        if (!statements) {
            System.out.println("(no statement figures: the server does not preload pg_stat_statements)");
            return;
        }
        printStatements(db, load.tasks());
    }

    /** Installs pg_stat_statements in a schema of its own (the benchmark drops {@code public}) and empties it. */
    static boolean resetStatements(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS bench_stats");
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA bench_stats");
            s.execute("SELECT bench_stats.pg_stat_statements_reset()");
            return true;
        } catch (SQLException notPreloaded) {
            return false;
        }
    }

    private static void printStatements(BenchDatabase db, long tasks) throws SQLException {
        String query = """
                SELECT calls, total_exec_time, rows, plans, total_plan_time, wal_records, left(regexp_replace(query, '\\s+', ' ', 'g'), 100)
                FROM bench_stats.pg_stat_statements
                WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                ORDER BY total_exec_time DESC LIMIT 25""";
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            System.out.printf("%7s %9s %7s %7s %9s %9s  %s%n", "calls", "µs/task", "rows", "plans", "plan µs", "wal/task", "statement");
            while (r.next()) {
                System.out.printf("%7d %9.1f %7d %7d %9.1f %9.2f  %s%n", r.getLong(1), r.getDouble(2) * 1000 / tasks, r.getLong(3),
                        r.getLong(4), r.getLong(4) == 0 ? 0 : r.getDouble(5) * 1000 / r.getLong(4), r.getDouble(6) / tasks, r.getString(7));
            }
        }
    }
}
