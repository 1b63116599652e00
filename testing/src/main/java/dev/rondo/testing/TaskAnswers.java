package dev.rondo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.core.driver.MockResult;
import dev.rondo.core.driver.TaskAttempts;
import dev.rondo.core.driver.TaskCall;
import dev.rondo.testing.internal.FlowValues;
import dev.rondo.testing.internal.TestTaskContext;
import dev.rondo.worker.internal.Handlers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Answers the task attempts of one run: a mock when the test gave one for the task, else the registered
 * handler (called as a worker calls it, through the worker's own {@link Handlers}), else a failure that
 * says how to add one. Every attempt is recorded in order.
 */
final class TaskAnswers implements TaskAttempts {

    private final Map<String, TaskMock> mocks;
    private final Handlers handlers;
    private final ObjectMapper mapper;
    private final BooleanSupplier cancelled;
    private final List<FlowRun.Attempt> attempts = new ArrayList<>();
    private final Map<String, Integer> calls = new HashMap<>();

    TaskAnswers(Map<String, TaskMock> mocks, Handlers handlers, ObjectMapper mapper, BooleanSupplier cancelled) {
        this.mocks = Map.copyOf(mocks);
        this.handlers = handlers;
        this.mapper = mapper;
        this.cancelled = cancelled;
    }

    @Override
    public MockResult attempt(TaskCall call) {
        JsonNode input = FlowValues.readTree(call.inputJson(), mapper);
        TestTaskContext context = new TestTaskContext(call, cancelled);
        attempts.add(new FlowRun.Attempt(call.workflowId(), call.name(), input, call.attempt(),
                Instant.ofEpochMilli(call.atMillis()), context.idempotencyKey()));
        int earlier = calls.merge(call.name(), 1, Integer::sum) - 1;
        try {
            TaskMock mock = mocks.get(call.name());
            if (mock != null) {
                return mock.answer(input, earlier, mapper);
            }
            Handlers.Invocation handler = handlers.get(call.name());
            if (handler != null) {
                String json = handler.run(call.inputJson(), context);
                return MockResult.success(FlowValues.parse(json, "the result of task '" + call.name() + "'"), 0);
            }
        } catch (Exception e) {
            Handlers.Failure failure = handlers.failure(e);
            return MockResult.failure(failure.message(), failure.retryable(), 0)
                    .withDetails(FlowValues.parse(failure.detailsJson(), "the failure's details"));
        }
        return MockResult.failure("No mock or handler for task '" + call.name() + "' in this test; add one with"
                + " .mock(\"" + call.name() + "\", …) or .handler(\"" + call.name() + "\", …).", false, 0);
    }

    List<FlowRun.Attempt> attempts() {
        return List.copyOf(attempts);
    }
}
