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

    /**
     * Fire promise {@code promise} at {@code fireAtMillis} (epoch milliseconds), or never when it is
     * {@link #NEVER}.
     */
    record StartTimer(int promise, long fireAtMillis) implements Effect {

        /** A timer set beyond {@link #LATEST} never fires (the engine stores it as PostgreSQL's 'infinity'). */
        public static final long NEVER = Long.MAX_VALUE;

        /**
         * The latest time a timer can fire at: JavaScript's last Date (year 275760), well inside what a
         * PostgreSQL timestamp holds (year 294276).
         */
        public static final long LATEST = 8_640_000_000_000_000L;

        /** {@code millis} as a fire time: {@link #NEVER} beyond {@link #LATEST}, the epoch before it. */
        public static long fireTime(double millis) {
            if (millis > LATEST) {
                return NEVER;
            }
            return Math.max(0, Math.round(millis));
        }

        public boolean never() {
            return fireAtMillis == NEVER;
        }
    }

    /** Signal {@code name} number {@code seq} was used by this stretch: mark it consumed. */
    record ConsumeSignal(String name, long seq) implements Effect {}

    /**
     * {@code Context.setAttributes(...)}: merges these attributes (checked by {@link Attributes}) into the
     * execution's, in the stretch's commit.
     */
    record SetAttributes(java.util.Map<String, String> attributes) implements Effect {}
}
