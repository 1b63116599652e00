package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The builder checks queue and task names with the same rules as the client and the flows (no database needed). */
class WorkerBuilderNamesTest {

    private final Worker.Builder builder = Worker.builder(new PGSimpleDataSource());

    @Test
    void aQueueNameWithANulIsRefusedWhereItIsGiven() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.queues("ord\0ers"));
        assertTrue(e.getMessage().contains("queue name"), e.getMessage());
    }

    @Test
    void aQueueNameOverTheLimitSaysTheLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.queues("q".repeat(10_000)));
        assertTrue(e.getMessage().contains("the limit is 255 bytes"), e.getMessage());
    }

    @Test
    void aTaskNameIsCheckedForBothKindsOfHandler() {
        assertThrows(IllegalArgumentException.class, () -> builder.task("", (input, ctx) -> "{}"));
        assertThrows(IllegalArgumentException.class,
                () -> builder.task("no\0op", String.class, (String input, TaskContext ctx) -> input));
    }
}
