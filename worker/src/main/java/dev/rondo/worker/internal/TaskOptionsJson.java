package dev.rondo.worker.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rondo.core.TaskOptions;

/** A task's options as stored in {@code executions.options}: written by the slice, read by attempts and rescues. */
final class TaskOptionsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TaskOptionsJson() {}

    static String write(TaskOptions options) {
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
