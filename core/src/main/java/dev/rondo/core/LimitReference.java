package dev.rondo.core;

/**
 * A named limit a flow refers to by a literal name in a {@code Task.run} option ({@code {rateLimit: "stripe"}},
 * {@code {concurrency: {key: k, limit: "perAccount"}}}; docs/scheduling.md, "Named limits"), with its
 * position: a deploy with a {@code limits.json} checks that each is declared, of the kind asked for
 * ({@code rate}: a rate limit; otherwise a concurrency limit).
 */
public record LimitReference(String name, boolean rate, int line, int column) {}
