package dev.rondo.core.ast;

import java.util.List;

/**
 * Expressions. After the compiler's await lowering, no {@link Await} is left inside an expression: every
 * await has become a {@link Stmt.AwaitStmt}, so evaluating an expression never suspends.
 */
public sealed interface Expr extends Node {

    /** {@code null}, {@code true}/{@code false}, a number (always a {@link Double}) or a string. */
    record Literal(Span span, Object value) implements Expr {}

    /**
     * {@code `a${x}b${y}c`}: {@code strings} holds the cooked text pieces (one more than {@code exprs}).
     */
    record Template(Span span, List<String> strings, List<Expr> exprs) implements Expr {}

    /** A name: a local variable, or a built-in such as {@code Inputs}, {@code Math} or {@code print}. */
    record Identifier(Span span, String name) implements Expr {}

    /** {@code [a, ...b]}: elements may be {@link Spread}. */
    record ArrayLit(Span span, List<Expr> elements) implements Expr {}

    /** {@code {a, "b-c": 1, [k]: v, ...o}}. */
    record ObjectLit(Span span, List<Prop> props) implements Expr {}

    /** {@code ...e} inside an array literal or an argument list. */
    record Spread(Span span, Expr value) implements Expr {}

    /** Prefix {@code ! - + typeof}. */
    record Unary(Span span, UnaryOp op, Expr operand) implements Expr {}

    /** Arithmetic, comparison and equality operators: both sides are always evaluated, left first. */
    record Binary(Span span, BinaryOp op, Expr left, Expr right) implements Expr {}

    /** {@code && || ??}: the right side is evaluated only when needed. */
    record Logical(Span span, LogicalOp op, Expr left, Expr right) implements Expr {}

    /** {@code test ? then : otherwise}. */
    record Conditional(Span span, Expr test, Expr then, Expr otherwise) implements Expr {}

    /** {@code object.name} or, when {@code optional}, {@code object?.name}. */
    record Member(Span span, Expr object, String name, boolean optional) implements Expr {}

    /** {@code object[index]} or, when {@code optional}, {@code object?.[index]}. */
    record Index(Span span, Expr object, Expr index, boolean optional) implements Expr {}

    /**
     * {@code callee(args)}; {@code callee} is an {@link Identifier} (a function such as {@code print}) or a
     * {@link Member} (a method such as {@code a.push} or {@code Task.run}). {@code optional} is
     * {@code callee?.(args)}. Arguments may be {@link Spread}.
     */
    record Call(Span span, Expr callee, List<Expr> args, boolean optional) implements Expr {}

    /**
     * The outer end of a chain that contains {@code ?.}: when an optional link finds {@code null}, the rest
     * of the chain up to here is skipped and the whole chain is {@code null}.
     */
    record OptionalChain(Span span, Expr chain) implements Expr {}

    /**
     * A function: a top-level {@code [async] function name(params) { body }} (see {@link Stmt.FunctionDecl})
     * or an arrow {@code [async] (params) => body} ({@code name} is {@code null}; an expression body is a
     * block holding one {@code return}). The body is kept as parsed: awaits inside it belong to the function,
     * not to the code around it, and are lowered when the program is linked.
     */
    record Function(Span span, String name, boolean async, boolean arrow, List<Param> params, Stmt.Block body)
            implements Expr {}

    /** One parameter: a name or a destructuring pattern, its default (or {@code null}), and whether it is {@code ...rest}. */
    record Param(Span span, Pattern target, Expr defaultValue, boolean rest) {}

    /** {@code await operand}; only before lowering. */
    record Await(Span span, Expr operand) implements Expr {}

    /** A member of an object literal. */
    sealed interface Prop extends Node {}

    /** {@code key: value}, {@code "key": value} and the shorthand {@code key}. */
    record KeyProp(Span span, String key, Expr value) implements Prop {}

    /** {@code [key]: value}. */
    record ComputedProp(Span span, Expr key, Expr value) implements Prop {}

    /** {@code ...value}. */
    record SpreadProp(Span span, Expr value) implements Prop {}

    enum UnaryOp {
        NOT("!"), NEGATE("-"), PLUS("+"), TYPEOF("typeof");

        public final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }
    }

    enum BinaryOp {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), REMAINDER("%"), POWER("**"),
        EQUAL("=="), NOT_EQUAL("!="), STRICT_EQUAL("==="), STRICT_NOT_EQUAL("!=="),
        LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">=");

        public final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }
    }

    enum LogicalOp {
        AND("&&"), OR("||"), COALESCE("??");

        public final String symbol;

        LogicalOp(String symbol) {
            this.symbol = symbol;
        }
    }
}
