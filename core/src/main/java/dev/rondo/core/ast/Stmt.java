package dev.rondo.core.ast;

import java.util.List;

/**
 * Statements. Only statements can suspend: the interpreter's resume position is a path of statement
 * positions, so every statement kind that contains other statements says how it is resumed.
 */
public sealed interface Stmt extends Node {

    /** An expression evaluated for its effect, such as {@code print(x)} or {@code Task.run("a")}. */
    record ExprStmt(Span span, Expr expr) implements Stmt {}

    /** {@code let}/{@code const} with a pattern; {@code init} is {@code null} for {@code let x}. */
    record Let(Span span, boolean constant, Pattern target, Expr init) implements Stmt {}

    /**
     * {@code target op value}: {@code target} is an {@link Expr.Identifier}, {@link Expr.Member} or
     * {@link Expr.Index} chain rooted at a variable. {@code x++} is {@code x += 1}.
     */
    record Assign(Span span, Expr target, AssignOp op, Expr value) implements Stmt {}

    /** {@code { … }}: a scope. */
    record Block(Span span, List<Stmt> body) implements Stmt {}

    /** {@code if (test) then else otherwise}; {@code otherwise} may be {@code null}. */
    record If(Span span, Expr test, Stmt then, Stmt otherwise) implements Stmt {}

    /** {@code while (test) body}. */
    record While(Span span, Expr test, Stmt body) implements Stmt {}

    /** {@code do body while (test)}. */
    record DoWhile(Span span, Stmt body, Expr test) implements Stmt {}

    /**
     * {@code for (init; test; update) body}; each part may be {@code null}. Variables declared by
     * {@code init} are scoped to the loop; {@code continue} runs {@code update}.
     */
    record For(Span span, Stmt init, Expr test, Stmt update, Stmt body) implements Stmt {}

    /**
     * {@code for (const v of iterable)} (array elements or string code points) or, when {@code keys},
     * {@code for (const k in iterable)} (object keys in insertion order, array indices as numbers). The
     * iterable is evaluated once, before the first iteration.
     */
    record ForEach(Span span, boolean keys, boolean constant, Pattern target, Expr iterable, Stmt body)
            implements Stmt {}

    /** {@code label: statement}; a {@code break label} ends {@code body}, a {@code continue label} continues the loop. */
    record Labeled(Span span, String label, Stmt body) implements Stmt {}

    /** {@code break} or {@code break label} ({@code label} {@code null} when absent). */
    record Break(Span span, String label) implements Stmt {}

    /** {@code continue} or {@code continue label}. */
    record Continue(Span span, String label) implements Stmt {}

    /** {@code return value}; {@code value} is {@code null} for a bare {@code return}. */
    record Return(Span span, Expr value) implements Stmt {}

    /** {@code throw value}. */
    record Throw(Span span, Expr value) implements Stmt {}

    /**
     * {@code try body catch (param) handler finally finalizer}: {@code param} may be {@code null}
     * ({@code catch { }}), {@code handler} or {@code finalizer} may be {@code null} but not both.
     */
    record Try(Span span, Block body, Pattern param, Block handler, Block finalizer) implements Stmt {}

    /** {@code switch (discriminant) { cases }}: strict deep equality, fall-through. */
    record Switch(Span span, Expr discriminant, List<Case> cases) implements Stmt {}

    /** {@code case test:} or, when {@code test} is {@code null}, {@code default:}. */
    record Case(Span span, Expr test, List<Stmt> body) implements Node {}

    /**
     * Made by await lowering only: evaluate {@code operand} (which contains no await), then suspend until
     * the promise it gave is settled, then store its value in the already declared variable {@code target}
     * ({@code null}: discard it). Effects of the operand happen once: after a resume it is not evaluated
     * again. The span is that of the original {@code await}.
     */
    record AwaitStmt(Span span, String target, Expr operand) implements Stmt {}

    /**
     * A top-level {@code [async] function name(params) { … }}. It defines the name for the whole program
     * (as JavaScript hoists it); running the statement does nothing.
     */
    record FunctionDecl(Span span, Expr.Function function) implements Stmt {}

    enum AssignOp {
        ASSIGN("="), ADD("+="), SUBTRACT("-="), MULTIPLY("*="), DIVIDE("/="), REMAINDER("%="), POWER("**="),
        COALESCE("??="), OR("||="), AND("&&=");

        public final String symbol;

        AssignOp(String symbol) {
            this.symbol = symbol;
        }
    }
}
