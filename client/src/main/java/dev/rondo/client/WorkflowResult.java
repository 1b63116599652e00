package dev.rondo.client;

/**
 * How an execution ended: {@code completed} with its result, or {@code failed}/{@code cancelled} with its
 * error ({@code {name, message, file, line, column, …}}), both as JSON text.
 */
public record WorkflowResult(String executionId, String status, String resultJson, String errorJson) {

    public boolean completed() {
        return "completed".equals(status);
    }
}
