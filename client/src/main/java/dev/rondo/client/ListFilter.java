package dev.rondo.client;

import dev.rondo.client.internal.Lookups;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.Identifiers;
import dev.rondo.core.Attributes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which executions {@link RondoClient#list} returns, newest first: optionally only one status and one
 * workflow, at most {@code limit} of them, and for the next page, only those after the last one seen
 * ({@code after}: its execution id), and only those whose attributes hold every pair of {@code attributes}
 * (served by an index, so a filter over millions of executions stays fast).
 */
public record ListFilter(ExecutionStatus status, String workflow, int limit, String after, Map<String, String> attributes) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;
    public static final ListFilter ALL = new ListFilter(null, null, DEFAULT_LIMIT, null, Map.of());

    /** A filter on no attributes. */
    public ListFilter(ExecutionStatus status, String workflow, int limit, String after) {
        this(status, workflow, limit, after, Map.of());
    }

    public ListFilter {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(Attributes.require(attributes)));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("The limit must be between 1 and " + MAX_LIMIT + ", not " + limit + ".");
        }
        Lookups.check(Identifiers.Kind.WORKFLOW_NAME, workflow);
        Lookups.check(Identifiers.Kind.EXECUTION_ID, after);
    }

    /** Only executions with this status ({@code null}: any). */
    public ListFilter withStatus(ExecutionStatus status) {
        return new ListFilter(status, workflow, limit, after, attributes);
    }

    public ListFilter withWorkflow(String workflow) {
        return new ListFilter(status, workflow, limit, after, attributes);
    }

    public ListFilter withLimit(int limit) {
        return new ListFilter(status, workflow, limit, after, attributes);
    }

    /** The page after the execution with this id (the last of the previous page). */
    public ListFilter after(String executionId) {
        return new ListFilter(status, workflow, limit, executionId, attributes);
    }

    /** Only executions whose attribute {@code key} is {@code value} (added to the attributes filtered on so far). */
    public ListFilter withAttribute(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(attributes);
        more.put(key, value);
        return new ListFilter(status, workflow, limit, after, more);
    }

    /**
     * Adds one {@code key=value} condition, as {@code rondo list --where} takes it: {@code status=…} and
     * {@code workflow=…} filter on those, any other key on an attribute.
     *
     * @throws IllegalArgumentException when the text has no {@code =} or the key or value is not acceptable
     */
    public ListFilter where(String condition) {
        int eq = condition == null ? -1 : condition.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("A condition is key=value, such as customer=c-42 or status=failed; got "
                    + (condition == null ? "nothing" : "'" + condition + "'") + ".");
        }
        String key = condition.substring(0, eq).strip();
        String value = condition.substring(eq + 1);
        return switch (key) {
            case "status" -> withStatus(ExecutionStatus.of(value));
            case "workflow" -> withWorkflow(value);
            default -> withAttribute(key, value);
        };
    }
}
