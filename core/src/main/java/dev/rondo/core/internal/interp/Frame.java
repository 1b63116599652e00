package dev.rondo.core.internal.interp;

import dev.rondo.core.value.Budget;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one running body: its local slots, how the last statement completed, and the path of
 * positions used to suspend and resume. The workflow body has one, and so has each function call
 * (an async call's frame lives in its {@link Coroutine} while it waits).
 */
final class Frame {

    final Machine m;
    /** The machine's budget, held here so that counting a statement is one load shorter. */
    final Budget budget;
    final Object[] slots;

    /** The number an expression gave through {@link XExpr#peekNumber}. */
    double number;

    /** The value of a {@code return}. */
    Object returnValue;
    /** The label of a {@code break}/{@code continue}, or {@code null}. */
    String label;

    /**
     * Filled while unwinding after a suspension, innermost statement first; made when first needed, since
     * most frames (a helper call's) never suspend.
     */
    private List<Pos> suspendPath;
    /** The path to resume along, outermost first, and how far it has been followed. */
    private List<Pos> resumePath = List.of();
    private int resumeIndex;
    /** Whether the locals must be written back from the path (a restore from a checkpoint). */
    boolean restoring;

    Frame(Machine m, int slotCount, AccessNodes.InputMember[] inputReads) {
        this.m = m;
        this.budget = m.budget;
        this.slots = new Object[slotCount];
        for (AccessNodes.InputMember read : inputReads) {
            read.fill(this);
        }
    }

    void startResume(List<Pos> outermostFirst, boolean restoreLocals) {
        this.resumePath = outermostFirst;
        this.resumeIndex = 0;
        this.restoring = restoreLocals;
        suspendPath().clear();
    }

    Pos nextResumePos() {
        if (resumeIndex >= resumePath.size()) {
            throw new IllegalStateException("the checkpoint's path ends before a suspended await");
        }
        return resumePath.get(resumeIndex++);
    }

    void suspendAt(int pc, Object extra, Scope scope) {
        suspendPath().add(new Pos(pc, extra, scope == null ? null : scope.capture(this)));
    }

    List<Pos> suspendPath() {
        if (suspendPath == null) {
            suspendPath = new ArrayList<>();
        }
        return suspendPath;
    }

    /** {@code value} for {@link XExpr#peekNumber}: a number goes to {@link #number}. */
    Object number(Object value) {
        // getClass() rather than instanceof: see ValueNodes.Local.peekNumber
        if (value != null && value.getClass() == Double.class) {
            number = (Double) value;
            return XExpr.NUMBER;
        }
        return value;
    }

    /** Counts one operation against the stretch's limit. */
    void tick(dev.rondo.core.ast.Span where) {
        budget.tick(where);
    }
}
