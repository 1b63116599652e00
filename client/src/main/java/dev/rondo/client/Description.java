package dev.rondo.client;

import java.time.Instant;
import java.util.List;

/**
 * Where an execution stands: its status and, while it waits, the await it waits at
 * ({@code file.flow:LINE:COL}), that line of its source, and what it still needs (such as
 * {@code task chargeCard}, {@code signal approve}, {@code timer}).
 */
public record Description(String executionId, String workflow, String status, Instant createdAt,
                          String waitingAt, String waitingLine, List<String> waitingFor) {}
