package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;
import dev.rondo.core.value.Budget;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Operators;

/**
 * A {@link NumericRegion} compiled to JVM bytecode by {@link RegionCompiler}: a hidden class extending this
 * one, whose {@link #run} does what the loop node would do, with the region's locals in JVM {@code double}
 * locals. The helpers here are what the generated code calls on its way out (and on its few slow paths), so
 * that it stays small.
 */
abstract class CompiledRegion {

    /** What {@link #run} answers when a local it needs does not hold a number: the tree-walker runs the loop. */
    static final int NOT_RUN = -1;

    /** Where each counted operation (a statement, a pass) is, by the index the generated code keeps. */
    private final Span[] ticks;
    /** Where each error the code may raise is, and its operator ({@code null}: a division by zero). */
    private final Span[] errorSpans;
    private final String[] errorOperators;

    protected CompiledRegion(Span[] ticks, Span[] errorSpans, String[] errorOperators) {
        this.ticks = ticks;
        this.errorSpans = errorSpans;
        this.errorOperators = errorOperators;
    }

    /**
     * Runs the loop to its end, from its initialiser, or ({@code fromPass}) from the start of a pass whose
     * count and test the tree-walker has done (a {@code for}'s, a {@code do}'s) or is about to do (a
     * {@code while}'s), as {@link NumericTier#handOver} asks. Gives the completion the loop node would give
     * ({@link Completion#NORMAL} or {@link Completion#RETURN}), or {@link #NOT_RUN} having done nothing.
     * Raises what the loop node would raise, after writing its locals back to the frame.
     */
    abstract int run(Frame f, boolean fromPass);

    /** The number a slot holds, or NaN when it holds anything else (Flow numbers are never NaN nor infinite). */
    static double number(Object slotValue) {
        Class<?> type = slotValue == null ? null : slotValue.getClass();
        double value;
        if (type == NumberCell.class) {
            value = ((NumberCell) slotValue).value;
        } else if (type == Double.class) {
            value = (Double) slotValue;
        } else {
            return Double.NaN;
        }
        return Double.isFinite(value) ? value : Double.NaN;
    }

    /**
     * Writes a local back to a slot that {@code +=} or {@code ++} updates, as the tree-walker holds it there:
     * in a {@link NumberCell} (see {@link StmtNodes#forSlot}). Always a new cell (a cell never leaves its slot,
     * so no one can tell), so that the code has no branch on what the slot held: a branch that the JIT has not
     * seen taken (a fresh frame's empty slot) would deoptimize the compiled loop on its way out.
     */
    static void storeCell(Object[] slots, int slot, double value) {
        slots[slot] = new NumberCell(value);
    }

    /** Writes a local back to any other slot: a {@link Double}, as the tree-walker holds it there. */
    static void storeNumber(Object[] slots, int slot, double value) {
        slots[slot] = value;
    }

    /** {@code a % b} for {@code b != 0}, as {@link OperatorNodes.Remainder} computes it (whole numbers without fprem). */
    static double remainder(double a, double b) {
        int ai = (int) a;
        int bi = (int) b;
        if (ai == a && bi == b) {
            int remainder = ai % bi;
            return remainder != 0 || Double.doubleToRawLongBits(a) >= 0 ? remainder : -0.0;
        }
        return a % b;
    }

    /** Gives the budget the count the code kept, and the position it counted last ({@code site} -1: none). */
    final void leave(Frame f, long operations, int site) {
        f.budget.countedTo(operations, site < 0 ? null : ticks[site]);
    }

    /** The error raised at error site {@code index}, as the tree-walker raises it there. */
    final FlowThrow error(int index) {
        String operator = errorOperators[index];
        FlowThrow error = operator == null ? Operators.divisionByZero() : Operators.tooLarge(operator);
        return error.at(errorSpans[index]);
    }

    /**
     * Raises the operations-budget error of the count at tick {@code site} that went over the limit (the
     * budget holds that count already): through {@link Budget#tick}, so it is the tree-walker's error.
     */
    final RuntimeException outOfOperations(Frame f, int site) {
        Budget budget = f.budget;
        budget.countedTo(budget.operations() - 1, null);
        budget.tick(ticks[site]);
        return new IllegalStateException("the operations budget did not run out at a count over it");
    }
}
