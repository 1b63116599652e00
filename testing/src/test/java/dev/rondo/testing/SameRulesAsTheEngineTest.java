package dev.rondo.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.worker.TaskContext;
import dev.rondo.worker.TaskFailure;
import dev.rondo.worker.TaskHandlers;
import dev.rondo.worker.Worker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The same flows through {@link FlowTest} and through a real worker give the same task and child ids,
 * idempotency keys, attempts and timeout messages: both take them from core's rules
 * ({@code ExecutionIds}, {@code IdempotencyKeys}, {@code Retries}), and both take the same {@link TaskHandlers}.
 */
@RondoDatabase
class SameRulesAsTheEngineTest {

    static final Path FLOWS = Path.of("src/test/resources/rules");

    /** What a handler sees, returned as its result so that the flow's result carries it. */
    private static Map<String, Object> seen(TaskContext ctx) {
        return Map.of("id", ctx.executionId(), "workflow", ctx.workflowId(), "key", ctx.idempotencyKey(),
                "attempt", ctx.attempt());
    }

    /** One value for both sides: echo reports what it sees; flaky fails its first attempt (retryable). */
    private static final TaskHandlers HANDLERS = TaskHandlers.of()
            .with("echo", (input, ctx) -> seen(ctx))
            .with("flaky", (input, ctx) -> {
                if (ctx.attempt() == 1) {
                    throw TaskFailure.retryable("not yet");
                }
                return seen(ctx);
            });

    @Test
    void idsKeysAttemptsAndTimeoutMessagesAreTheEnginesInTheTestKit(DataSource dataSource) throws Exception {
        FlowRun local = FlowTest.of(FLOWS)
                .handlers(HANDLERS)
                .mock("slow", TaskMock.json("{}").after(Duration.ofSeconds(3)))
                .run("rules/main", "{}");
        assertEquals(FlowRun.Status.COMPLETED, local.status(), () -> String.valueOf(local.error()));
        String id = local.tasks("echo").get(0).workflowId();

        RondoClient rondo = RondoClient.create(dataSource);
        rondo.deploy(FLOWS);
        WorkflowResult engine;
        try (Worker worker = Worker.builder(dataSource)
                .handlers(HANDLERS)
                .task("slow", (input, ctx) -> {
                    Thread.sleep(3_000);
                    return Map.of();
                })
                .build()
                .start()) {
            engine = rondo.start("rules/main", "{}", StartOptions.DEFAULT.withId(id)).result(Duration.ofSeconds(60));
        }
        assertEquals(ExecutionStatus.COMPLETED, engine.status(), () -> String.valueOf(engine.error()));

        ObjectMapper json = new ObjectMapper();
        JsonNode expected = json.readTree(engine.resultJson());
        assertEquals(expected, json.readTree(local.resultJson()));
        // and they are the rules written down (promises count from 0), not only the same on both sides
        assertEquals(id + ".t0", expected.at("/first/id").asText());
        assertEquals(id + "/second", expected.at("/keyed/key").asText());
        assertEquals(2, expected.at("/flaky/attempt").asInt());
        assertEquals(id + ".w3", expected.at("/child/workflow").asText());
        assertEquals("Task 'slow' timed out after 0.5 seconds.", expected.at("/timedOut").asText());
    }
}
