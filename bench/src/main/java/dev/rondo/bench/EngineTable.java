package dev.rondo.bench;

/** The engine benchmark's closing table: each engine figure, its same-run peer, and their ratio. */
final class EngineTable {

    private static final String ROW = "%-50s %9s   %-50s %9s   %s%n";
    private static final String PGBENCH_100 = "pgbench claim+finish, 100 per claim";
    private static final String PGBENCH_1 = "pgbench claim+finish, 1 per claim";

    private EngineTable() {}

    static void print(Medians m, int runs, String idleCounted, int commandConcurrency) {
        System.out.println();
        System.out.printf(ROW, "engine figure (median of " + runs + " runs)", "engine", "ceiling, floor or peer (same run)", "value", "ratio");
        String graphile = "graphile-like insert + work, jobs/s";
        for (int c : EngineBench.FAN_OUT_CONCURRENCIES) {
            for (int w = 1; w <= 2; w++) {
                row("fan-out through tasks, tasks/s, " + workers(w) + " × " + c, m.of(EngineBench.tasks(w, c)), graphile, m.of("graphile"));
            }
        }
        row("fan-out through children, tasks/s, 2 workers × " + EngineBench.CONCURRENCY, m.of("children 2x" + EngineBench.CONCURRENCY),
                graphile, m.of("graphile"));
        row("tasks, 2 rondo worker processes × " + commandConcurrency, m.of("command fanout"), graphile, m.of("graphile"));
        row("children, 2 rondo worker processes × " + commandConcurrency, m.of("command children"), graphile, m.of("graphile"));
        row("tasks, 2 rondo worker processes × " + commandConcurrency, m.of("command fanout"),
                "2 library Workers × " + commandConcurrency + ", tasks/s", m.of("library fanout"));
        row("children, 2 rondo worker processes × " + commandConcurrency, m.of("command children"),
                "2 library Workers × " + commandConcurrency + ", tasks/s", m.of("library children"));
        row("children, 2 library Workers × " + commandConcurrency, m.of("library children"),
                "tasks, 2 library Workers × " + commandConcurrency, m.of("library fanout"));
        // the goal is the worker's statements; the server's count (transactions unless pg_stat_statements is
        // loaded) also holds what the connection pool sends by itself (keepalives, validation)
        System.out.printf(ROW, "idle worker, statements/s it sent", Stats.format(m.of("idle statements")),
                "goal", "0.2", String.format("%.2f", m.of("idle statements") / 0.2));
        System.out.printf(ROW, "idle worker, " + idleCounted.replaceAll(" \\(.*", "") + "/s on the server", Stats.format(m.of("idle")),
                "goal", "0.2", String.format("%.2f", m.of("idle") / 0.2));
        System.out.println();
        for (int c : EngineBench.FAN_OUT_CONCURRENCIES) {
            for (int w = 1; w <= 2; w++) {
                row("no-op tasks/s, " + workers(w) + " × " + c, m.of(EngineBench.tasks(w, c)),
                        PGBENCH_100 + ", jobs/s", m.of("pgbench 100"));
            }
        }
        for (int w = 1; w <= 2; w++) {
            row("task path alone, tasks/s, " + workers(w) + " × " + EngineBench.LARGE_CONCURRENCY, m.of("task path " + w),
                    PGBENCH_100 + ", jobs/s", m.of("pgbench 100"));
        }
        for (int w = 1; w <= 2; w++) {
            row("checkpoints/s, 10-step workflows, " + workers(w), m.of("slices " + w), PGBENCH_1 + ", jobs/s", m.of("pgbench 1"));
        }
        System.out.println();
        for (String p : new String[] {"p50", "p99"}) {
            row("start → first slice, " + p + ", ms", m.of("start " + p), "no-engine NOTIFY + claim, " + p + ", ms", m.of("floor " + p));
        }
        for (String p : new String[] {"p50", "p99"}) {
            row("task end → parent's next slice, " + p + ", ms", m.of("resume " + p), "no-engine NOTIFY + claim, " + p + ", ms",
                    m.of("floor " + p));
        }
        System.out.println();
        for (int c : EngineBench.FAN_OUT_CONCURRENCIES) {
            for (int w = 1; w <= 2; w++) {
                String load = w + "x" + c;
                row("JVM CPU per task, µs, " + workers(w) + " × " + c, m.of("jvm cpu " + load),
                        "PostgreSQL CPU per task, same load, µs", m.of("server cpu " + load));
            }
        }
        for (int c : EngineBench.FAN_OUT_CONCURRENCIES) {
            for (int w = 1; w <= 2; w++) {
                String load = w + "x" + c;
                row("PostgreSQL CPU per task, µs, " + workers(w) + " × " + c, m.of("server cpu " + load),
                        PGBENCH_100 + ", per job, µs", m.of("pgbench server cpu 100"));
            }
        }
        for (int w = 1; w <= 2; w++) {
            row("task path alone, JVM CPU per task, µs, " + workers(w), m.of("task path jvm cpu " + w),
                    "PostgreSQL CPU per task, same load, µs", m.of("task path server cpu " + w));
        }
        for (int w = 1; w <= 2; w++) {
            row("task path alone, PostgreSQL CPU per task, µs, " + workers(w), m.of("task path server cpu " + w),
                    PGBENCH_100 + ", per job, µs", m.of("pgbench server cpu 100"));
        }
        for (int w = 1; w <= 2; w++) {
            row("JVM CPU per checkpoint step, µs, " + workers(w), m.of("step jvm cpu " + w), "PostgreSQL CPU per step, same load, µs",
                    m.of("step server cpu " + w));
        }
        for (int w = 1; w <= 2; w++) {
            row("PostgreSQL CPU per checkpoint step, µs, " + workers(w), m.of("step server cpu " + w), PGBENCH_1 + ", per job, µs",
                    m.of("pgbench server cpu 1"));
        }
        System.out.println();
        System.out.println("Tasks/s: tasks ended (executions of kind 'task') per second by workers started after "
                + EngineBench.FAN_OUT_WORKFLOWS + " workflows (a " + EngineBench.FAN_OUT_TASKS
                + "-task Promise.all fan-out each) were started in one transaction, from the workers' start to the last"
                + " workflow's end (first slices, task claims and ends, the resuming slices); a claim asks for the free slots,"
                + " so ×" + EngineBench.CONCURRENCY + " claims at most " + EngineBench.CONCURRENCY
                + " items; pgbench: tasks seeded the same way, ended per second. Task path alone: "
                + EngineBench.TASK_PATH_TASKS + " tasks seeded as for pgbench, ended by workers (×"
                + EngineBench.LARGE_CONCURRENCY + ") through the same SQL, no workflow running.");
        System.out.println("Graphile-like: the same " + EngineBench.FAN_OUT_WORKFLOWS * EngineBench.FAN_OUT_TASKS
                + " jobs inserted 50 per transaction then locked " + GraphilePeer.BATCH + " per claim and deleted, by pgbench ("
                + PgbenchCeiling.CLIENTS + " clients), over both phases' time. Children: one workflow starting "
                + EngineBench.CHILDREN + " child workflows of " + EngineBench.FAN_OUT_TASKS + " tasks. rondo worker processes and"
                + " library Workers: already listening, after a warm-up load of a fifth; timed from the load's commit to its end."
                + " Idle: one worker × " + EngineBench.CONCURRENCY + " with nothing to do for " + EngineBench.IDLE_SECONDS + " s: the statements it executed, counted"
                + " on the client, and on the server " + idleCounted + ".");
        System.out.println("Checkpoints/s: slices committed per second by " + EngineBench.STEP_WORKFLOWS
                + " 10-step workflows (11 slices each), started the same way before the workers. A step (slice + task)"
                + " commits 4 transactions (2 claims, the slice, the task's end), a pgbench job 2.");
        System.out.println("Latencies: one workflow at a time on 1 worker, from the database's now(), which is the start of each"
                + " writing transaction (the engine does not use clock_timestamp()); the floor is timed on the JVM's clock"
                + " from before its insert to its claim's answer.");
        System.out.println("CPU: the JVM runs the workers, the client and this benchmark's polling; PostgreSQL's is its postmaster's"
                + " and backends' from /proc (unknown for a remote server). Per step: per slice committed, with its task.");
    }

    private static String workers(int count) {
        return count == 1 ? "1 worker" : count + " workers";
    }

    private static void row(String figure, double engine, String peer, double peerValue) {
        System.out.printf(ROW, figure, Stats.format(engine), peer, Stats.format(peerValue),
                String.format("%.2f", engine / peerValue));
    }
}
