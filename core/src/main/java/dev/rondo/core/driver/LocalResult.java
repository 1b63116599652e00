package dev.rondo.core.driver;

import dev.rondo.core.FlowError;
import dev.rondo.core.Slice;
import java.util.List;

/**
 * How an in-process run ended: the status, the result or the uncaught error, the log lines, the tasks it
 * started (in order), and, when it could never go on, why.
 *
 * @param stuck a sentence saying what the workflow waits for that nothing will ever deliver, or null
 */
public record LocalResult(Slice.Status status, Object result, FlowError error, List<String> log,
                          List<StartedTask> tasks, long endMillis, String stuck, java.util.Map<String, String> attributes) {

    /** A result without attributes. */
    public LocalResult(Slice.Status status, Object result, FlowError error, List<String> log,
                       List<StartedTask> tasks, long endMillis, String stuck) {
        this(status, result, error, log, tasks, endMillis, stuck, java.util.Map.of());
    }

    /** A task the workflow started: its name and JSON input. */
    public record StartedTask(String name, String inputJson) {}

    public boolean completed() {
        return status == Slice.Status.COMPLETED && stuck == null;
    }
}
