package dev.rondo.worker.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.worker.TaskContext;
import dev.rondo.worker.TaskFailure;
import dev.rondo.worker.TaskHandler;
import dev.rondo.worker.TypedTaskHandler;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The task handlers of a worker by task name, each turned into "JSON text in, JSON text out"; also used by
 * the test kit ({@code rondo-testing}), so a handler behaves the same there as on a worker.
 *
 * <p>Not API: public only because the test kit lives in another package; it is this package's only user
 * outside the worker, and may change with it at any release.
 */
public final class Handlers {

    /** One registered handler over JSON text. */
    public interface Invocation {
        String run(String inputJson, TaskContext context) throws Exception;
    }

    private final ObjectMapper mapper;
    private final Map<String, Invocation> byName = new TreeMap<>();

    public Handlers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void register(String name, TaskHandler handler) {
        add(name, (input, context) -> write(name, handler.handle(mapper.readTree(input), context)));
    }

    public <I, O> void register(String name, Class<I> inputType, TypedTaskHandler<I, O> handler) {
        add(name, (input, context) -> {
            I typed;
            try {
                typed = mapper.readValue(input, inputType);
            } catch (JsonProcessingException e) {
                throw TaskFailure.permanent("The input of task '" + name + "' does not fit "
                        + inputType.getSimpleName() + ": " + e.getOriginalMessage()).withCause(e);
            }
            return write(name, handler.handle(typed, context));
        });
    }

    private void add(String name, Invocation invocation) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A task needs a name.");
        }
        if (byName.putIfAbsent(name, invocation) != null) {
            throw new IllegalArgumentException("Task '" + name + "' has two handlers; register each task once.");
        }
    }

    private String write(String name, Object result) {
        if (result instanceof JsonNode node) {
            return node.toString();
        }
        try {
            return mapper.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw TaskFailure.permanent("Task '" + name + "' returned a value that cannot be written as JSON ("
                    + (result == null ? "null" : result.getClass().getName()) + "): " + e.getOriginalMessage())
                    .withCause(e);
        }
    }

    /** A failure's details as JSON, written by the worker's mapper (a note in their place when it cannot). */
    String detailsJson(Object details) {
        if (details == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(details);
        } catch (JsonProcessingException | RuntimeException e) {
            return "\"" + details.getClass().getName() + " (not writable as JSON)\"";
        }
    }

    /** How a failed attempt reads to the workflow: the {@code TaskError}'s message, retry, and details as JSON. */
    public record Failure(String message, boolean retryable, String detailsJson) {}

    /**
     * What {@code thrown} means for the attempt: a {@link TaskFailure} says itself; any other exception is
     * retried with its message and its class in the details.
     */
    public Failure failure(Throwable thrown) {
        if (thrown instanceof TaskFailure failure) {
            return new Failure(failure.getMessage(), failure.retryable(), detailsJson(failure.details()));
        }
        String message = thrown.getMessage() != null ? thrown.getMessage() : thrown.getClass().getSimpleName();
        return new Failure(message, true, "{\"exception\":\"" + thrown.getClass().getName() + "\"}");
    }

    /** The handler of task {@code name}, or null. */
    public Invocation get(String name) {
        return byName.get(name);
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
