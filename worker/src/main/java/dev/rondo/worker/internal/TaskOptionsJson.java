package dev.rondo.worker.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.core.TaskOptions;

/**
 * A task's options as stored in {@code executions.options}: written by the slice, read by attempts and rescues.
 * Most tasks set none; theirs are stored as null (the defaults), which spares each such task a JSON write
 * at its start and a parse at every attempt.
 */
final class TaskOptionsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TaskOptionsJson() {}

    static String write(TaskOptions options) {
        if (options.equals(TaskOptions.DEFAULTS)) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("task options are plain values", e);
        }
    }

    static TaskOptions read(String json) {
        try {
            return json == null ? TaskOptions.DEFAULTS : MAPPER.readValue(json, TaskOptions.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable task options " + json, e);
        }
    }
}
