package dev.rondo.core.internal.upgrade;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Stmt;
import java.util.List;
import java.util.function.Consumer;

/** Walks over the AST: the expressions a statement holds, the sub-expressions of an expression. */
final class Trees {

    private Trees() {}

    /** Every expression in {@code s} and its nested statements (not inside functions), outermost first. */
    static void expressions(Stmt s, Consumer<Expr> out) {
        if (s == null) {
            return;
        }
        switch (s) {
            case Stmt.ExprStmt e -> expr(e.expr(), out);
            case Stmt.Let e -> {
                pattern(e.target(), out);
                expr(e.init(), out);
            }
            case Stmt.Assign e -> {
                expr(e.target(), out);
                expr(e.value(), out);
            }
            case Stmt.Block e -> e.body().forEach(x -> expressions(x, out));
            case Stmt.If e -> {
                expr(e.test(), out);
                expressions(e.then(), out);
                expressions(e.otherwise(), out);
            }
            case Stmt.While e -> {
                expr(e.test(), out);
                expressions(e.body(), out);
            }
            case Stmt.DoWhile e -> {
                expressions(e.body(), out);
                expr(e.test(), out);
            }
            case Stmt.For e -> {
                expressions(e.init(), out);
                expr(e.test(), out);
                expressions(e.update(), out);
                expressions(e.body(), out);
            }
            case Stmt.ForEach e -> {
                pattern(e.target(), out);
                expr(e.iterable(), out);
                expressions(e.body(), out);
            }
            case Stmt.Labeled e -> expressions(e.body(), out);
            case Stmt.Break e -> { }
            case Stmt.Continue e -> { }
            case Stmt.Return e -> expr(e.value(), out);
            case Stmt.Throw e -> expr(e.value(), out);
            case Stmt.Try e -> {
                expressions(e.body(), out);
                pattern(e.param(), out);
                expressions(e.handler(), out);
                expressions(e.finalizer(), out);
            }
            case Stmt.Switch e -> {
                expr(e.discriminant(), out);
                for (Stmt.Case c : e.cases()) {
                    expr(c.test(), out);
                    c.body().forEach(x -> expressions(x, out));
                }
            }
            case Stmt.AwaitStmt e -> {
                if (e.target() != null) {
                    out.accept(new Expr.Identifier(e.span(), e.target()));
                }
                expr(e.operand(), out);
            }
            case Stmt.FunctionDecl e -> out.accept(e.function());
        }
    }

    private static void pattern(Pattern p, Consumer<Expr> out) {
        if (p == null) {
            return;
        }
        switch (p) {
            case Pattern.Name n -> out.accept(new Expr.Identifier(n.span(), n.name()));
            case Pattern.ObjectPattern o -> o.props().forEach(t -> {
                pattern(t.target(), out);
                expr(t.defaultValue(), out);
            });
            case Pattern.ArrayPattern a -> a.elements().forEach(el -> {
                if (el != null) {
                    pattern(el.target(), out);
                    expr(el.defaultValue(), out);
                }
            });
        }
    }

    /** {@code e} and every sub-expression; a function is given itself, but not what its body holds. */
    static void expr(Expr e, Consumer<Expr> out) {
        if (e == null) {
            return;
        }
        out.accept(e);
        switch (e) {
            case Expr.Literal x -> { }
            case Expr.Identifier x -> { }
            case Expr.Function x -> { }
            case Expr.Template x -> x.exprs().forEach(y -> expr(y, out));
            case Expr.ArrayLit x -> x.elements().forEach(y -> expr(y, out));
            case Expr.ObjectLit x -> x.props().forEach(p -> {
                switch (p) {
                    case Expr.KeyProp k -> expr(k.value(), out);
                    case Expr.ComputedProp c -> {
                        expr(c.key(), out);
                        expr(c.value(), out);
                    }
                    case Expr.SpreadProp sp -> expr(sp.value(), out);
                }
            });
            case Expr.Spread x -> expr(x.value(), out);
            case Expr.Unary x -> expr(x.operand(), out);
            case Expr.Binary x -> {
                expr(x.left(), out);
                expr(x.right(), out);
            }
            case Expr.Logical x -> {
                expr(x.left(), out);
                expr(x.right(), out);
            }
            case Expr.Conditional x -> {
                expr(x.test(), out);
                expr(x.then(), out);
                expr(x.otherwise(), out);
            }
            case Expr.Member x -> expr(x.object(), out);
            case Expr.Index x -> {
                expr(x.object(), out);
                expr(x.index(), out);
            }
            case Expr.Call x -> {
                expr(x.callee(), out);
                x.args().forEach(y -> expr(y, out));
            }
            case Expr.OptionalChain x -> expr(x.chain(), out);
            case Expr.Await x -> expr(x.operand(), out);
        }
    }

    /** Whether any statement of {@code statements} mentions the name (reads, writes or declares it). */
    static boolean mentions(List<Stmt> statements, String name) {
        boolean[] found = {false};
        for (Stmt s : statements) {
            expressions(s, e -> {
                if (e instanceof Expr.Identifier id && id.name().equals(name)) {
                    found[0] = true;
                }
            });
        }
        return found[0];
    }

    /** The names the {@code let}s among {@code statements} declare, in order. */
    static void declared(List<Stmt> statements, Consumer<String> out) {
        for (Stmt s : statements) {
            if (s instanceof Stmt.Let let) {
                Shapes.names(let.target(), out);
            }
        }
    }
}
