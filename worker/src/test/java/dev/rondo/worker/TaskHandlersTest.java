package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Task registrations as a value: immutable, one handler per task, called as a worker calls them. */
class TaskHandlersTest {

    record Order(String id) {}

    private static final TaskHandlers SHOP = TaskHandlers.of()
            .with("quote", (input, ctx) -> Map.of("price", input.get("n").asInt() * 2))
            .with("charge", Order.class, (order, ctx) -> "ch-" + order.id());

    @Test
    void eachWithGivesANewValueInOrder() {
        TaskHandlers more = SHOP.with("ship", (input, ctx) -> "shipped");
        assertEquals(List.of("quote", "charge"), SHOP.names());
        assertEquals(List.of("quote", "charge", "ship"), more.names());
        assertTrue(more.has("ship"));
        assertFalse(SHOP.has("ship"));
    }

    @Test
    void aTaskTwiceIsRefusedWhereItIsAdded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SHOP.with(TaskHandlers.of().with("charge", (input, ctx) -> 1)));
        assertEquals("Task 'charge' has two handlers; register each task once.", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Worker.builder(new org.postgresql.ds.PGSimpleDataSource()).handlers(SHOP).task("quote", (input, ctx) -> 1));
    }

    @Test
    void aBuilderHandsBackWhatWasRegisteredOnIt() {
        Worker.Builder builder = Worker.builder(new org.postgresql.ds.PGSimpleDataSource())
                .handlers(SHOP).task("ship", (input, ctx) -> "shipped");
        assertEquals(List.of("quote", "charge", "ship"), builder.registered().names());
    }

    @Test
    void theCallerReadsWritesAndSortsFailuresAsAWorkerDoes() {
        TaskHandlers.Caller caller = SHOP.with("broken", (input, ctx) -> {
            throw TaskFailure.permanent("no such card");
        }).caller(new ObjectMapper());

        assertEquals("{\"price\":42}", caller.call("quote", "{\"n\": 21}", null).resultJson());
        assertEquals("\"ch-o-7\"", caller.call("charge", "{\"id\": \"o-7\"}", null).resultJson());
        TaskHandlers.Answer broken = caller.call("broken", "{}", null);
        assertFalse(broken.succeeded());
        assertEquals("no such card", broken.failureMessage());
        assertFalse(broken.retryable());
        TaskHandlers.Answer badInput = caller.call("charge", "[1]", null);
        assertTrue(badInput.failureMessage().startsWith("The input of task 'charge' does not fit Order"), badInput.failureMessage());
        assertNull(caller.call("nobody", "{}", null));
    }
}
