package dev.rondo.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.client.WorkflowResult;
import dev.rondo.core.ExecutionStatus;

/** Reading results in tests. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** The result of an execution that must have completed. */
    public static JsonNode completed(WorkflowResult result) {
        assertEquals(ExecutionStatus.COMPLETED, result.status(), () -> "error: " + result.errorJson());
        return parse(result.resultJson());
    }

    /** The error of an execution that must have failed. */
    public static JsonNode failed(WorkflowResult result) {
        assertEquals(ExecutionStatus.FAILED, result.status(), () -> "result: " + result.resultJson());
        return parse(result.errorJson());
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
