package dev.rondo.core.ast;

/** Every AST node knows where it came from, so every diagnostic and runtime error can point at it. */
public sealed interface Node permits Expr, Stmt, Pattern, Expr.Prop, Stmt.Case {
    Span span();
}
