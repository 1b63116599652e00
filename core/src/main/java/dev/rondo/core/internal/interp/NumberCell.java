package dev.rondo.core.internal.interp;

/**
 * A number held by a local variable that {@code +=}, {@code ++} and the like update, in place of a
 * {@link Double}, so that a counter or a sum changes in place instead of boxing a new {@code Double} at
 * every step.
 *
 * <p>Like {@link StringBuilding}, it never leaves its slot: every read of a slot goes through
 * {@link StringBuilding#read} or {@link StringBuilding#uncharged}, which give a plain {@link Double}, and the
 * operators on numbers read it through {@link XExpr#peekNumber} without a box. So changing it in place
 * cannot change any other value, and checkpoints, arguments, captures and results only see plain numbers.
 */
final class NumberCell {

    double value;

    NumberCell(double value) {
        this.value = value;
    }
}
