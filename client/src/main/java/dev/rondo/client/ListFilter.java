package dev.rondo.client;

import dev.rondo.client.internal.Lookups;
import dev.rondo.core.Identifiers;
import dev.rondo.store.ExecutionStatus;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which executions {@link RondoClient#list} returns, newest first: optionally only one status and one
 * workflow, at most {@code limit} of them, and for the next page, only those after the last one seen
 * ({@code after}: its execution id).
 */
public record ListFilter(String status, String workflow, int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;
    public static final ListFilter ALL = new ListFilter(null, null, DEFAULT_LIMIT, null);
    private static final Set<String> STATUSES = Arrays.stream(ExecutionStatus.values()).map(ExecutionStatus::sql)
            .collect(Collectors.toUnmodifiableSet());

    public ListFilter {
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("Unknown status '" + status + "'; use one of " + String.join(", ",
                    STATUSES.stream().sorted().toList()) + ".");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("The limit must be between 1 and " + MAX_LIMIT + ", not " + limit + ".");
        }
        Lookups.check(Identifiers.Kind.WORKFLOW_NAME, workflow);
        Lookups.check(Identifiers.Kind.EXECUTION_ID, after);
    }

    public ListFilter withStatus(String status) {
        return new ListFilter(status, workflow, limit, after);
    }

    public ListFilter withWorkflow(String workflow) {
        return new ListFilter(status, workflow, limit, after);
    }

    public ListFilter withLimit(int limit) {
        return new ListFilter(status, workflow, limit, after);
    }

    /** The page after the execution with this id (the last of the previous page). */
    public ListFilter after(String executionId) {
        return new ListFilter(status, workflow, limit, executionId);
    }
}
