package dev.rondo.worker.internal;

import java.util.function.Consumer;

/**
 * For tests only: lets a test make a slice fail the way a real one may (an {@link OutOfMemoryError} or a
 * {@link StackOverflowError} from the interpreter) without exhausting the test's JVM, or stall a worker
 * between a slice's commit and its eager tasks. Unset in production,
 * where it costs one volatile read per slice.
 */
public final class SliceTestHook {

    private static volatile Consumer<String> afterInterpreter;
    private static volatile Consumer<String> afterCommit;

    private SliceTestHook() {}

    /** Calls {@code hook} with the workflow's name after the interpreter ran each slice; null removes it. */
    public static void set(Consumer<String> hook) {
        afterInterpreter = hook;
    }

    /**
     * Calls {@code hook} with the workflow's id after each slice committed, before its eager tasks start (a test
     * stalls a worker there, as if it died between the two); null removes it.
     */
    public static void setAfterCommit(Consumer<String> hook) {
        afterCommit = hook;
    }

    static void afterCommit(String executionId) {
        Consumer<String> hook = afterCommit;
        if (hook != null) {
            hook.accept(executionId);
        }
    }

    static void afterInterpreter(String workflow) {
        Consumer<String> hook = afterInterpreter;
        if (hook != null) {
            hook.accept(workflow);
        }
    }
}
