package dev.rondo.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.client.RondoClient;
import dev.rondo.client.Schedule;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Schedules and flow control (docs/scheduling.md), each figure beside its peer from the same run:
 * <ol>
 *   <li>schedule lateness (a run's first slice after its fire time) beside the timer floor (a start with a
 *       delay: its first slice after its due time), p50 and p99;</li>
 *   <li>tasks under a concurrency key (50 keys, limit 4) and the same load without, tasks/s, as a ratio;</li>
 *   <li>the same un-keyed load with 100,000 tasks waiting on one key, beside it without them.</li>
 * </ol>
 * {@code bench/run flowcontrol [R]}: R rounds (default 3), medians. Database: RONDO_BENCH_URL (default
 * jdbc:postgresql://127.0.0.1:5432/rondo_bench?user=postgres); its public schema is dropped.
 */
public final class FlowControlBench {

    private static final String FAN = """
            const pending = []
            for (let i = 0; i < Inputs.tasks; i++) {
              pending.push(Inputs.keys > 0 ? Task.run("noop", {i}, {concurrency: {key: `k${i % Inputs.keys}`, limit: Inputs.limit}})
                                           : Task.run("noop", {i}))
            }
            await Promise.all(pending)
            return "done"
            """;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        BenchDatabase db = BenchDatabase.fromEnvironment();
        db.reset();
        try (HikariDataSource clientPool = db.pool("bench-client", 4);
             HikariDataSource workerPool = db.pool("bench-worker", 19)) {
            RondoClient client = RondoClient.create(clientPool);
            Path flows = Files.createTempDirectory("rondo-flow-control");
            Files.writeString(flows.resolve("tick.flow"), "return Context.scheduledAt");
            Files.writeString(flows.resolve("fan.flow"), FAN);
            client.deploy(flows);
            Worker worker = Worker.builder(workerPool).concurrency(12).task("noop", (input, ctx) -> input).build().start();
            try {
                lateness(client, db);
                throughput(client, workerPool, rounds);
            } finally {
                worker.close();
            }
        }
    }

    /** Schedule lateness beside the timer floor, the two measured alternately over the same seconds. */
    private static void lateness(RondoClient client, BenchDatabase db) throws Exception {
        int samples = 40;
        client.schedules().create(Schedule.cron("tick", "tick", "* * * * * *").withOverlap(dev.rondo.client.Overlap.ALLOW_ALL));
        List<WorkflowHandle> timers = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            timers.add(client.start("tick", "{}", StartOptions.DEFAULT.withDelay(Duration.ofMillis(1_000))));
            Thread.sleep(1_000 / 2 + 250); // off the schedule's whole seconds
        }
        client.schedules().pause("tick");
        for (WorkflowHandle t : timers) {
            t.result(Duration.ofSeconds(30));
        }
        Thread.sleep(500);
        try (Connection c = client.dataSource().getConnection()) {
            double[] fire = column(c, "SELECT EXTRACT(EPOCH FROM f.recorded_at - f.fire_at) * 1000 FROM schedule_fires f"
                    + " WHERE schedule = 'tick' AND outcome = 'started'");
            double[] scheduled = column(c, "SELECT EXTRACT(EPOCH FROM started_at - scheduled_at) * 1000 FROM executions"
                    + " WHERE scheduled_at IS NOT NULL AND started_at IS NOT NULL");
            double[] timer = column(c, "SELECT EXTRACT(EPOCH FROM started_at - (created_at + interval '1 s')) * 1000"
                    + " FROM executions WHERE scheduled_at IS NULL AND name = 'tick' AND started_at IS NOT NULL");
            System.out.printf("schedule lateness, fire time -> run started (first slice), %d fires: p50 %s ms, p99 %s ms"
                            + " (fire time -> fire committed: p50 %s ms, p99 %s ms)%n", scheduled.length,
                    Stats.format(Stats.median(scheduled)), Stats.format(Stats.percentile(scheduled, 0.99)),
                    Stats.format(Stats.median(fire)), Stats.format(Stats.percentile(fire, 0.99)));
            System.out.printf("timer floor, due time -> first slice of a delayed start, %d starts: p50 %s ms, p99 %s ms%n",
                    timer.length, Stats.format(Stats.median(timer)), Stats.format(Stats.percentile(timer, 0.99)));
        }
    }

    private static void throughput(RondoClient client, HikariDataSource pool, int rounds) throws Exception {
        int tasks = 2_000;
        double[] plain = new double[rounds];
        double[] keyed = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            plain[r] = tasksPerSecond(client, tasks, 0, 0);
            keyed[r] = tasksPerSecond(client, tasks, 50, 4);
        }
        System.out.printf("tasks/s, %d no-op tasks, worker concurrency 12: without a key %s, under concurrency keys"
                        + " (50 keys, limit 4) %s: ratio %s (medians of %d)%n", tasks, Stats.format(Stats.median(plain)),
                Stats.format(Stats.median(keyed)), Stats.format(Stats.median(keyed) / Stats.median(plain)), rounds);

        // 100,000 tasks waiting on one key whose one slot is held by an execution that never ends
        double[] before = new double[rounds];
        double[] during = new double[rounds];
        double[] otherKeys = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            before[r] = tasksPerSecond(client, tasks, 0, 0);
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO concurrency_holders (key, execution_id) VALUES ('hot', 'holder')");
            s.execute("INSERT INTO executions (id, kind, name, queue, status, input) VALUES ('holder', 'task', 'x', 'none', 'running', '{}')");
            s.execute("INSERT INTO concurrency_waiting (key, max_running, execution_id, queue)"
                    + " SELECT 'hot', 1, 'w' || g, 'default' FROM generate_series(1, 100000) g");
            s.execute("ANALYZE concurrency_waiting");
        }
        for (int r = 0; r < rounds; r++) {
            during[r] = tasksPerSecond(client, tasks, 0, 0);
            otherKeys[r] = tasksPerSecond(client, tasks, 50, 4);
        }
        System.out.printf("with 100,000 tasks waiting on one key: un-keyed tasks/s %s beside %s before them (ratio %s);"
                        + " tasks of other keys %s (ratio to the keyed run before: %s)%n", Stats.format(Stats.median(during)),
                Stats.format(Stats.median(before)), Stats.format(Stats.median(during) / Stats.median(before)),
                Stats.format(Stats.median(otherKeys)), Stats.format(Stats.median(otherKeys) / Stats.median(keyed)));
    }

    private static double tasksPerSecond(RondoClient client, int tasks, int keys, int limit) {
        long start = System.nanoTime();
        WorkflowHandle run = client.start("fan", "{\"tasks\": %d, \"keys\": %d, \"limit\": %d}".formatted(tasks, keys, limit),
                StartOptions.DEFAULT);
        if (!run.result(Duration.ofMinutes(5)).completed()) {
            throw new IllegalStateException("the fan-out failed");
        }
        return tasks / ((System.nanoTime() - start) / 1e9);
    }

    private static double[] column(Connection c, String sql) throws SQLException {
        List<Double> values = new ArrayList<>();
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getDouble(1));
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
