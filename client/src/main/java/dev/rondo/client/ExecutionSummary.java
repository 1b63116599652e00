package dev.rondo.client;

import dev.rondo.core.ExecutionStatus;
import java.time.Instant;

/** One row of {@link RondoClient#list}: an execution's id, workflow, status and times ({@code finishedAt} null while it runs). */
public record ExecutionSummary(String executionId, String workflow, ExecutionStatus status, String queue, Instant createdAt,
                               Instant finishedAt) {}
