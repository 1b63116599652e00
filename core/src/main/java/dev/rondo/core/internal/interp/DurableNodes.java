package dev.rondo.core.internal.interp;

import dev.rondo.core.internal.builtins.DurableOptions;

import dev.rondo.core.Effect;
import dev.rondo.core.Identifiers;
import dev.rondo.core.StoredText;
import dev.rondo.core.TaskOptions;
import dev.rondo.core.ast.Span;
import dev.rondo.core.internal.interp.PromiseEntry.Kind;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Json;
import dev.rondo.core.value.PromiseRef;
import dev.rondo.core.value.Numbers;
import dev.rondo.core.value.Values;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The durable operations of LANGUAGE.md §6: each creates a promise and records the effect that will
 * settle it ({@code Task.run}, {@code Workflow.run}, {@code Timer.*}, {@code Signal.next}), or combines
 * promises ({@code Promise.*}).
 */
final class DurableNodes {

    private static final Set<String> TASK_OPTIONS = DurableOptions.TASK.keySet();
    private static final Set<String> BACKOFF_OPTIONS = DurableOptions.BACKOFF.keySet();
    private static final Set<String> CONCURRENCY_OPTIONS = DurableOptions.CONCURRENCY.keySet();
    private static final Set<String> RATE_LIMIT_OPTIONS = DurableOptions.RATE_LIMIT.keySet();
    private static final Set<String> FAIRNESS_OPTIONS = DurableOptions.FAIRNESS.keySet();
    private static final Set<String> WORKFLOW_OPTIONS = DurableOptions.WORKFLOW.keySet();
    private static final Set<String> SIGNAL_OPTIONS = DurableOptions.SIGNAL.keySet();

    private DurableNodes() {}

    static final class TaskRun extends CallNodes.Call {
        TaskRun(Span span, XExpr[] args, boolean[] spread) {
            super(span, args, spread);
        }

