package dev.rondo.client;

import dev.rondo.core.Identifiers;
import dev.rondo.core.Attributes;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a workflow: the queue whose workers run it, an execution id that makes the start
 * idempotent (a second start with the same id returns the first execution), a priority (higher first)
 * and a delay before it may start. Immutable; each {@code with…} gives a changed copy. The queue and the
 * id follow Rondo's rules for names and ids ({@link Identifiers}: at most 255 bytes, no control
 * characters, and an id may not end in {@code .t<digits>} or {@code .w<digits>}, the form of the engine's
 * own ids); a {@code with…} that breaks them throws {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * StartOptions.DEFAULT.withQueue("orders").withId("order-1234").withDelay(Duration.ofMinutes(5))
 *         .withAttributes(Map.of("customer", "c-42"))
 * }</pre>
 */
public record StartOptions(String queue, String id, int priority, Duration delay, Map<String, String> attributes,
                           String concurrencyKey, int concurrencyLimit, String debounceKey, Duration debounceDelay,
                           boolean debounceKeepFirst, String rateLimitKey, int ratePerSecond, String limitName,
                           Duration debounceMaxWait, String fairKey, int fairWeight) {

    public static final String DEFAULT_QUEUE = "default";
    /** The longest fairness key, in characters. */
    public static final int MAX_FAIR_KEY = 200;
    /** The highest fairness weight. */
    public static final int MAX_FAIR_WEIGHT = 100;
    /** The longest debounce window. */
    public static final Duration MAX_DEBOUNCE = Duration.ofDays(30);
    public static final StartOptions DEFAULT = new StartOptions(DEFAULT_QUEUE, null, 0, Duration.ZERO, Map.of(), null, 0, null, null, false,
            null, 0, null, null, null, 1);

    /** Options without attributes or a concurrency key. */
    public StartOptions(String queue, String id, int priority, Duration delay) {
        this(queue, id, priority, delay, Map.of(), null, 0, null, null, false, null, 0, null, null, null, 1);
    }

    /** Options with attributes and a concurrency key, not debounced. */
    public StartOptions(String queue, String id, int priority, Duration delay, Map<String, String> attributes,
                        String concurrencyKey, int concurrencyLimit) {
        this(queue, id, priority, delay, attributes, concurrencyKey, concurrencyLimit, null, null, false, null, 0, null, null, null, 1);
    }

    public StartOptions {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(delay, "delay");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(Attributes.require(attributes)));
        Identifiers.require(Identifiers.Kind.QUEUE, queue);
        if (id != null && id.isBlank()) {
            throw new IllegalArgumentException("The execution id is empty; pass null to have one generated.");
        }
        if (id != null) {
            Identifiers.require(Identifiers.Kind.EXECUTION_ID, id);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("The delay is negative: " + delay + ".");
        }
        if (concurrencyKey != null) {
            Identifiers.require(Identifiers.Kind.QUEUE, concurrencyKey); // stored and shown as a name is
            if (concurrencyLimit < 1 && limitName == null) {
                throw new IllegalArgumentException("The concurrency limit must be 1 or more, not " + concurrencyLimit + ".");
            }
            if (!delay.isZero()) {
                throw new IllegalArgumentException("A start with a concurrency key cannot be delayed as well.");
            }
        }
        if (debounceKey != null) {
            Identifiers.require(Identifiers.Kind.QUEUE, debounceKey);
            if (debounceDelay == null || debounceDelay.isNegative() || debounceDelay.isZero()) {
                throw new IllegalArgumentException("The debounce delay must be more than zero, not " + debounceDelay + ".");
            }
            if (debounceDelay.compareTo(MAX_DEBOUNCE) > 0) {
                throw new IllegalArgumentException("The debounce delay must be at most " + MAX_DEBOUNCE.toDays() + " days, not " + debounceDelay + ".");
            }
            if (concurrencyKey != null) {
                throw new IllegalArgumentException("A debounced start cannot have a concurrency key as well.");
            }
            if (!delay.isZero()) {
                throw new IllegalArgumentException("A debounced start takes no delay of its own: the debounce delay is its delay.");
            }
            if (debounceMaxWait != null && (debounceMaxWait.compareTo(debounceDelay) < 0 || debounceMaxWait.compareTo(MAX_DEBOUNCE) > 0)) {
                throw new IllegalArgumentException("The debounce's maximum wait must be at least its delay (" + debounceDelay
                        + ") and at most " + MAX_DEBOUNCE.toDays() + " days, not " + debounceMaxWait + ".");
            }
        } else if (debounceMaxWait != null) {
            throw new IllegalArgumentException("A maximum wait needs a debounce key and delay.");
        }
        if (limitName != null) {
            Identifiers.require(Identifiers.Kind.QUEUE, limitName);
            if (concurrencyKey == null && rateLimitKey == null) {
                throw new IllegalArgumentException("A named limit needs a concurrency key or a rate limit key.");
            }
        }
        if (fairKey != null) {
            if (fairKey.isEmpty() || fairKey.length() > MAX_FAIR_KEY) {
                throw new IllegalArgumentException("The fairness key must be 1 to " + MAX_FAIR_KEY + " characters long, not "
                        + fairKey.length() + ".");
            }
            if (fairKey.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("The fairness key holds the NUL character, which PostgreSQL text cannot hold.");
            }
            if (fairWeight < 1 || fairWeight > MAX_FAIR_WEIGHT) {
                throw new IllegalArgumentException("The fairness weight must be an integer from 1 to " + MAX_FAIR_WEIGHT
                        + ", not " + fairWeight + ".");
            }
            if (debounceKey != null) {
                throw new IllegalArgumentException("A debounced start cannot have a fairness key (not built yet).");
            }
        }
        if (rateLimitKey != null) {
            Identifiers.require(Identifiers.Kind.QUEUE, rateLimitKey);
            if (ratePerSecond < 1 && limitName == null) {
                throw new IllegalArgumentException("The rate limit must be 1 or more per second, not " + ratePerSecond + ".");
            }
            if (concurrencyKey != null || debounceKey != null) {
                throw new IllegalArgumentException("A rate-limited start cannot have a concurrency key or a debounce as well.");
            }
            if (!delay.isZero()) {
                throw new IllegalArgumentException("A rate-limited start cannot be delayed as well.");
            }
        }
    }

    /**
     * Debounces this start on {@code key} (docs/scheduling.md, "Debounce"): the first start of a key opens a
     * window of {@code delay}, and one execution runs when it closes, with the input of the last start made
     * within it; the other starts return that execution. Two clients racing still make one execution (the
     * key's row in PostgreSQL is locked by each start). A start after the window, or once its execution has
     * been claimed by a worker, opens a new window.
     */
    public StartOptions withDebounce(String key, Duration delay) {
        return new StartOptions(queue, id, priority, this.delay, attributes, concurrencyKey, concurrencyLimit,
                Objects.requireNonNull(key, "key"), Objects.requireNonNull(delay, "delay"), false, rateLimitKey, ratePerSecond, limitName, null, fairKey, fairWeight);
    }

    /**
     * A trailing debounce on {@code key} (docs/scheduling.md, "Debounce"): each start pushes the run back to
     * {@code delay} after it, but never past {@code maxWait} after the window's first start; the last input
     * wins. A steady stream of starts still runs once every {@code maxWait}. Racing clients make one
     * execution per window.
     */
    public StartOptions withDebounce(String key, Duration delay, Duration maxWait) {
        return new StartOptions(queue, id, priority, this.delay, attributes, concurrencyKey, concurrencyLimit,
                Objects.requireNonNull(key, "key"), Objects.requireNonNull(delay, "delay"), false, rateLimitKey, ratePerSecond,
                limitName, Objects.requireNonNull(maxWait, "maxWait"), fairKey, fairWeight);
    }

    /** {@link #withDebounce(String, Duration, Duration)}, where the first input of the window wins instead of the last. */
    public StartOptions withDebounceKeepingFirst(String key, Duration delay, Duration maxWait) {
        return new StartOptions(queue, id, priority, this.delay, attributes, concurrencyKey, concurrencyLimit,
                Objects.requireNonNull(key, "key"), Objects.requireNonNull(delay, "delay"), true, rateLimitKey, ratePerSecond,
                limitName, Objects.requireNonNull(maxWait, "maxWait"), fairKey, fairWeight);
    }

    /** {@link #withDebounce(String, Duration)}, where the first input of the window wins instead of the last. */
    public StartOptions withDebounceKeepingFirst(String key, Duration delay) {
        return new StartOptions(queue, id, priority, this.delay, attributes, concurrencyKey, concurrencyLimit,
                Objects.requireNonNull(key, "key"), Objects.requireNonNull(delay, "delay"), true, rateLimitKey, ratePerSecond, limitName, null, fairKey, fairWeight);
    }

    /**
     * At most {@code limit} workflows of {@code key} run at once, across all workers (docs/scheduling.md): a
     * start over the limit waits, in priority then start order, until one of them ends.
     */
    public StartOptions withConcurrency(String key, int limit) {
        return new StartOptions(queue, id, priority, delay, attributes, Objects.requireNonNull(key, "key"), limit, debounceKey,
                debounceDelay, debounceKeepFirst, rateLimitKey, ratePerSecond, null, debounceMaxWait, fairKey, fairWeight);
    }

    /**
     * The named concurrency limit {@code name} (docs/scheduling.md, "Named limits"), its name the key: at most
     * the declared number of workflows of it run at once. {@code start} throws {@link IllegalArgumentException}
     * when no concurrency limit of that name is declared.
     */
    public StartOptions withConcurrency(String name) {
        return withConcurrency(name, Objects.requireNonNull(name, "name"));
    }

    /** At most as many workflows of {@code key} as the named concurrency limit {@code limitName} allows run at once. */
    public StartOptions withConcurrency(String key, String limitName) {
        return new StartOptions(queue, id, priority, delay, attributes, Objects.requireNonNull(key, "key"), 0, debounceKey,
                debounceDelay, debounceKeepFirst, rateLimitKey, ratePerSecond, Objects.requireNonNull(limitName, "limitName"),
                debounceMaxWait, fairKey, fairWeight);
    }

    /**
     * The named rate limit {@code name}, its name the key: at most its declared number of workflows are
     * admitted in any second. {@code start} throws {@link IllegalArgumentException} when no rate limit of that
     * name is declared.
     */
    public StartOptions withRateLimit(String name) {
        return withRateLimit(name, Objects.requireNonNull(name, "name"));
    }

    /** Workflows of {@code key} admitted at the rate of the named rate limit {@code limitName}. */
    public StartOptions withRateLimit(String key, String limitName) {
        return new StartOptions(queue, id, priority, delay, attributes, concurrencyKey, concurrencyLimit, debounceKey,
                debounceDelay, debounceKeepFirst, Objects.requireNonNull(key, "key"), 0,
                Objects.requireNonNull(limitName, "limitName"), debounceMaxWait, fairKey, fairWeight);
    }

    /**
     * At most {@code perSecond} workflows of {@code key} are admitted in any one-second window, across all
     * clients and workers (docs/scheduling.md, "Rate limits"): a start over the limit waits, in priority then
     * start order. A rate limit and a concurrency key of the same name are separate.
     */
    public StartOptions withRateLimit(String key, int perSecond) {
        return new StartOptions(queue, id, priority, delay, attributes, concurrencyKey, concurrencyLimit, debounceKey,
                debounceDelay, debounceKeepFirst, Objects.requireNonNull(key, "key"), perSecond, null, debounceMaxWait, fairKey, fairWeight);
    }

    /**
     * Takes turns with the other fairness keys of the queue (docs/scheduling.md, "Fairness"), weight 1: the
     * workflow's queue items, and those of the tasks and children it starts without a key of their own, are
     * claimed round-robin among the keys that have work, so one key's backlog does not starve another's.
     * {@code key} is 1 to {@value #MAX_FAIR_KEY} characters; null: none.
     */
    public StartOptions withFairness(String key) {
        return withFairness(key, 1);
    }

    /** {@link #withFairness(String)} with a weight from 1 to {@value #MAX_FAIR_WEIGHT}: that many turns per round. */
    public StartOptions withFairness(String key, int weight) {
        return new StartOptions(queue, id, priority, delay, attributes, concurrencyKey, concurrencyLimit, debounceKey,
                debounceDelay, debounceKeepFirst, rateLimitKey, ratePerSecond, limitName, debounceMaxWait, key, weight);
    }

    public StartOptions withQueue(String queue) {
        return new StartOptions(queue, id, priority, delay, attributes, concurrencyKey, concurrencyLimit, debounceKey, debounceDelay,
                debounceKeepFirst, rateLimitKey, ratePerSecond, limitName, debounceMaxWait, fairKey, fairWeight);
    }

    public StartOptions withId(String id) {
        return new StartOptions(queue, id, priority, delay, attributes, concurrencyKey, concurrencyLimit, debounceKey, debounceDelay,
                debounceKeepFirst, rateLimitKey, ratePerSecond, limitName, debounceMaxWait, fairKey, fairWeight);
    }

    public StartOptions withPriority(int priority) {
        return new StartOptions(queue, id, priority, delay, attributes, concurrencyKey, concurrencyLimit, debounceKey, debounceDelay,
                debounceKeepFirst, rateLimitKey, ratePerSecond, limitName, debounceMaxWait, fairKey, fairWeight);
    }

    public StartOptions withDelay(Duration delay) {
        return new StartOptions(queue, id, priority, delay, attributes, concurrencyKey, concurrencyLimit, debounceKey, debounceDelay,
                debounceKeepFirst, rateLimitKey, ratePerSecond, limitName, debounceMaxWait, fairKey, fairWeight);
    }

    /**
     * The execution's searchable attributes (replacing any given before): at most {@link Attributes#MAX_KEYS}
     * keys, each a name of letters, digits, {@code _ . -} (not {@code status}, {@code workflow} or
     * {@code queue}) with a string value of at most {@link Attributes#MAX_VALUE_LENGTH} characters; filter
     * on them with {@link ListFilter#withAttribute}. The flow may add more with {@code Context.setAttributes}.
     *
     * @throws IllegalArgumentException when a key or value breaks these rules
     */
    public StartOptions withAttributes(Map<String, String> attributes) {
        return new StartOptions(queue, id, priority, delay, attributes, concurrencyKey, concurrencyLimit, debounceKey, debounceDelay,
                debounceKeepFirst, rateLimitKey, ratePerSecond, limitName, debounceMaxWait, fairKey, fairWeight);
    }
}
