package dev.rondo.worker.internal;

import java.util.function.Consumer;

/**
 * For tests only: lets a test make a slice fail the way a real one may (an {@link OutOfMemoryError} or a
 * {@link StackOverflowError} from the interpreter) without exhausting the test's JVM. Unset in production,
 * where it costs one volatile read per slice.
 */
public final class SliceTestHook {

    private static volatile Consumer<String> afterInterpreter;

    private SliceTestHook() {}

    /** Calls {@code hook} with the workflow's name after the interpreter ran each slice; null removes it. */
    public static void set(Consumer<String> hook) {
        afterInterpreter = hook;
    }

    static void afterInterpreter(String workflow) {
        Consumer<String> hook = afterInterpreter;
        if (hook != null) {
            hook.accept(workflow);
        }
    }
}
