package dev.rondo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * The peer of whole fan-out workflows: a job queue doing what graphile-worker (0.18, batched) does for the
 * same jobs, as pgbench scripts so that the comparison needs nothing outside the repository. Its jobs table
 * has graphile's columns and its main index (priority, run_at, id over the available jobs); jobs are
 * inserted 50 to a transaction with one NOTIFY (a fan-out's {@code add_jobs}), then worked: a batch of up to
 * {@link #BATCH} locked with {@code FOR UPDATE SKIP LOCKED} (attempts, locked_at, locked_by set), then
 * deleted by id and locker in one statement, as graphile's {@code complete_jobs}. Jobs/s is the jobs over
 * the two phases' time, each phase {@link PgbenchCeiling#CLIENTS} pgbench clients.
 */
final class GraphilePeer {

    static final int JOBS_PER_INSERT = 50;
    static final int BATCH = 100;

    private static final String TABLE = """
            CREATE TABLE gw_jobs (
                id bigserial PRIMARY KEY,
                queue_name text,
                task_identifier text NOT NULL,
                payload json NOT NULL DEFAULT '{}',
                priority smallint NOT NULL DEFAULT 0,
                run_at timestamptz NOT NULL DEFAULT now(),
                attempts smallint NOT NULL DEFAULT 0,
                max_attempts smallint NOT NULL DEFAULT 25,
                last_error text,
                created_at timestamptz NOT NULL DEFAULT now(),
                updated_at timestamptz NOT NULL DEFAULT now(),
                key text UNIQUE,
                locked_at timestamptz,
                locked_by text,
                revision integer NOT NULL DEFAULT 0,
                flags jsonb,
                is_available boolean GENERATED ALWAYS AS (locked_at IS NULL AND attempts < max_attempts) STORED
            )""";
    private static final String INDEX = "CREATE INDEX gw_jobs_main ON gw_jobs (priority, run_at) INCLUDE (id) WHERE is_available";

    private static final String INSERT = """
            INSERT INTO gw_jobs (task_identifier, payload)
            SELECT 'noop', json_build_object('i', i) FROM generate_series(1, %d) i;
            SELECT pg_notify('jobs' || chr(58) || 'insert', ''); -- graphile's channel, jobs:insert (a colon would be a pgbench variable)
            """.formatted(JOBS_PER_INSERT);

    private static final String WORK = """
            \\set worker :client_id
            WITH j AS (
                SELECT id FROM gw_jobs
                WHERE is_available AND run_at <= now()
                ORDER BY priority, run_at, id
                LIMIT %d
                FOR UPDATE SKIP LOCKED
            ), locked AS (
                UPDATE gw_jobs SET attempts = gw_jobs.attempts + 1, locked_by = 'w' || :worker, locked_at = now(), updated_at = now()
                FROM j WHERE gw_jobs.id = j.id
                RETURNING gw_jobs.id, gw_jobs.task_identifier, gw_jobs.payload
            )
            SELECT coalesce(array_agg(id), '{}') AS ids FROM locked \\gset
            DELETE FROM gw_jobs WHERE id = ANY (:ids::bigint[]) AND locked_by = 'w' || :worker;
            """.formatted(BATCH);

    /** Jobs per second over insert and work, and each phase's own rate. */
    record Result(double jobsPerSecond, double insertPerSecond, double workPerSecond) {}

    private GraphilePeer() {}

    /** Inserts then works {@code jobs} jobs (a multiple of 50 × {@link PgbenchCeiling#CLIENTS}). */
    static Result run(BenchDatabase db, int jobs) throws SQLException, IOException, InterruptedException {
        db.reset();
        db.execute(TABLE, INDEX);
        int insertsPerClient = jobs / JOBS_PER_INSERT / PgbenchCeiling.CLIENTS;
        if (insertsPerClient * JOBS_PER_INSERT * PgbenchCeiling.CLIENTS != jobs) {
            throw new IllegalArgumentException(jobs + " jobs are not whole inserts of " + JOBS_PER_INSERT + " for each client");
        }
        Path insert = Files.createTempFile("rondo-bench-gw-insert-", ".pgbench");
        Path work = Files.createTempFile("rondo-bench-gw-work-", ".pgbench");
        try {
            Files.writeString(insert, INSERT);
            Files.writeString(work, WORK);
            double insertSeconds = PgbenchCeiling.seconds(PgbenchCeiling.pgbench(db, insert, List.of("-t", Integer.toString(insertsPerClient))));
            if (db.number("SELECT count(*) FROM gw_jobs") != jobs) {
                throw new IllegalStateException("the graphile peer inserted " + db.number("SELECT count(*) FROM gw_jobs") + " jobs, not " + jobs);
            }
            db.execute("ANALYZE gw_jobs"); // as autovacuum would after a bulk insert, for the claim's plan
            // a batch per client and claim while jobs last, and a few that find none (SKIP LOCKED near the end)
            int claimsPerClient = jobs / BATCH / PgbenchCeiling.CLIENTS + 3;
            double workSeconds = PgbenchCeiling.seconds(PgbenchCeiling.pgbench(db, work, List.of("-t", Integer.toString(claimsPerClient))));
            double left = db.number("SELECT count(*) FROM gw_jobs");
            if (left > 0) {
                throw new IllegalStateException("the graphile peer left " + (long) left + " jobs unworked; give it more claims");
            }
            return new Result(jobs / (insertSeconds + workSeconds), jobs / insertSeconds, jobs / workSeconds);
        } finally {
            Files.deleteIfExists(insert);
            Files.deleteIfExists(work);
        }
    }
}
