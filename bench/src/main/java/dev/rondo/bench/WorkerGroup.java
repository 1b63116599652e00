package dev.rondo.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.rondo.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Workers in this JVM, each with a pool of its own as separate processes would have, all running the
 * no-op task. Pools are filled and workers started before anything is timed.
 */
final class WorkerGroup implements AutoCloseable {

    /** Worker asks for concurrency + 4 (one held for LISTEN, one for claims); one spare, so no pool wait is timed as the engine's. */
    private static final int SPARE_CONNECTIONS = 5;

    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();

    WorkerGroup(BenchDatabase db, int count, int concurrency) {
        for (int i = 0; i < count; i++) {
            HikariDataSource pool = db.pool("bench-worker-" + i, concurrency + SPARE_CONNECTIONS);
            pools.add(pool);
            workers.add(Worker.builder(pool)
                    .id("bench-" + i)
                    .concurrency(concurrency)
                    .task("noop", (input, ctx) -> null)
                    .build()
                    .start());
        }
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
        } finally {
            pools.forEach(HikariDataSource::close);
        }
    }
}
