package dev.rondo.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Rate limits (docs/scheduling.md, "Rate limits"), each figure beside its peer from the same run:
 * <ol>
 *   <li>the cost of the path: no-op tasks under 50 rate limits too high to bind (1,000 per second each)
 *       beside the same load without, tasks/s, alternating, as a ratio of medians;</li>
 *   <li>a binding limit: 600 tasks of one key at 200 per second, the rate achieved beside the limit.</li>
 * </ol>
 * {@code bench/run ratelimit [R]}: R rounds (default 3). Database: RONDO_BENCH_URL (default
 * jdbc:postgresql://127.0.0.1:5432/rondo_bench?user=postgres); its public schema is dropped. At most 18
 * connections (a worker of concurrency 8 and a client).
 */
public final class RateLimitBench {

    private static final String FAN = """
            const pending = []
            for (let i = 0; i < Inputs.tasks; i++) {
              pending.push(Inputs.keys > 0 ? Task.run("noop", {i}, {rateLimit: {key: `r${i % Inputs.keys}`, perSecond: Inputs.rate}})
                                           : Task.run("noop", {i}))
            }
            await Promise.all(pending)
            return "done"
            """;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        BenchDatabase db = BenchDatabase.fromEnvironment();
        db.reset();
        try (HikariDataSource clientPool = db.pool("bench-client", 3);
             HikariDataSource workerPool = db.pool("bench-worker", 15)) {
            RondoClient client = RondoClient.create(clientPool);
            Path flows = Files.createTempDirectory("rondo-rate-limit");
            Files.writeString(flows.resolve("fan.flow"), FAN);
            client.deploy(flows);
            try (Worker worker = Worker.builder(workerPool).concurrency(8).task("noop", (input, ctx) -> input).build().start()) {
                int tasks = 2_000;
                tasksPerSecond(client, 500, 0, 0); // warm-up
                double[] plain = new double[rounds];
                double[] limited = new double[rounds];
                double[] binding = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    plain[r] = tasksPerSecond(client, tasks, 0, 0);
                    limited[r] = tasksPerSecond(client, tasks, 50, 1_000);
                    binding[r] = tasksPerSecond(client, 600, 1, 200);
                }
                System.out.printf("tasks/s, %d no-op tasks, worker concurrency 8: without a limit %s, under 50 rate limits"
                                + " of 1,000/s (not binding) %s: ratio %s (medians of %d)%n", tasks, Stats.format(Stats.median(plain)),
                        Stats.format(Stats.median(limited)), Stats.format(Stats.median(limited) / Stats.median(plain)), rounds);
                System.out.printf("600 tasks of one key at 200/s: %s tasks/s achieved (first start to last end; the limit"
                                + " allows 200 in each second, so 600 take just over 2 s at best: at most ~290/s)%n",
                        Stats.format(Stats.median(binding)));
            }
        }
    }

    private static double tasksPerSecond(RondoClient client, int tasks, int keys, int rate) {
        long start = System.nanoTime();
        WorkflowHandle run = client.start("fan", "{\"tasks\": %d, \"keys\": %d, \"rate\": %d}".formatted(tasks, keys, rate),
                StartOptions.DEFAULT);
        if (!run.result(Duration.ofMinutes(5)).completed()) {
            throw new IllegalStateException("the fan-out failed");
        }
        return tasks / ((System.nanoTime() - start) / 1e9);
    }
}
