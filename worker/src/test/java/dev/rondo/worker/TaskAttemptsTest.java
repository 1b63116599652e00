package dev.rondo.worker;

import static dev.rondo.worker.Engine.assertCompleted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Task attempts on the engine: retries, permanent failures, timeouts, heartbeats, bad results, typed handlers. */
class TaskAttemptsTest {

    record Order(String id, int cents) {}

    record Receipt(String order, int charged, String key) {}

    @TempDir
    Path flows;

    private Engine engine;
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final Map<String, Integer> attemptsSeen = new ConcurrentHashMap<>();
    private final CountDownLatch never = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        engine = new Engine("attempts", flows);
        engine.worker(b -> b
                .task("flaky", (input, ctx) -> {
                    attemptsSeen.merge(ctx.executionId(), 1, Integer::sum);
                    if (flakyCalls.incrementAndGet() < 3) {
                        throw new IllegalStateException("not yet (attempt " + ctx.attempt() + ")");
                    }
                    return Map.of("attempt", ctx.attempt());
                })
                .task("declines", (input, ctx) -> {
                    attemptsSeen.merge(ctx.executionId(), 1, Integer::sum);
                    throw TaskFailure.permanent("Card declined").withDetails(Map.of("code", "insufficient_funds"));
                })
                .task("hangs", (input, ctx) -> {
                    never.await();
                    return null;
                })
                .task("silent", (input, ctx) -> {
                    never.await();
                    return null;
                })
                .task("weird", (input, ctx) -> new Object())
                .task("notJson", (input, ctx) -> new RawValue("{not json"))
                .task("nul", (input, ctx) -> java.util.Arrays.asList(null, 1, Map.of("text", "before\0after")))
                .task("nothing", (input, ctx) -> null)
                .task("rawNul", (input, ctx) -> new RawValue("\"before\0after\""))
                .task("huge", (input, ctx) -> "x".repeat(5 * 1024 * 1024))
                .task("declinesOddly", (input, ctx) -> {
                    attemptsSeen.merge(ctx.executionId(), 1, Integer::sum);
                    throw TaskFailure.permanent("Card declined").withDetails(new RawValue("{not json"));
                })
                .task("charge", Order.class, (order, ctx) -> new Receipt(order.id(), order.cents(), ctx.idempotencyKey())));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    @Test
    void aFailingAttemptIsRetriedWithBackoffUntilItSucceeds() {
        engine.flow("retry", """
                return await Task.run("flaky", {}, {maxAttempts: 5, backoff: {initial: 0.05, factor: 2}})
                """);
        assertCompleted("{\"attempt\":3}", engine.run("retry", "{}"));
        assertEquals("3", engine.one("SELECT attempt FROM executions WHERE kind = 'task'"));
        assertEquals(3, attemptsSeen.values().iterator().next());
    }

    @Test
    void aPermanentFailureIsNotRetriedAndCarriesItsDetails() {
        engine.flow("declined", """
                try { await Task.run("declines", {}) } catch (e) { return [e.name, e.message, e.task, e.attempts, e.details.code] }
                """);
        assertCompleted("[\"TaskError\",\"Card declined\",\"declines\",1,\"insufficient_funds\"]", engine.run("declined", "{}"));
        assertEquals(1, attemptsSeen.values().iterator().next());
    }

    @Test
    void anAttemptThatHangsPastItsTimeoutFailsAndIsRetried() {
        engine.flow("slow", """
                try { await Task.run("hangs", {}, {timeout: 0.3, maxAttempts: 2, backoff: {initial: 0.05}}) }
                catch (e) { return [e.message, e.attempts] }
                """);
        assertCompleted("[\"Task 'hangs' timed out after 0.3 seconds.\",2]", engine.run("slow", "{}"));
    }

    @Test
    void anAttemptWithoutHeartbeatsFails() {
        engine.flow("quiet", """
                try { await Task.run("silent", {}, {heartbeatTimeout: 0.3, maxAttempts: 1}) }
                catch (e) { return e.message }
                """);
        assertCompleted("\"Task 'silent' sent no heartbeat for 0.3 seconds.\"", engine.run("quiet", "{}"));
    }

