package dev.rondo.core.internal.compiler;

import dev.rondo.core.Suggestions;
import dev.rondo.core.TaskOptions;
import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Span;
import dev.rondo.core.internal.builtins.DurableOptions;
import dev.rondo.core.internal.builtins.DurableOptions.Kind;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The options object of {@code Task.run}, {@code Workflow.run} and {@code Signal.next} when it is written
 * out in the call: a misspelled name ({@code maxAtempts}) or a literal of the wrong kind
 * ({@code timeout: "30"}) is a compile error at its position, rather than a failure once the workflow
 * reaches the call. Computed and spread properties and non-literal values are left to the run time.
 */
final class OptionCheck {

    /** Told of each named limit an option names by a literal (docs/scheduling.md, "Named limits"). */
    interface LimitNamed {
        void named(Span span, String name, boolean rate);
    }

    private final BiConsumer<Span, String> report;
    private final LimitNamed limitNamed;

    OptionCheck(BiConsumer<Span, String> report, LimitNamed limitNamed) {
        this.report = report;
        this.limitNamed = limitNamed;
    }

    void call(String function, Expr.Call call) {
        Integer position = DurableOptions.OPTIONS_ARGUMENT.get(function);
        if (position != null && call.args().size() > position && call.args().get(position) instanceof Expr.ObjectLit options) {
            object(function, "", DurableOptions.of(function), options);
            bothLimits(function, options);
        }
    }

    /** A task waits for one thing at a time: a concurrency slot or its rate limit, not both (not built). */
    private void bothLimits(String function, Expr.ObjectLit options) {
        Expr.KeyProp rate = null;
        boolean concurrency = false;
        for (Expr.Prop prop : options.props()) {
            if (prop instanceof Expr.KeyProp named && named.key().equals("rateLimit")) {
                rate = named;
            } else if (prop instanceof Expr.KeyProp named && named.key().equals("concurrency")) {
                concurrency = true;
            }
        }
        if (rate != null && concurrency) {
            report.accept(rate.span(), function + " takes 'concurrency' or 'rateLimit', not both in one call.");
        }
    }

    /** {@code prefix} is empty for the options themselves, {@code "backoff."} inside Task.run's backoff. */
    private void object(String function, String prefix, Map<String, Kind> known, Expr.ObjectLit options) {
        String owner = prefix.isEmpty() ? function : function + " option '" + prefix.substring(0, prefix.length() - 1) + "'";
        for (Expr.Prop prop : options.props()) {
            if (!(prop instanceof Expr.KeyProp named)) {
                continue;
            }
            Kind kind = known.get(named.key());
            if (kind == null) {
                String closest = Suggestions.closest(named.key(), known.keySet());
                report.accept(named.span(), owner + " has no option '" + named.key() + "'"
                        + (closest != null ? "; did you mean '" + closest + "'?"
                                : "; it knows " + String.join(", ", known.keySet().stream().sorted().toList()) + "."));
            } else {
                value(function, prefix + named.key(), kind, named.value());
            }
        }
    }

