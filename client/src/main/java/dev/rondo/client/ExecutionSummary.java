package dev.rondo.client;

import java.time.Instant;

/**
 * One row of {@link RondoClient#list}: an execution's id, workflow, status, times ({@code finishedAt} null
 * while it runs) and searchable attributes.
 */
public record ExecutionSummary(String executionId, String workflow, String status, String queue, Instant createdAt,
                               Instant finishedAt, java.util.Map<String, String> attributes) {

    /** A summary without attributes. */
    public ExecutionSummary(String executionId, String workflow, String status, String queue, Instant createdAt,
                            Instant finishedAt) {
        this(executionId, workflow, status, queue, createdAt, finishedAt, java.util.Map.of());
    }
}
