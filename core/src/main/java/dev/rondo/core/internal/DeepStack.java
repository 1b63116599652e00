package dev.rondo.core.internal;

import java.util.function.Supplier;

/**
 * Runs deeply recursive work (parsing, building or encoding a deeply nested program) on a short-lived
 * thread with a large stack, so the depth limits the compiler promises hold whatever stack the caller's
 * thread has (worker pools and virtual threads often have small ones). Callers use it only when the input
 * is actually deep; shallow work stays on the caller's thread.
 */
public final class DeepStack {

    /** Enough for the compiler's 500 nesting levels and the codec's 1,000 with a wide margin; only the part used is committed. */
    private static final long STACK_BYTES = 64L << 20;

    private DeepStack() {}

    /** The result of {@code work}, run on a large stack; its exceptions and errors reach the caller unchanged. */
    public static <T> T run(String name, Supplier<T> work) {
        Outcome<T> outcome = new Outcome<>();
        Thread thread = Thread.ofPlatform().name(name).daemon(true).stackSize(STACK_BYTES).unstarted(() -> {
            try {
                outcome.value = work.get();
            } catch (Throwable failure) {
                outcome.failure = failure;
            }
        });
        thread.start();
        joinUninterruptibly(thread);
        if (outcome.failure instanceof RuntimeException e) {
            throw e;
        }
        if (outcome.failure instanceof Error e) {
            throw e;
        }
        return outcome.value;
    }

    /** The work is bounded, so an interrupt waits for it and is then passed on to the caller. */
    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the thread produced; {@link Thread#join} makes its writes visible to the caller. */
    private static final class Outcome<T> {
        T value;
        Throwable failure;
    }
}
