package dev.rondo.core.internal.codec;

import dev.rondo.core.internal.DeepStack;
import java.util.function.IntFunction;

/**
 * Runs the recursive AST writer or reader on the caller's stack while the tree is shallow, which it nearly
 * always is, and on a thread with a big stack when it is not. A default 1 MB stack holds only about 600
 * levels of some node shapes (a {@code switch} in a {@code switch}, an object literal in an object literal),
 * fewer than the 1,000 the codec promises, and the caller may have used part of its stack already.
 */
final class DeepTrees {

    /**
     * Node nesting walked on the caller's stack, at most about 200 KB of it. Deeper trees (long else-if
     * chains, long {@code a + b + c + …} sums) are walked again from the start on a deep stack.
     */
    static final int CALLER_STACK_LEVELS = 128;

    /** Signals that a walk on the caller's stack went past its level limit: cheap, no stack trace. */
    static final class TooDeep extends RuntimeException {
        private TooDeep() {
            super("the tree is deeper than the caller's stack is trusted with", null, false, false);
        }
    }

    static final TooDeep TOO_DEEP = new TooDeep();

    private DeepTrees() {}

    /** Runs {@code walk} with a level limit; if it throws {@link #TOO_DEEP}, runs it again, unlimited, on a deep stack. */
    static <T> T walk(IntFunction<T> walk) {
        try {
            return walk.apply(CALLER_STACK_LEVELS);
        } catch (TooDeep e) {
            return onDeepStack(walk);
        }
    }

    private static <T> T onDeepStack(IntFunction<T> walk) {
        return DeepStack.run("rondo-ast-codec", () -> walk.apply(Integer.MAX_VALUE));
    }
}
