package dev.rondo.core.internal.compiler;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers one expression: {@link #lower} gives an await-free expression and appends to {@code out} the
 * statements that must run just before it is evaluated. Evaluation stays left to right: when a later operand
 * awaits, every earlier operand is evaluated first into a temporary, unless it is a literal or a variable
 * (locals change only between statements). Short-circuits ({@code && || ??}, {@code ?:}) become {@code if}s
 * so an await in the skipped part never runs.
 */
final class ExprLowering {

    private final Temps temps;
    private final AwaitSearch awaits;
    private final ChainLowering chains;

    ExprLowering(Temps temps, AwaitSearch awaits) {
        this.temps = temps;
        this.awaits = awaits;
        this.chains = new ChainLowering(this, temps, awaits);
    }

    ChainLowering chains() {
        return chains;
    }

    Expr lower(Expr expr, List<Stmt> out) {
        if (!awaits.in(expr)) {
            return expr;
        }
        return switch (expr) {
            case Expr.Await e -> await(e, out);
            case Expr.Unary e -> new Expr.Unary(e.span(), e.op(), lower(e.operand(), out));
            case Expr.Binary e -> {
                List<Expr> sides = operands(List.of(e.left(), e.right()), out);
                yield new Expr.Binary(e.span(), e.op(), sides.get(0), sides.get(1));
            }
            case Expr.Template e -> new Expr.Template(e.span(), e.strings(), operands(e.exprs(), out));
            case Expr.ArrayLit e -> new Expr.ArrayLit(e.span(), operands(e.elements(), out));
            case Expr.ObjectLit e -> object(e, out);
            case Expr.Spread e -> new Expr.Spread(e.span(), lower(e.value(), out));
            case Expr.Logical e -> logical(e, out);
            case Expr.Conditional e -> conditional(e, out);
            case Expr.Member e -> chains.value(e, out, null);
            case Expr.Index e -> chains.value(e, out, null);
            case Expr.Call e -> chains.value(e, out, null);
            case Expr.OptionalChain e -> chains.value(e.chain(), out, e);
            case Expr.Literal e -> e;
            case Expr.Function e -> e;
            case Expr.Identifier e -> e;
        };
    }

    /** {@code await x}: its own statement storing into a new temporary, which then stands for its value. */
    private Expr await(Expr.Await await, List<Stmt> out) {
        Expr operand = lower(await.operand(), out);
        String name = temps.fresh();
        out.add(Temps.declare(await.span(), name, null));
        out.add(new Stmt.AwaitStmt(await.span(), name, operand));
        return new Expr.Identifier(await.span(), name);
    }

    /**
     * Operands evaluated left to right: everything before the last one that awaits is evaluated into a
     * temporary first (a spread keeps its {@code ...} and spills what it spreads).
     */
    List<Expr> operands(List<Expr> items, List<Stmt> out) {
        int last = -1;
        for (int i = 0; i < items.size(); i++) {
            if (awaits.in(items.get(i))) {
                last = i;
            }
        }
        if (last < 0) {
            return items;
        }
        List<Expr> lowered = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Expr item = items.get(i);
            if (i > last) {
                lowered.add(item);
                continue;
            }
            Expr value = lower(item, out);
            lowered.add(i < last ? settle(value, out) : value);
        }
        return lowered;
    }

    /** Makes {@code value} safe to read after later statements: a temporary unless it is already stable. */
    Expr settle(Expr value, List<Stmt> out) {
        if (value instanceof Expr.Spread spread) {
            return new Expr.Spread(spread.span(), settle(spread.value(), out));
        }
        return Temps.stable(value) ? value : temps.spill(value, out);
    }

    /** A call of a built-in function ({@code print(…)}): only its arguments are evaluated. */
    Expr functionCall(Expr.Call call, List<Stmt> out) {
        if (call.callee() instanceof Expr.Identifier) {
            return new Expr.Call(call.span(), call.callee(), operands(call.args(), out), call.optional());
        }
        List<Expr> parts = new ArrayList<>();
        parts.add(call.callee());
        parts.addAll(call.args());
        List<Expr> lowered = operands(parts, out);
        return new Expr.Call(call.span(), lowered.getFirst(), lowered.subList(1, lowered.size()), call.optional());
    }

    private Expr object(Expr.ObjectLit object, List<Stmt> out) {
        List<Expr> parts = new ArrayList<>();
        for (Expr.Prop prop : object.props()) {
            switch (prop) {
                case Expr.KeyProp p -> parts.add(p.value());
                case Expr.ComputedProp p -> {
                    parts.add(p.key());
                    parts.add(p.value());
                }
                case Expr.SpreadProp p -> parts.add(p.value());
            }
        }
        List<Expr> lowered = operands(parts, out);
        List<Expr.Prop> props = new ArrayList<>(object.props().size());
        int next = 0;
        for (Expr.Prop prop : object.props()) {
            props.add(switch (prop) {
                case Expr.KeyProp p -> new Expr.KeyProp(p.span(), p.key(), lowered.get(next++));
                case Expr.ComputedProp p -> new Expr.ComputedProp(p.span(), lowered.get(next++), lowered.get(next++));
                case Expr.SpreadProp p -> new Expr.SpreadProp(p.span(), lowered.get(next++));
            });
        }
        return new Expr.ObjectLit(object.span(), props);
    }

    /** {@code a && await b}: {@code let %1 = a; if (%1) { …; %1 = b' }}, then {@code %1} is the value. */
    private Expr logical(Expr.Logical logical, List<Stmt> out) {
        if (!awaits.in(logical.right())) {
            return new Expr.Logical(logical.span(), logical.op(), lower(logical.left(), out), logical.right());
        }
        Expr left = lower(logical.left(), out);
        // An awaited temporary is this expression's own, so it can hold the result too.
        Expr.Identifier result = Temps.isTemp(left) ? (Expr.Identifier) left : temps.spill(left, out);
        List<Stmt> right = new ArrayList<>();
        right.add(Temps.assign(logical.span(), result.name(), lower(logical.right(), right)));
        Expr needsRight = switch (logical.op()) {
            case AND -> result;
            case OR -> Temps.not(result);
            case COALESCE -> Temps.isNull(result);
        };
        out.add(new Stmt.If(logical.span(), needsRight, new Stmt.Block(logical.span(), right), null));
        return result;
    }

    /** {@code c ? await x : y}: {@code let %1; if (c) { …; %1 = x' } else { %1 = y }}. */
    private Expr conditional(Expr.Conditional conditional, List<Stmt> out) {
        if (!awaits.in(conditional.then()) && !awaits.in(conditional.otherwise())) {
            return new Expr.Conditional(conditional.span(), lower(conditional.test(), out),
                    conditional.then(), conditional.otherwise());
        }
        Expr test = lower(conditional.test(), out);
        String result = temps.fresh();
        out.add(Temps.declare(conditional.span(), result, null));
        List<Stmt> then = new ArrayList<>();
        then.add(Temps.assign(conditional.span(), result, lower(conditional.then(), then)));
        List<Stmt> otherwise = new ArrayList<>();
        otherwise.add(Temps.assign(conditional.span(), result, lower(conditional.otherwise(), otherwise)));
        out.add(new Stmt.If(conditional.span(), test,
                new Stmt.Block(conditional.span(), then), new Stmt.Block(conditional.span(), otherwise)));
        return new Expr.Identifier(conditional.span(), result);
    }
}
