package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;

/**
 * An executable expression, linked from an AST {@code Expr} with its names resolved to slots. Evaluating
 * never suspends (the compiler lowered every await into a statement).
 */
abstract class XExpr {

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
}
