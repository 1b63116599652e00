package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A worker's effective settings, defaults included, are the named defaults, and say what it runs. */
class WorkerConfigurationTest {

    @Test
    void theDefaultsAreTheNamedConstants() {
        Worker worker = Worker.builder(new PGSimpleDataSource()).task("quote", (input, ctx) -> 1).build();

        assertEquals("queues [" + Worker.DEFAULT_QUEUE + "], concurrency " + Worker.DEFAULT_CONCURRENCY
                + ", tasks [quote], poll " + Worker.DEFAULT_POLL_INTERVAL + ", lease " + Worker.DEFAULT_LEASE
                + ", rescue " + Worker.DEFAULT_RESCUE_INTERVAL + ", heartbeat " + Worker.DEFAULT_HEARTBEAT_INTERVAL
                + ", max child depth " + Worker.DEFAULT_MAX_CHILD_DEPTH + ", fires schedules", worker.configuration());
        assertEquals("queues [default], concurrency 16, tasks [quote], poll PT1M, lease PT30S, rescue PT5S,"
                + " heartbeat PT5S, max child depth 100, fires schedules", worker.configuration());
    }

    @Test
    void setSettingsAreTheOnesReported() {
        Worker worker = Worker.builder(new PGSimpleDataSource()).queues("orders", "mail").concurrency(4)
                .failFast(true).fireSchedules(false).build();

        assertEquals("queues [orders, mail], concurrency 4, tasks [], poll PT1M, lease PT30S, rescue PT5S,"
                + " heartbeat PT5S, max child depth 100, fires no schedules, fail fast", worker.configuration());
    }
}
