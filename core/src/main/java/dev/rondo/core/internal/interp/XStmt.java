package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;

/**
 * An executable statement. {@link #exec} runs it from the start and returns a {@link Completion} code;
 * when it returns {@code SUSPEND}, the statement has pushed its position (a {@link Pos}) onto
 * {@link Frame#suspendPath()} if it needs one to go on. {@link #resume} continues a suspended statement from
 * the position it pushed, taking that {@link Pos} from {@link Frame#nextResumePos}.
 */
abstract class XStmt {

    final Span span;

    XStmt(Span span) {
        this.span = span;
    }

    abstract int exec(Frame f);

    int resume(Frame f) {
        throw new IllegalStateException("a " + getClass().getSimpleName() + " cannot hold a suspension");
    }
}
