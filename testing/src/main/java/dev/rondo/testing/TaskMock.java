package dev.rondo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.core.driver.MockResult;
import dev.rondo.testing.internal.FlowValues;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a mocked task answers in a {@link FlowTest}: a fixed JSON result, a function of the input, a
 * failure, or a sequence of these for successive calls; each may take some virtual time ({@link #after}),
 * which is how a test reaches a task's {@code timeout}.
 *
 * <pre>{@code
 * env.mock("quote", TaskMock.json("{\"price\": 12.5}"))
 *    .mock("double", TaskMock.answering(input -> input.get("n").asInt() * 2))
 *    .mock("charge", TaskMock.sequence(TaskMock.failing("gateway down"), TaskMock.json("{\"id\": \"c-1\"}")))
 *    .mock("ship", TaskMock.json("{}").after(Duration.ofMinutes(10)));
 * }</pre>
 */
public final class TaskMock {

    /** Answers one call; {@code call} counts the task's earlier calls (every attempt) in this run. */
    @FunctionalInterface
    interface Answer {
        MockResult answer(JsonNode input, int call, ObjectMapper mapper) throws Exception;
    }

    private final Answer answer;
    private final double seconds;

    private TaskMock(Answer answer, double seconds) {
        this.answer = answer;
        this.seconds = seconds;
    }

    /** Returns {@code json} (JSON text, checked now) on every call. */
    public static TaskMock json(String json) {
        FlowValues.parse(json, "the mocked result");
        return new TaskMock((input, call, mapper) -> MockResult.success(FlowValues.parse(json, "the mocked result"), 0), 0);
    }

    /** Returns {@code value} written as JSON by the test's {@code ObjectMapper} (a record, a map, a number, …). */
    public static TaskMock value(Object value) {
        return answering(input -> value);
    }

    /**
     * Returns what {@code function} makes of the input (written as JSON by the test's {@code ObjectMapper});
     * an exception it throws fails the attempt as a handler's would ({@code TaskFailure} included).
     */
    public static TaskMock answering(Function<JsonNode, ?> function) {
        Objects.requireNonNull(function);
        return new TaskMock((input, call, mapper) ->
                MockResult.success(FlowValues.fromJava(function.apply(input), mapper), 0), 0);
    }

    /** Fails every attempt with {@code message}; attempts are retried as the task's options say. */
    public static TaskMock failing(String message) {
        return new TaskMock((input, call, mapper) -> MockResult.failure(message, true, 0), 0);
    }

    /** Fails with {@code message} and no retry: the workflow's await throws {@code TaskError} at once. */
    public static TaskMock failingPermanently(String message) {
        return new TaskMock((input, call, mapper) -> MockResult.failure(message, false, 0), 0);
    }

    /**
     * Answers the task's first call (an attempt, a retry, or another {@code Task.run} of the same name) with
     * the first mock, the second with the second, and so on; the last answers every call after that.
     */
    public static TaskMock sequence(TaskMock... mocks) {
        List<TaskMock> steps = List.of(mocks);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("A sequence needs at least one mock.");
        }
        return new TaskMock((input, call, mapper) -> steps.get(Math.min(call, steps.size() - 1)).answer(input, call, mapper), 0);
    }

    /**
     * The same answer, given after {@code duration} of virtual time. An attempt that takes longer than the
     * task's {@code timeout} fails with "timed out", as on a worker.
     */
    public TaskMock after(Duration duration) {
        return new TaskMock(answer, duration.toMillis() / 1000.0);
    }

    MockResult answer(JsonNode input, int call, ObjectMapper mapper) throws Exception {
        MockResult result = answer.answer(input, call, mapper);
        return seconds == 0 ? result
                : new MockResult(result.ok(), result.value(), result.error(), result.retryable(), seconds, result.details());
    }
}
