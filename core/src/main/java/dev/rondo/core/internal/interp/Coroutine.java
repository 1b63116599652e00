package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;
import java.util.List;

/**
 * One running call of an async function (LANGUAGE.md §8): its frame, and while it waits, the path to
 * where it stands (positions and locals of every open scope of its body, outermost first) and the value it
 * awaits. Its promise ({@code promise}, of kind CALL) settles when the body returns or throws. A checkpoint
 * holds each as {@code {"promise", "function", "path"}}.
 */
final class Coroutine {

    final int promise;
    final FunctionCode code;
    final Frame frame;
    /** The arguments, bound when the call first runs. */
    Object[] args;
    dev.rondo.core.value.FlowFunction function;
    List<Pos> path;
    /** Whether the next resume writes the locals back from {@link #path} (after a restore from a checkpoint). */
    boolean restoring;
    Object waitingOn;
    Span waitingAt;

    Coroutine(int promise, FunctionCode code, Frame frame) {
        this.promise = promise;
        this.code = code;
        this.frame = frame;
    }
}
