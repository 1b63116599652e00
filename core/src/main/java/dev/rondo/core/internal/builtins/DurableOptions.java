package dev.rondo.core.internal.builtins;

import java.util.Map;

/**
 * The options of the durable operations (LANGUAGE.md §6) and the kind of value each takes: the
 * interpreter refuses other names at run time, and the compiler refuses misspelled names and literal
 * values of the wrong kind before a deploy.
 */
public final class DurableOptions {

    /** What an option's value must be. */
    public enum Kind { SECONDS, INTEGER, POSITIVE_INTEGER, STRING, STRING_OR_NUMBER, BACKOFF, CONCURRENCY, RATE_LIMIT, LIMIT_NUMBER, FAIRNESS }

    public static final Map<String, Kind> TASK = Map.of("queue", Kind.STRING, "maxAttempts", Kind.POSITIVE_INTEGER,
            "backoff", Kind.BACKOFF, "timeout", Kind.SECONDS, "heartbeatTimeout", Kind.SECONDS, "priority", Kind.INTEGER,
            "key", Kind.STRING_OR_NUMBER, "concurrency", Kind.CONCURRENCY,
            "rateLimit", Kind.RATE_LIMIT, "fairness", Kind.FAIRNESS);
    public static final Map<String, Kind> BACKOFF = Map.of("initial", Kind.SECONDS, "factor", Kind.SECONDS, "max", Kind.SECONDS);
    /**
     * Task.run's {@code concurrency: {key, limit}}: both required; the limit an integer or the name of a
     * declared limit. The option may also be a name alone ({@code concurrency: "ledger"}).
     */
    public static final Map<String, Kind> CONCURRENCY = Map.of("key", Kind.STRING_OR_NUMBER, "limit", Kind.LIMIT_NUMBER);
    /** Task.run's {@code rateLimit: {key, perSecond}}, as {@link #CONCURRENCY}. */
    public static final Map<String, Kind> RATE_LIMIT = Map.of("key", Kind.STRING_OR_NUMBER, "perSecond", Kind.LIMIT_NUMBER);
    /** Task.run's {@code fairness: {key, weight}}: the key required (a non-empty string), the weight 1 by default. */
    public static final Map<String, Kind> FAIRNESS = Map.of("key", Kind.STRING, "weight", Kind.POSITIVE_INTEGER);
    public static final Map<String, Kind> WORKFLOW = Map.of("queue", Kind.STRING, "id", Kind.STRING);
    public static final Map<String, Kind> SIGNAL = Map.of("timeout", Kind.SECONDS);

    /** The operations that take options, and the position of their options argument. */
    public static final Map<String, Integer> OPTIONS_ARGUMENT = Map.of("Task.run", 2, "Workflow.run", 2, "Signal.next", 1);

    private DurableOptions() {}

    /** The options of {@code function} (one of {@link #OPTIONS_ARGUMENT}'s keys). */
    public static Map<String, Kind> of(String function) {
        return switch (function) {
            case "Task.run" -> TASK;
            case "Workflow.run" -> WORKFLOW;
            case "Signal.next" -> SIGNAL;
            default -> throw new IllegalArgumentException(function);
        };
    }
}
