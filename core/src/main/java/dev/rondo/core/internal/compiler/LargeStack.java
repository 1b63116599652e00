package dev.rondo.core.internal.compiler;

import java.util.function.Supplier;

/**
 * Runs deeply nested work on a thread of its own with a large stack. The generated parser and the AST
 * builder recurse once per level of nesting, several frames each; {@link NestingGuard} caps the levels,
 * and this makes the cap safe whatever stack the caller's thread has (worker pools often use small ones).
 * Shallow programs, nearly all of them, are compiled on the caller's thread.
 */
final class LargeStack {

    /** Up to this nesting, the caller's stack is enough (even a 256 KiB one). */
    static final int INLINE_DEPTH = 40;

    private static final long STACK_BYTES = 64L << 20;

    private LargeStack() {}

    static <T> T run(Supplier<T> work) {
        Object[] outcome = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = Thread.ofPlatform().name("flow-compiler").daemon(true).stackSize(STACK_BYTES).unstarted(() -> {
            try {
                outcome[0] = work.get();
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the work is bounded: finish it, and keep the interrupt for the caller
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T result = (T) outcome[0];
        return result;
    }
}
