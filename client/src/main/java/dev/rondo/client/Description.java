package dev.rondo.client;

import dev.rondo.core.ExecutionStatus;
import java.time.Instant;
import java.util.List;

/**
 * Where an execution stands: its status and, while it waits, the await it waits at
 * ({@code file.flow:LINE:COL}), that line of its source, and what it still needs (such as
 * {@code task chargeCard}, {@code signal approve}, {@code timer}); {@code hints} say what may keep it
 * from moving on, such as a queue no worker has served lately; {@code queue} is the queue its slices run on; {@code attributes} its searchable attributes
 * (set at start and by {@code Context.setAttributes}).
 */
public record Description(String executionId, String workflow, ExecutionStatus status, Instant createdAt,
                          String waitingAt, String waitingLine, List<String> waitingFor, List<String> hints,
                          String queue, java.util.Map<String, String> attributes) {

    /** A description without attributes. */
    public Description(String executionId, String workflow, ExecutionStatus status, Instant createdAt,
                       String waitingAt, String waitingLine, List<String> waitingFor, List<String> hints,
                       String queue) {
        this(executionId, workflow, status, createdAt, waitingAt, waitingLine, waitingFor, hints, queue, java.util.Map.of());
    }

    /** How long a queue may go without a worker before {@link #hints()} says so. */
    public static final int UNSERVED_MINUTES = 5;

    /** A description without hints or queue. */
    public Description(String executionId, String workflow, ExecutionStatus status, Instant createdAt,
                       String waitingAt, String waitingLine, List<String> waitingFor) {
        this(executionId, workflow, status, createdAt, waitingAt, waitingLine, waitingFor, List.of(), null);
    }

    /** A description without its queue. */
    public Description(String executionId, String workflow, ExecutionStatus status, Instant createdAt,
                       String waitingAt, String waitingLine, List<String> waitingFor, List<String> hints) {
        this(executionId, workflow, status, createdAt, waitingAt, waitingLine, waitingFor, hints, null);
    }

    /** The hint for a queue the execution waits on that no worker has served lately. */
    public static String unservedQueueHint(String queue) {
        return "no worker has served queue " + queue + " in the last " + UNSERVED_MINUTES
                + " minutes; start one with `rondo worker --queue " + queue + "`";
    }
}
