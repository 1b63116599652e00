package dev.rondo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.core.driver.MockResult;
import dev.rondo.core.driver.TaskAttempts;
import dev.rondo.core.driver.TaskCall;
import dev.rondo.testing.internal.FlowValues;
import dev.rondo.testing.internal.TestTaskContext;
import dev.rondo.worker.TaskHandlers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Answers the task attempts of one run: a mock when the test gave one for the task, else the registered
 * handler (called as a worker calls it, through {@link TaskHandlers#caller}), else a failure that
 * says how to add one. Every attempt is recorded in order.
 */
final class TaskAnswers implements TaskAttempts {

    private final Map<String, TaskMock> mocks;
    private final TaskHandlers.Caller handlers;
    private final ObjectMapper mapper;
    private final BooleanSupplier cancelled;
    private final List<FlowRun.Attempt> attempts = new ArrayList<>();
    private final Map<String, Integer> calls = new HashMap<>();

    TaskAnswers(Map<String, TaskMock> mocks, TaskHandlers.Caller handlers, ObjectMapper mapper, BooleanSupplier cancelled) {
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
            TaskHandlers.Answer answer = handlers.call(call.name(), call.inputJson(), context);
            if (answer != null && answer.succeeded()) {
                return MockResult.success(FlowValues.parse(answer.resultJson(), "the result of task '" + call.name() + "'"), 0);
            }
            if (answer != null) {
                return MockResult.failure(answer.failureMessage(), answer.retryable(), 0)
                        .withDetails(FlowValues.parse(answer.detailsJson(), "the failure's details"));
            }
        } catch (Exception e) {
            TaskHandlers.Answer failure = handlers.failure(e);
            return MockResult.failure(failure.failureMessage(), failure.retryable(), 0)
                    .withDetails(FlowValues.parse(failure.detailsJson(), "the failure's details"));
        }
        return MockResult.failure("No mock or handler for task '" + call.name() + "' in this test; add one with"
                + " .mock(\"" + call.name() + "\", …) or .handler(\"" + call.name() + "\", …).", false, 0);
    }

    List<FlowRun.Attempt> attempts() {
        return List.copyOf(attempts);
    }
}
