package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;
import dev.rondo.core.value.Values;

/**
 * An executable expression, linked from an AST {@code Expr} with its names resolved to slots. Evaluating
 * never suspends (the compiler lowered every await into a statement).
 */
abstract class XExpr {

    /**
     * What {@link #peekNumber} returns when the value is a number, which it leaves in {@link Frame#number}
     * rather than boxing it. Never a Flow value.
     */
    static final Object NUMBER = new Object() {
        @Override
        public String toString() {
            return "<number>";
        }
    };

    final Span span;

    XExpr(Span span) {
        this.span = span;
    }

    /** The value, marked shared when it is a container read from a variable, since it may now be kept elsewhere. */
    abstract Object eval(Frame f);

    /**
     * The value for reading only (a property, a method receiver): containers are not marked shared, so a
     * loop that reads {@code a.length} and pushes to {@code a} never copies {@code a}.
     */
    Object peek(Frame f) {
        return eval(f);
    }

    /**
     * Like {@link #peek}, for operators on numbers: a number comes back as {@link #NUMBER}, its value in
     * {@link Frame#number}, so that {@code s += i % 7} allocates no box for {@code i}, {@code i % 7} or
     * the sum; any other value comes back as {@link #peek} gives it.
     */
    Object peekNumber(Frame f) {
        return f.number(peek(f));
    }

    /**
     * Whether the value is truthy, for a test (a loop's, an {@code if}'s): comparisons answer without
     * boxing a {@link Boolean}, and the test's call site needs no second dispatch on the value's type.
     */
    boolean isTrue(Frame f) {
        return Values.isTruthy(peek(f));
    }
}
