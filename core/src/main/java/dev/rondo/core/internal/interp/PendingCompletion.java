package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;

/**
 * What a {@code finally} block must finish after it runs: the completion code of the {@code try} or
 * {@code catch} it interrupted, with the returned or thrown value, the label of a break/continue, and
 * where a throw came from. Part of a checkpoint when the {@code finally} block awaits.
 */
public record PendingCompletion(int code, boolean isThrow, Object value, String label, Span span) {}
