package dev.rondo.core;

import dev.rondo.core.ast.Span;

/**
 * What a stretch of workflow code asked the outside world to do. The engine commits all effects of a
 * stretch in one transaction with the checkpoint that follows them, so each happens exactly once.
 */
public sealed interface Effect {

    /** A {@code print}/{@code console.log} line for the execution's log. */
    record Log(String line) implements Effect {}

    /**
     * Start task {@code name} whose outcome settles promise {@code promise}. {@code input} is the Flow
     * value and {@code inputJson} its JSON text.
     */
    record StartTask(int promise, String name, Object input, String inputJson, TaskOptions options, Span span)
            implements Effect {}

    /** Start child workflow {@code name}; {@code id} is the requested execution id or {@code null}. */
    record StartWorkflow(int promise, String name, Object input, String inputJson, String queue, String id, Span span)
            implements Effect {}

    /** Fire promise {@code promise} at {@code fireAtMillis} (epoch milliseconds). */
    record StartTimer(int promise, long fireAtMillis) implements Effect {}

    /** Signal {@code name} number {@code seq} was used by this stretch: mark it consumed. */
    record ConsumeSignal(String name, long seq) implements Effect {}
}