        @Override
        Object eval(Frame f) {
            try {
                Object[] values = arguments(f);
                String name = nameArgument("Task.run", Identifiers.Kind.TASK_NAME, values);
                Object input = values.length > 1 ? values[1] : new FlowObject();
                TaskOptions options = taskOptions(values.length > 2 ? values[2] : null);
                String keyId = options.key() == null ? null : "task\u0000" + name + "\u0000" + options.key();
                return keyed(f, keyId, () -> {
                    String inputJson = payload(f, input, "task input");
                    f.m.countStart();
                    PromiseEntry entry = f.m.newLeaf(Kind.TASK, name, null, span);
                    f.m.effects.add(new Effect.StartTask(entry.id, name, input, inputJson, options, span));
                    return entry.id;
                });
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    static final class WorkflowRun extends CallNodes.Call {
        WorkflowRun(Span span, XExpr[] args, boolean[] spread) {
            super(span, args, spread);
        }

        @Override
        Object eval(Frame f) {
            try {
                Object[] values = arguments(f);
                String name = nameArgument("Workflow.run", Identifiers.Kind.WORKFLOW_NAME, values);
                Object input = values.length > 1 ? values[1] : new FlowObject();
                FlowObject options = options("Workflow.run", values.length > 2 ? values[2] : null, WORKFLOW_OPTIONS);
                String queue = identifier(options, "queue", "Workflow.run", Identifiers.Kind.QUEUE);
                String id = identifier(options, "id", "Workflow.run", Identifiers.Kind.EXECUTION_ID);
                String keyId = id == null ? null : "workflow\u0000" + id;
                return keyed(f, keyId, () -> {
                    String inputJson = payload(f, input, "workflow input");
                    f.m.countStart();
                    PromiseEntry entry = f.m.newLeaf(Kind.WORKFLOW, name, null, span);
                    f.m.effects.add(new Effect.StartWorkflow(entry.id, name, input, inputJson, queue, id, span));
                    return entry.id;
                });
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    static final class TimerDelay extends CallNodes.Call {
        TimerDelay(Span span, XExpr[] args, boolean[] spread) {
            super(span, args, spread);
        }

        @Override
        Object eval(Frame f) {
            try {
                Object seconds = arguments(f)[0];
                if (!(seconds instanceof Double d)) {
                    throw FlowThrow.typeError("Timer.delay takes a number of seconds, not " + Values.typeOf(seconds) + ".");
                }
                if (!(d >= 0)) {
                    throw FlowThrow.rangeError("Timer.delay takes a number of seconds of 0 or more, not "
                            + Numbers.toString(d) + ".");
                }
                return timer(f, Effect.StartTimer.fireTime(f.m.nowMillis + d * 1000), span);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    static final class TimerUntil extends CallNodes.Call {
        TimerUntil(Span span, XExpr[] args, boolean[] spread) {
            super(span, args, spread);
        }

        @Override
        Object eval(Frame f) {
            try {
                Object time = arguments(f)[0];
                long at;
                if (time instanceof Double millis) {
                    if (millis.isNaN()) {
                        throw FlowThrow.rangeError("Timer.until takes epoch milliseconds, not NaN.");
                    }
                    at = Effect.StartTimer.fireTime(millis);
                } else if (time instanceof String text) {
                    try {
                        java.time.Instant instant = OffsetDateTime.parse(text).toInstant();
                        // As a double: a year such as +999999999 would overflow epoch milliseconds.
                        at = Effect.StartTimer.fireTime(instant.getEpochSecond() * 1000.0 + instant.getNano() / 1e6);
                    } catch (DateTimeParseException e) {
                        throw FlowThrow.rangeError("Timer.until takes an ISO-8601 instant such as '2026-01-31T09:00:00Z', not '" + text + "'.");
                    }
                } else {
                    throw FlowThrow.typeError("Timer.until takes an ISO-8601 string or epoch milliseconds, not " + Values.typeOf(time) + ".");
                }
                return timer(f, at, span);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    /**
     * The promise an idempotency key already stands for in this execution, or a new one from
     * {@code start} (which records the start effect) remembered under the key; {@code keyId} null: no key.
     */
    private static PromiseRef keyed(Frame f, String keyId, IntSupplier start) {
        Integer existing = keyId == null ? null : f.m.keys.get(keyId);
        if (existing != null) {
            return new PromiseRef(existing);
        }
        int id = start.getAsInt();
        if (keyId != null) {
            f.m.keys.put(keyId, id);
        }
        return new PromiseRef(id);
    }

    private static PromiseRef timer(Frame f, long fireAt, Span span) {
        PromiseEntry entry = f.m.newLeaf(Kind.TIMER, null, null, span);
        f.m.effects.add(new Effect.StartTimer(entry.id, fireAt));
        return new PromiseRef(entry.id);
    }

    static final class SignalNext extends CallNodes.Call {
        SignalNext(Span span, XExpr[] args, boolean[] spread) {
            super(span, args, spread);
        }

        @Override
        Object eval(Frame f) {
            try {
                Object[] values = arguments(f);
                String name = nameArgument("Signal.next", Identifiers.Kind.SIGNAL_NAME, values);
                FlowObject options = options("Signal.next", values.length > 1 ? values[1] : null, SIGNAL_OPTIONS);
                Double timeout = optionalSeconds(options, "timeout", "Signal.next");
                if (timeout == null) {
                    return new PromiseRef(f.m.newLeaf(Kind.SIGNAL, name, null, span).id);
                }
                // The wait and its timeout timer point at each other by id (see Machine.fireTimer).
                int waitId = f.m.promises.nextId();
                PromiseEntry wait = f.m.newLeaf(Kind.SIGNAL, name, (double) (waitId + 1), span);
                PromiseEntry timer = f.m.newLeaf(Kind.TIMER, null, (double) wait.id, span);
                f.m.effects.add(new Effect.StartTimer(timer.id,
                        Effect.StartTimer.fireTime(f.m.nowMillis + timeout * 1000)));
                return new PromiseRef(wait.id);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    static final class Combinator extends CallNodes.Call {
        private final Kind kind;
        private final String function;

        Combinator(Span span, Kind kind, String function, XExpr[] args, boolean[] spread) {
            super(span, args, spread);
            this.kind = kind;
            this.function = function;
        }

        @Override
        Object eval(Frame f) {
            try {
                Object promises = arguments(f)[0];
                int size;
                if (promises instanceof FlowArray array) {
                    size = array.size();
                } else if (promises instanceof FlowObject object) {
                    size = object.size();
                } else {
                    throw FlowThrow.typeError(function + " takes an array or an object of promises, not " + Values.typeOf(promises) + ".");
                }
                if (size == 0 && (kind == Kind.RACE || kind == Kind.RACE_KV)) {
                    throw FlowThrow.typeError(function + " needs at least one promise: an empty race would never settle.");
                }
                return new PromiseRef(f.m.promises.create(kind, null, Values.markShared(promises)).id);
            } catch (FlowThrow t) {
                throw t.at(span);
            }
        }
    }

    private static String nameArgument(String function, Identifiers.Kind kind, Object[] values) {
        if (!(values[0] instanceof String name) || name.isBlank()) {
            throw FlowThrow.typeError(function + " takes a name (a non-empty string) first, not " + Values.typeOf(values[0]) + ".");
        }
        checkIdentifier(function, kind, name);
        return name;
    }

    /** A name or id the engine stores: Rondo's rules for it ({@link Identifiers}) broken are a catchable RangeError. */
    private static void checkIdentifier(String function, Identifiers.Kind kind, String value) {
        String problem = Identifiers.problem(kind, value);
        if (problem != null) {
            throw FlowThrow.rangeError(function + ": " + decapitalized(problem));
        }
    }

    private static String decapitalized(String sentence) {
        return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
    }

    /** The JSON text of a payload: no promises inside, within the size limit, and no NUL ({@link StoredText}). */
    private static String payload(Frame f, Object value, String what) {
        String json = Json.write(value);
        if (f.m.limits.payloadTooLarge(json)) {
            throw FlowThrow.limitError("The " + what + " is larger than the " + f.m.limits.payloadLimitText() + " limit.");
        }
        String problem = StoredText.jsonProblem(what, json, value);
        if (problem != null) {
            throw FlowThrow.rangeError(problem);
        }
        return json;
    }

    private static FlowObject options(String function, Object value, Set<String> known) {
        if (value == null) {
            return new FlowObject();
        }
        if (!(value instanceof FlowObject options)) {
            throw FlowThrow.typeError(function + " takes its options as an object, not " + Values.typeOf(value) + ".");
        }
        for (String key : options.keys()) {
            if (!known.contains(key)) {
                throw FlowThrow.typeError(function + " has no option '" + key + "'; it knows " + String.join(", ", known.stream().sorted().toList()) + ".");
            }
        }
        return options;
    }

    private static TaskOptions taskOptions(Object value) {
        FlowObject options = options("Task.run", value, TASK_OPTIONS);
        TaskOptions d = TaskOptions.DEFAULTS;
        FlowObject backoff = options("Task.run option 'backoff'", options.get("backoff"), BACKOFF_OPTIONS);
        Double heartbeat = optionalSeconds(options, "heartbeatTimeout", "Task.run");
        Object key = options.get("key");
        if (key != null && !(key instanceof String) && !(key instanceof Double)) {
            throw FlowThrow.typeError("Task.run option 'key' must be a string or a number, not " + Values.typeOf(key) + ".");
        }
        String keyProblem = key instanceof String text ? StoredText.textProblem("option 'key'", text) : null;
        if (keyProblem != null) {
            throw FlowThrow.rangeError("Task.run: " + decapitalized(keyProblem));
        }
        if (options.get("concurrency") != null && options.get("rateLimit") != null) {
            throw FlowThrow.typeError("Task.run takes 'concurrency' or 'rateLimit', not both in one call.");
        }
        return new TaskOptions(
                identifier(options, "queue", "Task.run", Identifiers.Kind.QUEUE),
                integer(options, "maxAttempts", d.maxAttempts(), 1),
                seconds(backoff, "initial", d.backoffInitial()),
                seconds(backoff, "factor", d.backoffFactor()),
                seconds(backoff, "max", d.backoffMax()),
                seconds(options, "timeout", d.timeout()),
                heartbeat,
                integer(options, "priority", 0, Integer.MIN_VALUE),
                key == null ? null : Values.toDisplayString(key),
                null, 0, null, 0).withLimit(limit(options.get("concurrency"), false))
                .withLimit(limit(options.get("rateLimit"), true))
                .withFairness(fairKey(options.get("fairness")), fairWeight(options.get("fairness")));
    }

    /** The key of {@code fairness: {key, weight}} (null: no such option): a string of 1 to 200 characters. */
    private static String fairKey(Object value) {
        if (value == null) {
            return null;
        }
        FlowObject fairness = options("Task.run option 'fairness'", value, FAIRNESS_OPTIONS);
        Object key = fairness.get("key");
        if (!(key instanceof String text)) {
            throw FlowThrow.typeError("Task.run option 'fairness' needs a 'key' that is a string, as in"
                    + " {key: \"acme\", weight: 2}" + (key == null ? "" : ", not " + Values.typeOf(key)) + ".");
        }
        if (text.isEmpty() || text.length() > TaskOptions.MAX_FAIR_KEY) {
            throw FlowThrow.rangeError("Task.run option 'fairness.key' must be 1 to " + TaskOptions.MAX_FAIR_KEY
                    + " characters long, not " + text.length() + ".");
        }
        String problem = StoredText.textProblem("option 'fairness.key'", text);
        if (problem != null) {
            throw FlowThrow.rangeError("Task.run: " + decapitalized(problem));
        }
        return text;
    }

    private static int fairWeight(Object value) {
        if (value == null) {
            return 1;
        }
        FlowObject fairness = options("Task.run option 'fairness'", value, FAIRNESS_OPTIONS);
        Object weight = fairness.get("weight");
        if (weight == null) {
            return 1;
        }
        if (!(weight instanceof Double d) || d != Math.rint(d) || d < 1 || d > TaskOptions.MAX_FAIR_WEIGHT) {
            throw FlowThrow.typeError("Task.run option 'fairness.weight' must be an integer from 1 to "
                    + TaskOptions.MAX_FAIR_WEIGHT + (weight instanceof Double ? "" : ", not " + Values.typeOf(weight)) + ".");
        }
        return (int) (double) d;
    }

    /**
     * A task's {@code concurrency} or {@code rateLimit} option (null: not given): a limit's name alone
     * ({@code "ledger"}: the key and the declared limit of that name), or {@code {key, limit}} /
     * {@code {key, perSecond}} where the number may be the name of a declared limit instead
     * (docs/scheduling.md, "Named limits"). Keys and names are checked as stored names.
     */
    private static TaskOptions.Limit limit(Object value, boolean rate) {
        if (value == null) {
            return null;
        }
        String option = rate ? "rateLimit" : "concurrency";
        String number = rate ? "perSecond" : "limit";
        String example = rate ? "{key: \"stripe\", perSecond: 20}" : "{key: \"acct-42\", limit: 1}";
        if (value instanceof String name) {
            checkIdentifier("Task.run option '" + option + "'", Identifiers.Kind.QUEUE, name);
            return new TaskOptions.Limit(rate, name, 0, name);
        }
        FlowObject limit = options("Task.run option '" + option + "'", value, rate ? RATE_LIMIT_OPTIONS : CONCURRENCY_OPTIONS);
        Object key = limit.get("key");
        if (!(key instanceof String) && !(key instanceof Double)) {
            throw FlowThrow.typeError("Task.run option '" + option + "' needs a 'key' that is a string or a number, as in "
                    + example + (key == null ? "" : ", not " + Values.typeOf(key)) + ".");
        }
        String text = Values.toDisplayString(key);
        checkIdentifier("Task.run option '" + option + ".key'", Identifiers.Kind.QUEUE, text);
        Object n = limit.get(number);
        if (n == null) {
            throw FlowThrow.typeError("Task.run option '" + option + "' needs a '" + number
                    + "' (an integer of 1 or more, or the name of a declared limit), as in " + example + ".");
        }
        if (n instanceof String name) {
            checkIdentifier("Task.run option '" + option + "." + number + "'", Identifiers.Kind.QUEUE, name);
            return new TaskOptions.Limit(rate, text, 0, name);
        }
        if (!(n instanceof Double d) || d != Math.rint(d) || d < 1 || d > Integer.MAX_VALUE) {
            throw FlowThrow.typeError("Task.run option '" + option + "." + number
                    + "' must be an integer of 1 or more, or the name of a declared limit.");
        }
        return new TaskOptions.Limit(rate, text, (int) (double) d, null);
    }

    /** An optional string option that the engine stores as a name or id: checked by {@link Identifiers}. */
    private static String identifier(FlowObject options, String key, String function, Identifiers.Kind kind) {
        String value = optionalString(options, key, function);
        if (value != null) {
            checkIdentifier(function + " option '" + key + "'", kind, value);
        }
        return value;
    }

    private static String optionalString(FlowObject options, String key, String function) {
        Object value = options.get(key);
        if (value != null && !(value instanceof String)) {
            throw FlowThrow.typeError(function + " option '" + key + "' must be a string, not " + Values.typeOf(value) + ".");
        }
        return (String) value;
    }

    private static Double optionalSeconds(FlowObject options, String key, String function) {
        Object value = options.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Double d) || !(d >= 0)) {
            throw FlowThrow.typeError(function + " option '" + key + "' must be a number of seconds of 0 or more.");
        }
        return d;
    }

    private static double seconds(FlowObject options, String key, double fallback) {
        Double value = optionalSeconds(options, key, "Task.run");
        return value == null ? fallback : value;
    }

    private static int integer(FlowObject options, String key, int fallback, int min) {
        Object value = options.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Double d) || d != Math.rint(d) || d < min || d > Integer.MAX_VALUE) {
            throw FlowThrow.typeError("Task.run option '" + key + "' must be an integer" + (min == 1 ? " of 1 or more" : "") + ".");
        }
        return (int) (double) d;
    }
}
