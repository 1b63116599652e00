package dev.rondo.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Workers in this JVM, each with a pool of its own as separate processes would have, all running the
 * no-op task. The pools are the benchmark's long-lived ones ({@link BenchDatabase#workerPool}), full before
 * the group is made; the workers run from {@link #start()}, so a load can be queued before them and timed
 * from their start.
 */
final class WorkerGroup implements AutoCloseable {

    /**
     * Whether the workers run their slices' tasks eagerly (Worker.Builder.eagerTasks): {@code RONDO_BENCH_EAGER=on}
     * or {@code off}, else the worker's default, so any benchmark can be run both ways; a load's own
     * configuration wins.
     */
    static final boolean EAGER_TASKS = System.getenv("RONDO_BENCH_EAGER") == null ? Worker.DEFAULT_EAGER_TASKS
            : "on".equals(System.getenv("RONDO_BENCH_EAGER"));

    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    private final int concurrency;
    private final String queue;
    private java.util.function.UnaryOperator<Worker.Builder> configure = b -> b;
    private java.util.function.UnaryOperator<javax.sql.DataSource> wrap = d -> d;

    /**
     * {@code count} pools, all open, of the size the connection budget gives a worker
     * ({@link ConnectionBudget#workerPool()}), whatever the concurrency, so that every load reuses the same
     * pools: a no-op task holds no connection (its end is batched), only a slice does, so fewer connections
     * than {@link Worker#connectionsNeeded} cost little. No worker runs yet.
     */
    WorkerGroup(BenchDatabase db, int count, int concurrency) {
        this(db, count, concurrency, "default");
    }

    /** As {@link #WorkerGroup(BenchDatabase, int, int)}, the workers serving {@code queue}. */
    WorkerGroup(BenchDatabase db, int count, int concurrency, String queue) {
        this(db, count, concurrency, queue, db.budget().workerPool());
    }

    /** As {@link #WorkerGroup(BenchDatabase, int, int, String)}, each pool of {@code poolSize} connections. */
    WorkerGroup(BenchDatabase db, int count, int concurrency, String queue, int poolSize) {
        this(db, count, concurrency, queue, poolSize, 0);
    }

    /** As above, on the kept pools from number {@code firstPool} on (a group beside another takes other pools). */
    WorkerGroup(BenchDatabase db, int count, int concurrency, String queue, int poolSize, int firstPool) {
        this.concurrency = concurrency;
        this.queue = queue;
        for (int i = firstPool; i < firstPool + count; i++) {
            pools.add(db.workerPool("bench-worker-" + i, poolSize));
        }
    }

    /** Gives each worker its pool through {@code wrap} (a statement counter) at {@link #start()}. */
    WorkerGroup through(java.util.function.UnaryOperator<javax.sql.DataSource> wrap) {
        this.wrap = wrap;
        return this;
    }

    /** Configures each worker further (metrics, tracing) before {@link #start()}. */
    WorkerGroup configure(java.util.function.UnaryOperator<Worker.Builder> configure) {
        this.configure = configure;
        return this;
    }

    /** Starts a worker on each pool. */
    WorkerGroup start() {
        for (int i = 0; i < pools.size(); i++) {
            workers.add(configure.apply(Worker.builder(wrap.apply(pools.get(i)))
                    .id("bench-" + i)
                    .queues(queue)
                    .concurrency(concurrency)
                    .eagerTasks(EAGER_TASKS)
                    .task("noop", (input, ctx) -> null))
                    .build()
                    .start());
        }
        return this;
    }

    /**
     * Waits until every worker LISTENs: start() returns before its listener is connected, and a start
     * notified before then would wait for the worker's poll, which is not what the benchmark measures.
     */
    void awaitListening() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!workers.stream().allMatch(Worker::listening)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the workers were not listening after 10 s");
            }
            Sleep.millis(5);
        }
    }

    @Override
    public void close() {
        workers.forEach(Worker::shutdown);
        try {
            for (Worker worker : workers) {
                if (!worker.awaitTermination(Duration.ofSeconds(30))) {
                    throw new IllegalStateException("worker " + worker.id() + " did not stop within 30 s");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the workers stopped", e);
        }
    }
}
