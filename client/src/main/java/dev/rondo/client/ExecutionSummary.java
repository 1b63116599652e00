package dev.rondo.client;

import dev.rondo.core.ExecutionStatus;
import java.time.Instant;
import java.util.Map;

/**
 * One row of {@link RondoClient#list}: an execution's id, workflow, status, times ({@code finishedAt} null
 * while it runs) and searchable attributes.
 */
public record ExecutionSummary(String executionId, String workflow, ExecutionStatus status, String queue, Instant createdAt,
                               Instant finishedAt, Map<String, String> attributes) {

    /** A summary without attributes. */
    public ExecutionSummary(String executionId, String workflow, ExecutionStatus status, String queue, Instant createdAt,
                            Instant finishedAt) {
        this(executionId, workflow, status, queue, createdAt, finishedAt, Map.of());
    }
}
