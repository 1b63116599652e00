package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Operators;

/**
 * A program's {@link NumericFunctions} compiled by {@link FunctionCompiler}: a hidden class extending this one,
 * with a static method per function taking the machine, the {@link #constants} and the arguments as
 * {@code double}s. The helpers here are what that code calls on its slow paths (an error, a call's way in and
 * out), so that it stays small; each does what {@link Calls#invoke} and the operator nodes do.
 */
abstract class CompiledFunctions {

    /** The positions and names the generated code refers to, by the index it holds. */
    protected final Object[] constants;

    protected CompiledFunctions(Object[] constants) {
        this.constants = constants;
    }

    /** Runs function {@code index} on {@code args} (one per parameter), the call depth already entered. */
    abstract double call(int index, Machine m, double[] args);

    /** The error a division by zero raises at {@code span}. */
    static FlowThrow divisionByZero(Object span) {
        return Operators.divisionByZero().at((Span) span);
    }

    /** The error a result too large to be a number raises at {@code span}. */
    static FlowThrow tooLarge(String operator, Object span) {
        return Operators.tooLarge(operator).at((Span) span);
    }

    /** A call's way in: the depth limit, as {@link Calls#enter}. */
    static void enter(Machine m, Object name, Object site) {
        Calls.enter(m, (String) name, (Span) site);
    }

    /** A call's way out on an error: what {@link Calls#invoke} makes of it. */
    static Throwable leaving(Throwable t, Machine m, Object name, Object site) {
        m.depth--;
        if (t instanceof FlowThrow error) {
            return error.at(m.budget.lastWhere()).leaving((String) name, (Span) site);
        }
        if (t instanceof StackOverflowError) {
            return Calls.stackFull((String) name, (Span) site);
        }
        return t;
    }
}
