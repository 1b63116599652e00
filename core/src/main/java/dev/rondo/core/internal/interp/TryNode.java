package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;
import dev.rondo.core.value.FlowThrow;

/**
 * {@code try/catch/finally}. Its position is its phase (in the body, the handler or the finalizer) and,
 * in the finalizer, the completion the finalizer must finish afterwards, so a {@code finally} that awaits
 * still returns, rethrows or breaks as it would have.
 */
final class TryNode extends XStmt {

    private static final int IN_BODY = 0;
    private static final int IN_HANDLER = 1;
    private static final int IN_FINALIZER = 2;

    private final XStmt body;
    private final PatternNodes.XPattern param;
    private final XStmt handler;
    private final XStmt finalizer;
    private final Scope handlerScope;

    TryNode(Span span, XStmt body, PatternNodes.XPattern param, XStmt handler, XStmt finalizer, Scope handlerScope) {
        super(span);
        this.body = body;
        this.param = param;
        this.handler = handler;
        this.finalizer = finalizer;
        this.handlerScope = handlerScope;
    }

    @Override
    int exec(Frame f) {
        return inBody(f, false);
    }

    @Override
    int resume(Frame f) {
        Pos pos = f.nextResumePos();
        return switch (pos.pc()) {
            case IN_BODY -> inBody(f, true);
            case IN_HANDLER -> {
                handlerScope.restore(f, pos);
                yield inHandler(f, null, true);
            }
            default -> inFinalizer(f, (PendingCompletion) pos.extra(), true);
        };
    }

    private int inBody(Frame f, boolean resuming) {
        int c;
        try {
            c = resuming ? body.resume(f) : body.exec(f);
        } catch (FlowThrow thrown) {
            if (thrown.isFatal()) {
                throw thrown; // the operations limit ends the execution: no catch, no finally (LANGUAGE.md §10)
            }
            if (handler != null) {
                return inHandler(f, thrown, false);
            }
            return inFinalizer(f, pending(thrown), false);
        }
        if (c == Completion.SUSPEND) {
            f.suspendAt(IN_BODY, null, null);
            return c;
        }
        return finalizer == null ? c : inFinalizer(f, pending(f, c), false);
    }

    private int inHandler(Frame f, FlowThrow thrown, boolean resuming) {
        int c;
        try {
            if (!resuming && param != null) {
                param.bind(f, thrown.value());
            }
            c = resuming ? handler.resume(f) : handler.exec(f);
        } catch (FlowThrow again) {
            if (finalizer == null || again.isFatal()) {
                throw again;
            }
            return inFinalizer(f, pending(again), false);
        }
        if (c == Completion.SUSPEND) {
            f.suspendAt(IN_HANDLER, null, handlerScope);
            return c;
        }
        return finalizer == null ? c : inFinalizer(f, pending(f, c), false);
    }

    private int inFinalizer(Frame f, PendingCompletion pending, boolean resuming) {
        int c = resuming ? finalizer.resume(f) : finalizer.exec(f);
        if (c == Completion.SUSPEND) {
            f.suspendAt(IN_FINALIZER, pending, null);
            return c;
        }
        if (c != Completion.NORMAL) {
            return c; // the compiler forbids return/break/continue out of finally; a throw propagates by itself
        }
        if (pending.isThrow()) {
            throw new FlowThrow(pending.value(), pending.span());
        }
        if (pending.code() == Completion.RETURN) {
            f.returnValue = pending.value();
        } else {
            f.label = pending.label();
        }
        return pending.code();
    }

    private static PendingCompletion pending(FlowThrow thrown) {
        return new PendingCompletion(0, true, thrown.value(), null, thrown.span());
    }

    private static PendingCompletion pending(Frame f, int code) {
        return new PendingCompletion(code, false, code == Completion.RETURN ? f.returnValue : null,
                code == Completion.BREAK || code == Completion.CONTINUE ? f.label : null, null);
    }
}
