package dev.rondo.testing.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.core.FlowError;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Json;
import java.io.UncheckedIOException;

/**
 * Crosses between Java (Jackson) and Flow values the way the engine does: through JSON text, so a test
 * sees exactly what a workflow on PostgreSQL would.
 */
public final class FlowValues {

    private FlowValues() {}

    /** JSON text as a Flow value; an {@link IllegalArgumentException} saying what is wrong when it is not JSON. */
    public static Object parse(String json, String what) {
        if (json == null) {
            return null;
        }
        try {
            return Json.parse(json);
        } catch (FlowThrow e) {
            throw new IllegalArgumentException(what + " is not JSON (" + new FlowError(e.value(), "", 0, 0).message()
                    + "): " + json);
        }
    }

    /** A Java value (a {@link JsonNode}, a record, a map, …) as a Flow value, written by {@code mapper}. */
    public static Object fromJava(Object value, ObjectMapper mapper) throws JsonProcessingException {
        String json = value instanceof JsonNode node ? node.toString() : mapper.writeValueAsString(value);
        return Json.parse(json);
    }

    /** A Flow value as JSON text. */
    public static String toJson(Object value) {
        return Json.write(value);
    }

    /** A Flow value as a Jackson tree. */
    public static JsonNode toTree(Object value, ObjectMapper mapper) {
        return readTree(Json.write(value), mapper);
    }

    /** JSON text as a Jackson tree. */
    public static JsonNode readTree(String json, ObjectMapper mapper) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
