package dev.rondo.client;

import dev.rondo.client.internal.Lookups;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.Identifiers;

/**
 * Which executions {@link RondoClient#list} returns, newest first: optionally only one status and one
 * workflow, at most {@code limit} of them, and for the next page, only those after the last one seen
 * ({@code after}: its execution id).
 */
public record ListFilter(ExecutionStatus status, String workflow, int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;
    public static final ListFilter ALL = new ListFilter(null, null, DEFAULT_LIMIT, null);

    public ListFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("The limit must be between 1 and " + MAX_LIMIT + ", not " + limit + ".");
        }
        Lookups.check(Identifiers.Kind.WORKFLOW_NAME, workflow);
        Lookups.check(Identifiers.Kind.EXECUTION_ID, after);
    }

    /** Only executions with this status ({@code null}: any). */
    public ListFilter withStatus(ExecutionStatus status) {
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