    @Test
    void aResultJacksonCannotWriteFailsTheTaskClearly() {
        engine.flow("odd", """
                try { await Task.run("weird", {}) } catch (e) { return e.message }
                """);
        String message = engine.run("odd", "{}").resultJson();
        assertEquals(true, message.startsWith("\"Task 'weird' returned a value that cannot be written as JSON (java.lang.Object)"), message);
    }

    @Test
    void aResultThatIsNotJsonFailsTheTaskWithACatchableError() {
        engine.flow("garbled", """
                try { await Task.run("notJson", {}, {maxAttempts: 3}) } catch (e) { return [e.name, e.attempts, e.message] }
                """);
        String result = engine.run("garbled", "{}").resultJson();
        assertEquals(true, result.startsWith("[\"TaskError\",1,\"Task 'notJson' returned text that is not valid JSON (SyntaxError: "), result);
    }

    @Test
    void aResultWithANulCharacterFailsTheTaskWithACatchableError() {
        engine.flow("nul", """
                let messages = []
                for (let name of ["nul", "rawNul"]) {
                  try { await Task.run(name, {}) } catch (e) { messages.push([e.name, e.attempts, e.message]) }
                }
                return messages
                """);
        String result = engine.run("nul", "{}").resultJson();
        assertEquals("[[\"TaskError\",1,\"Task 'nul' returned a string with the NUL character (U+0000), which Rondo never stores;"
                + " remove it, or encode binary data (as Base64, say).\"],", result.substring(0, result.indexOf("],") + 2));
        assertEquals(true, result.contains("[\"TaskError\",1,\"Task 'rawNul' returned text that is not valid JSON ("), result);
    }

    @Test
    void nullsInResultsAreFine() {
        engine.flow("nothing", """
                let nothing = await Task.run("nothing", {})
                try { await Task.run("nul", {}) } catch (e) { return [nothing, e.message.slice(0, 28)] }
                """);
        assertCompleted("[null,\"Task 'nul' returned a string\"]", engine.run("nothing", "{}"));
    }

    @Test
    void aResultOverThePayloadLimitFailsTheTaskWithACatchableError() {
        engine.flow("big", """
                try { await Task.run("huge", {}) } catch (e) { return [e.name, e.attempts, e.message] }
                """);
        assertCompleted("[\"TaskError\",1,\"Task 'huge' returned more than the 4 MiB of JSON a result may have.\"]",
                engine.run("big", "{}"));
    }

    @Test
    void aPermanentFailureWithDetailsThatCannotBeStoredKeepsItsMessage() {
        engine.flow("declinedOddly", """
                try { await Task.run("declinesOddly", {}, {maxAttempts: 3}) } catch (e) { return [e.message, e.attempts, e.details] }
                """);
        String result = engine.run("declinedOddly", "{}").resultJson();
        assertEquals(true, result.startsWith("[\"Card declined\",1,\"The details of this failure were not kept: they were text that is not valid JSON ("), result);
        assertEquals(1, attemptsSeen.values().iterator().next());
    }

    @Test
    void aTaskWithNoHandlerFailsAtOnce() {
        engine.flow("ghostly", """
                try { await Task.run("ghost", {}) } catch (e) { return [e.name, e.attempts, e.message] }
                """);
        String result = engine.run("ghostly", "{}").resultJson();
        assertEquals(true, result.startsWith("[\"TaskError\",1,\"No handler for task 'ghost' on this worker (it handles: charge, declines,"), result);
    }

    @Test
    void typedHandlersTakeAndReturnRecordsAndSeeTheIdempotencyKey() {
        engine.flow("typed", """
                return await Task.run("charge", {id: "o-1", cents: 1250}, {key: "charge-o-1"})
                """);
        var handle = engine.start("typed", "{}");
        assertCompleted("{\"order\":\"o-1\",\"charged\":1250,\"key\":\"" + handle.id() + "/charge-o-1\"}",
                handle.result(Duration.ofSeconds(30)));
    }

    @Test
    void inputThatDoesNotFitTheRecordFailsWithoutRetrying() {
        engine.flow("misfit", """
                try { await Task.run("charge", {id: "o-1", cents: "lots"}) } catch (e) { return [e.attempts, e.message] }
                """);
        String result = engine.run("misfit", "{}").resultJson();
        assertEquals(true, result.startsWith("[1,\"The input of task 'charge' does not fit Order:"), result);
    }
}