    private void value(String function, String path, Kind kind, Expr value) {
        if (kind == Kind.BACKOFF && value instanceof Expr.ObjectLit backoff) {
            object(function, path + ".", DurableOptions.BACKOFF, backoff);
            return;
        }
        if (kind == Kind.FAIRNESS && value instanceof Expr.ObjectLit fairness) {
            fairness(function, path, fairness);
            return;
        }
        if ((kind == Kind.CONCURRENCY || kind == Kind.RATE_LIMIT) && value instanceof Expr.ObjectLit limit) {
            Map<String, Kind> known = kind == Kind.CONCURRENCY ? DurableOptions.CONCURRENCY : DurableOptions.RATE_LIMIT;
            String example = kind == Kind.CONCURRENCY ? "{key: \"acct-42\", limit: 1}" : "{key: \"stripe\", perSecond: 20}";
            object(function, path + ".", known, limit);
            boolean misspelled = limit.props().stream()
                    .anyMatch(p -> p instanceof Expr.KeyProp named && !known.containsKey(named.key()));
            for (String required : misspelled ? List.<String>of() : known.keySet().stream().sorted().toList()) {
                boolean given = limit.props().stream().anyMatch(p -> !(p instanceof Expr.KeyProp named) || named.key().equals(required));
                if (!given) {
                    report.accept(value.span(), function + " option '" + path + "' needs '" + required
                            + "', as in " + example + ".");
                }
            }
            return;
        }
        String what = function + " option '" + path + "'";
        String literal = literalType(value);
        if (literal == null) {
            return; // known only at run time
        }
        Object v = value instanceof Expr.Literal l ? l.value() : null;
        boolean string = v instanceof String || value instanceof Expr.Template; // a template is a string
        if (v instanceof String name && (kind == Kind.CONCURRENCY || kind == Kind.RATE_LIMIT || kind == Kind.LIMIT_NUMBER)) {
            limitNamed.named(value.span(), name, path.startsWith("rateLimit"));
        }
        String problem = switch (kind) {
            case SECONDS -> v instanceof Double d ? (d >= 0 ? null : "must be a number of seconds of 0 or more")
                    : "must be a number of seconds, not " + literal;
            case INTEGER -> v instanceof Double d ? (d == Math.rint(d) ? null : "must be an integer")
                    : "must be an integer, not " + literal;
            case POSITIVE_INTEGER -> v instanceof Double d ? (d == Math.rint(d) && d >= 1 ? null : "must be an integer of 1 or more")
                    : "must be an integer of 1 or more, not " + literal;
            case LIMIT_NUMBER -> string ? null : v instanceof Double d ? (d == Math.rint(d) && d >= 1 ? null
                    : "must be an integer of 1 or more (or the name of a declared limit)")
                    : "must be an integer of 1 or more or the name of a declared limit, not " + literal;
            case STRING -> string ? null : "must be a string, not " + literal;
            case STRING_OR_NUMBER -> string || v instanceof Double ? null : "must be a string or a number, not " + literal;
            case BACKOFF -> "must be an object such as {initial: 1, factor: 2, max: 60}, not " + literal;
            // a string is the name of a declared limit (docs/scheduling.md, "Named limits")
            case CONCURRENCY -> string ? null : "must be a declared limit's name or an object such as {key: \"acct-42\", limit: 1}, not " + literal;
            case RATE_LIMIT -> string ? null : "must be a declared limit's name or an object such as {key: \"stripe\", perSecond: 20}, not " + literal;
            case FAIRNESS -> "must be an object such as {key: \"acme\", weight: 2}, not " + literal;
        };
        if (problem != null) {
            report.accept(value.span(), what + " " + problem + ".");
        }
    }

    /**
     * Task.run's {@code fairness: {key, weight}}: names and kinds as any options object, the key required, and
     * the literals' ranges: a key of 1 to {@value TaskOptions#MAX_FAIR_KEY} characters, a weight of 1 to
     * {@value TaskOptions#MAX_FAIR_WEIGHT}.
     */
    private void fairness(String function, String path, Expr.ObjectLit fairness) {
        object(function, path + ".", DurableOptions.FAIRNESS, fairness);
        boolean keyGiven = false;
        for (Expr.Prop prop : fairness.props()) {
            if (!(prop instanceof Expr.KeyProp named)) {
                keyGiven = true; // a spread may bring it: left to the run time
                continue;
            }
            Object v = named.value() instanceof Expr.Literal l ? l.value() : null;
            if (named.key().equals("key")) {
                keyGiven = true;
                if (v instanceof String text && (text.isEmpty() || text.length() > TaskOptions.MAX_FAIR_KEY)) {
                    report.accept(named.value().span(), function + " option '" + path + ".key' must be 1 to "
                            + TaskOptions.MAX_FAIR_KEY + " characters long, not " + text.length() + ".");
                }
            } else if (named.key().equals("weight") && v instanceof Double d && d == Math.rint(d) && d > TaskOptions.MAX_FAIR_WEIGHT) {
                report.accept(named.value().span(), function + " option '" + path + ".weight' must be an integer from 1 to "
                        + TaskOptions.MAX_FAIR_WEIGHT + ".");
            }
        }
        if (!keyGiven) {
            report.accept(fairness.span(), function + " option '" + path + "' needs 'key', as in {key: \"acme\", weight: 2}.");
        }
    }

    /** The type of a literal value as the language names it; null when the expression is not a literal (or is null). */
    private static String literalType(Expr value) {
        return switch (value) {
            case Expr.Literal l when l.value() instanceof Double -> "a number";
            case Expr.Literal l when l.value() instanceof String -> "a string";
            case Expr.Literal l when l.value() instanceof Boolean -> "a boolean";
            case Expr.Template t -> "a string";
            case Expr.ArrayLit a -> "an array";
            case Expr.ObjectLit o -> "an object";
            default -> null;
        };
    }
}
