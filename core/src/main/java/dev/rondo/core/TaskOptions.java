package dev.rondo.core;

/**
 * The options of one {@code Task.run} (LANGUAGE.md §6), with the defaults filled in. Times are in
 * seconds; {@code queue} is {@code null} for "the workflow's queue", {@code heartbeatTimeout} and
 * {@code key} are {@code null} when not set. {@code concurrencyKey} (null: none) and {@code concurrencyLimit}
 * are the {@code concurrency: {key, limit}} option: at most that many tasks of that key run at once,
 * across all workers (docs/scheduling.md). {@code rateLimitKey} (null: none) and {@code ratePerSecond} are the
 * {@code rateLimit: {key, perSecond}} option: at most that many tasks of that key start in any one-second
 * window, across all workers. {@code limitName} (null: none) is the named limit the concurrency or rate limit
 * refers to ({@code concurrency: "ledger"}, {@code rateLimit: {key: k, perSecond: "stripe"}}): its number is
 * not known to the flow (0 here) but read from the declaration when the task starts and at each admission.
 * {@code fairKey} (null: none, the workflow's then) and {@code fairWeight} (1 to {@value #MAX_FAIR_WEIGHT}) are
 * the {@code fairness: {key, weight}} option: the task's queue item takes turns with the other keys of its
 * queue (docs/scheduling.md, "Fairness").
 */
public record TaskOptions(
        String queue,
        int maxAttempts,
        double backoffInitial,
        double backoffFactor,
        double backoffMax,
        double timeout,
        Double heartbeatTimeout,
        int priority,
        String key,
        String concurrencyKey,
        int concurrencyLimit,
        String rateLimitKey,
        int ratePerSecond,
        String limitName,
        String fairKey,
        int fairWeight) {

    /** The longest fairness key, in characters. */
    public static final int MAX_FAIR_KEY = 200;
    /** The highest fairness weight. */
    public static final int MAX_FAIR_WEIGHT = 100;

    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final double DEFAULT_BACKOFF_INITIAL = 1;
    public static final double DEFAULT_BACKOFF_FACTOR = 2;
    public static final double DEFAULT_BACKOFF_MAX = 60;
    public static final double DEFAULT_TIMEOUT = 300;

    public static final TaskOptions DEFAULTS = new TaskOptions(null, DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF_INITIAL,
            DEFAULT_BACKOFF_FACTOR, DEFAULT_BACKOFF_MAX, DEFAULT_TIMEOUT, null, 0, null, null, 0, null, 0, null, null, 1);

    /**
     * A concurrency or rate limit as a Task.run gives it: {@code rate} for {@code rateLimit}, the key, and
     * either its number or the name of a declared limit ({@code number} 0 then).
     */
    public record Limit(boolean rate, String key, int number, String name) {}

    /** Options without a named limit or a fairness key. */
    public TaskOptions(String queue, int maxAttempts, double backoffInitial, double backoffFactor, double backoffMax,
                       double timeout, Double heartbeatTimeout, int priority, String key, String concurrencyKey,
                       int concurrencyLimit, String rateLimitKey, int ratePerSecond) {
        this(queue, maxAttempts, backoffInitial, backoffFactor, backoffMax, timeout, heartbeatTimeout, priority, key,
                concurrencyKey, concurrencyLimit, rateLimitKey, ratePerSecond, null, null, 1);
    }

    /** These options with {@code limit} (null: unchanged). */
    public TaskOptions withLimit(Limit limit) {
        if (limit == null) {
            return this;
        }
        TaskOptions with = limit.rate() ? withRateLimit(limit.key(), limit.number()) : withConcurrency(limit.key(), limit.number());
        return with.withLimitName(limit.name());
    }

    /** These options with the named limit {@code limitName} (null: none). */
    public TaskOptions withLimitName(String limitName) {
        return new TaskOptions(queue, maxAttempts, backoffInitial, backoffFactor, backoffMax, timeout, heartbeatTimeout,
                priority, key, concurrencyKey, concurrencyLimit, rateLimitKey, ratePerSecond, limitName, fairKey, fairWeight);
    }

    /** These options with a concurrency key and limit. */
    public TaskOptions withConcurrency(String concurrencyKey, int concurrencyLimit) {
        return new TaskOptions(queue, maxAttempts, backoffInitial, backoffFactor, backoffMax, timeout, heartbeatTimeout,
                priority, key, concurrencyKey, concurrencyLimit, rateLimitKey, ratePerSecond, limitName, fairKey, fairWeight);
    }

    /** These options with a rate limit: at most {@code perSecond} tasks of {@code rateLimitKey} start in any second. */
    public TaskOptions withRateLimit(String rateLimitKey, int perSecond) {
        return new TaskOptions(queue, maxAttempts, backoffInitial, backoffFactor, backoffMax, timeout, heartbeatTimeout,
                priority, key, concurrencyKey, concurrencyLimit, rateLimitKey, perSecond, limitName, fairKey, fairWeight);
    }

    /** These options with a fairness key ({@code fairKey} null: none) and weight. */
    public TaskOptions withFairness(String fairKey, int fairWeight) {
        return new TaskOptions(queue, maxAttempts, backoffInitial, backoffFactor, backoffMax, timeout, heartbeatTimeout,
                priority, key, concurrencyKey, concurrencyLimit, rateLimitKey, ratePerSecond, limitName, fairKey, fairWeight);
    }

    /** Seconds to wait before attempt {@code nextAttempt} (2 or more), before jitter. */
    public double backoffBefore(int nextAttempt) {
        double delay = backoffInitial * Math.pow(backoffFactor, nextAttempt - 2);
        return Math.min(delay, backoffMax);
    }
}
