package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.PromiseRef;
import dev.rondo.core.value.Values;

/**
 * The only place a program suspends: evaluate the operand once, then wait until the promise it gave is
 * settled. The awaited promise is the position's extra value, so a resume never evaluates the operand
 * again (its effects, such as starting a task, happened in the stretch before).
 */
final class AwaitNode extends XStmt {

    private final int targetSlot; // -1: the value is not kept
    private final XExpr operand;

    AwaitNode(Span span, int targetSlot, XExpr operand) {
        super(span);
        this.targetSlot = targetSlot;
        this.operand = operand;
    }

    @Override
    int exec(Frame f) {
        return await(f, operand.eval(f));
    }

    @Override
    int resume(Frame f) {
        return await(f, f.nextResumePos().extra());
    }

    private int await(Frame f, Object awaited) {
        Machine m = f.m;
        // CancelledError goes to the workflow body's await only, once; async calls go on (their promises may be
        // awaited), and so do the body's later awaits (compensations in catch/finally).
        if (f == m.mainFrame && m.takeCancellation()) {
            throw new FlowThrow(Errors.cancelledError(), span);
        }
        PromiseTable.Settled settled;
        if (awaited instanceof PromiseRef) {
            m.deliverSignals(awaited);
            settled = m.promises.settled(awaited);
            if (settled == null) {
                m.waitingAt = span;
                m.waitingOn = awaited;
                f.suspendPath().add(new Pos(0, awaited, null));
                return Completion.SUSPEND;
            }
        } else {
            settled = new PromiseTable.Settled(true, awaited, -1);
        }
        m.waitingAt = null;
        m.waitingOn = null;
        Object value = Values.markShared(settled.value());
        if (!settled.fulfilled()) {
            FlowThrow rejection = new FlowThrow(value, span);
            if (awaited instanceof PromiseRef ref && m.promises.get(ref.id()) instanceof PromiseEntry entry
                    && entry.trace != null) {
                rejection.inherit(entry.trace);
            }
            throw rejection;
        }
        if (targetSlot >= 0) {
            f.slots[targetSlot] = value;
        }
        return Completion.NORMAL;
    }
}
