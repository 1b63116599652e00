package dev.rondo.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.RondoException;

/**
 * How an execution ended: {@code completed} with its result, or {@code failed}/{@code cancelled} with its
 * error ({@code {name, message, file, line, column, …}}), both as JSON text.
 *
 * <pre>{@code
 * WorkflowResult r = handle.result(Duration.ofMinutes(1));
 * if (r.completed()) { Receipt receipt = r.resultAs(Receipt.class); }
 * else { System.err.println(r.error()); }   // orders/process.flow:12:5: TaskError: Card declined
 * }</pre>
 */
public record WorkflowResult(String executionId, ExecutionStatus status, String resultJson, String errorJson) {

    /** Made on first use: a command that prints the result's JSON as it is loads no Jackson databind. */
    private static final class DefaultMapper {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public boolean completed() {
        return status == ExecutionStatus.COMPLETED;
    }

    /** The result read by Jackson as {@code type} (a record, a map, …), with a default {@code ObjectMapper}. */
    public <T> T resultAs(Class<T> type) {
        return resultAs(type, DefaultMapper.MAPPER);
    }

    /** The result read as {@code type} by {@code mapper}. */
    public <T> T resultAs(Class<T> type, ObjectMapper mapper) {
        if (!completed()) {
            throw new IllegalStateException("Execution '" + executionId + "' ended " + status.text() + ", with no result: " + error());
        }
        try {
            return mapper.readValue(resultJson, type);
        } catch (JsonProcessingException e) {
            throw new RondoException.InvalidPayload("The result of execution '" + executionId + "' does not fit "
                    + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    /** The uncaught error of a failed or cancelled execution; null when it completed. */
    public ExecutionError error() {
        if (errorJson == null) {
            return null;
        }
        try {
            JsonNode error = DefaultMapper.MAPPER.readTree(errorJson);
            java.util.List<String> stack = new java.util.ArrayList<>();
            error.path("stack").forEach(call -> stack.add(call.asText()));
            return new ExecutionError(error.path("name").asText("Error"), error.path("message").asText(""),
                    error.path("file").asText(null), error.path("line").asInt(0), error.path("column").asInt(0), stack);
        } catch (JsonProcessingException e) {
            return new ExecutionError("Error", errorJson, null, 0, 0);
        }
    }

    /** An execution's uncaught error: its name and message, and where in the {@code .flow} file it was raised. */
    public record ExecutionError(String name, String message, String file, int line, int column,
                                 java.util.List<String> stack) {

        public ExecutionError {
            stack = stack == null ? java.util.List.of() : java.util.List.copyOf(stack);
        }

        public ExecutionError(String name, String message, String file, int line, int column) {
            this(name, message, file, line, column, java.util.List.of());
        }

        /**
         * {@code file.flow:LINE:COL: Name: message}, as the command line prints errors, then the helper calls
         * it was raised in ({@code at scaled (orders.flow:3:12)}), one indented line each.
         */
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(
                    (file == null ? "" : file + ":" + line + ":" + column + ": ") + name + ": " + message);
            for (String call : stack) {
                text.append("\n    ").append(call);
            }
            return text.toString();
        }
    }
}
