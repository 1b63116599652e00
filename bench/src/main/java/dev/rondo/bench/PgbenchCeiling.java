package dev.rondo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The throughput ceiling: pgbench (a C client, no JVM, prepared statements) running the worker's own
 * {@code claim.sql} and {@code finish_tasks.sql} over task items seeded like the engine's fan-out (50 tasks
 * per waiting parent workflow, so each end also writes the parent's inbox row and wake-up). Like the
 * worker, each pgbench transaction is two commits: the claim of up to {@code batch} items, then their end.
 * Jobs/s counts the tasks the database shows as ended, over pgbench's own clock.
 */
final class PgbenchCeiling {

    static final int CLIENTS = 4;
    static final int THREADS = 2;
    private static final int TASKS_PER_PARENT = 50;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: ([0-9]+)");

    /** Tasks ended per second, and PostgreSQL's CPU per task (NaN when unknown). */
    record Result(double jobsPerSecond, double serverMicrosPerJob) {}

    private PgbenchCeiling() {}

    /** {@code batch} items per claim for {@code seconds}, over {@code tasks} seeded first (more than it can end). */
    static Result run(BenchDatabase db, int batch, int seconds, int tasks) throws SQLException, IOException, InterruptedException {
        db.reset();
        seed(db, tasks);
        Path script = Files.createTempFile("rondo-bench-", ".pgbench");
        try {
            Files.writeString(script, script());
            CpuClock cpu = db.cpu();
            String output = pgbench(db, script, batch, seconds);
            long serverNanos = db.cpu().serverSince(cpu);
            Matcher tps = TPS.matcher(output);
            Matcher processed = PROCESSED.matcher(output);
            if (!tps.find() || !processed.find() || Long.parseLong(processed.group(1)) == 0) {
                throw new IllegalStateException("pgbench printed no throughput:\n" + output);
            }
            double ended = db.number("SELECT count(*) FROM executions WHERE kind = 'task' AND finished_at IS NOT NULL");
            if (ended >= tasks) {
                throw new IllegalStateException("pgbench ran out of seeded tasks (" + tasks + "); seed more");
            }
            // per transaction: the tasks ended over the transactions run (a full batch while tasks last)
            return new Result(Double.parseDouble(tps.group(1)) * ended / Long.parseLong(processed.group(1)),
                    serverNanos < 0 ? Double.NaN : serverNanos / 1e3 / ended);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /**
     * Waiting parents (on queue {@code pgbench-parents}, which nobody serves) with their queued tasks on queue
     * {@code pgbench}, in claim order (siblings next to each other, as the engine inserts them).
     */
    static void seed(BenchDatabase db, int tasks) throws SQLException {
        int parents = (tasks + TASKS_PER_PARENT - 1) / TASKS_PER_PARENT;
        db.execute(
                "INSERT INTO executions (id, kind, name, definition_hash, queue, status, input) "
                        + "SELECT 'w' || p, 'workflow', 'fanout', 'none', 'pgbench-parents', 'waiting', '{}' "
                        + "FROM generate_series(1, " + parents + ") p",
                "INSERT INTO executions (id, kind, name, queue, status, input, parent_id, parent_promise) "
                        + "SELECT 'w' || p || '.t' || t, 'task', 'noop', 'pgbench', 'queued', '{\"i\":' || t || '}', 'w' || p, t "
                        + "FROM generate_series(1, " + parents + ") p, generate_series(0, " + (TASKS_PER_PARENT - 1) + ") t",
                "INSERT INTO queue_items (execution_id, queue) "
                        + "SELECT id, queue FROM executions WHERE kind = 'task' ORDER BY parent_id, parent_promise",
                // the engine's tables are small and autovacuumed; a bulk load is neither until this
                "VACUUM ANALYZE executions",
                "VACUUM ANALYZE queue_items");
    }

    /**
     * The claim as the worker runs it, with its rows gathered into arrays (the worker does this in Java) for
     * {@code \gset}, then the end of all of them in one statement, as the worker's batching finisher does.
     */
    static String script() {
        String claim = EngineSql.load("QueueStatements/claim.sql").text();
        int last = claim.lastIndexOf("\nSELECT ");
        if (last < 0 || !claim.startsWith("WITH ")) {
            throw new IllegalStateException("claim.sql is no longer WITH … SELECT …; update PgbenchCeiling.script()");
        }
        String finish = EngineSql.load("QueueStatements/finish_tasks.sql").text();
        return "\\set owner :client_id\n"
                + claim.substring(0, last) + ", claimed_rows AS (" + claim.substring(last) + "\n)\n"
                + "SELECT coalesce(array_agg(item_id), '{}') AS items,\n"
                + "       coalesce(array_agg('resolved'::text), '{}') AS outcomes,\n"
                + "       coalesce(array_agg(NULL::text), '{}') AS payloads,\n"
                + "       coalesce(array_agg(attempt + 1), '{}') AS attempts\n"
                + "FROM claimed_rows \\gset\n"
                + finish + ";\n";
    }

    private static String pgbench(BenchDatabase db, Path script, int batch, int seconds) throws IOException, InterruptedException {
        return pgbench(db, script, List.of("-T", Integer.toString(seconds),
                "-D", "queue=pgbench", "-D", "limit=" + batch, "-D", "leaseSeconds=30", "-D", "workflowsOnly=false"));
    }

    /** pgbench with {@link #CLIENTS} clients, prepared statements and no vacuum, running {@code script} with {@code options}. */
    static String pgbench(BenchDatabase db, Path script, List<String> options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(pgbenchPath(), "-n", "-M", "prepared",
                "-c", Integer.toString(CLIENTS), "-j", Integer.toString(THREADS), "-h", db.host(), "-p", Integer.toString(db.port())));
        command.addAll(options);
        command.addAll(List.of("-f", script.toString()));
        if (db.parameter("user") != null) {
            command.addAll(List.of("-U", db.parameter("user")));
        }
        command.add(db.name());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (db.parameter("password") != null) {
            builder.environment().put("PGPASSWORD", db.parameter("password"));
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed (" + String.join(" ", command) + "):\n" + output);
        }
        return output;
    }

    /** Seconds pgbench spent in its transactions (processed over tps, without the connection time). */
    static double seconds(String output) {
        Matcher tps = TPS.matcher(output);
        Matcher processed = PROCESSED.matcher(output);
        if (!tps.find() || !processed.find()) {
            throw new IllegalStateException("pgbench printed no throughput:\n" + output);
        }
        return Long.parseLong(processed.group(1)) / Double.parseDouble(tps.group(1));
    }

    /** {@code PGBENCH} when set, else Debian's /usr/bin/pgbench, else whatever is on the PATH. */
    private static String pgbenchPath() {
        String configured = System.getenv("PGBENCH");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return Files.isExecutable(Path.of("/usr/bin/pgbench")) ? "/usr/bin/pgbench" : "pgbench";
    }
}
