package dev.rondo.core.internal.compiler;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Stmt;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints statements compactly, one per line, in a Flow-like syntax, so lowering tests can compare shapes as
 * text. Compound operands are parenthesized so the tree is unambiguous. An {@link Stmt.AwaitStmt} prints as
 * {@code %1 <- await operand} (or {@code await operand} when its value is discarded).
 */
final class AstText {

    private AstText() {}

    static String print(List<Stmt> body) {
        return body.stream().map(s -> statement(s, "")).collect(Collectors.joining("\n"));
    }

    static String statement(Stmt statement, String indent) {
        return switch (statement) {
            case Stmt.ExprStmt s -> expr(s.expr());
            case Stmt.Let s -> (s.constant() ? "const " : "let ") + pattern(s.target())
                    + (s.init() == null ? "" : " = " + expr(s.init()));
            case Stmt.Assign s -> expr(s.target()) + " " + s.op().symbol + " " + expr(s.value());
            case Stmt.Block s -> block(s.body(), indent);
            case Stmt.If s -> "if (" + expr(s.test()) + ") " + statement(s.then(), indent)
                    + (s.otherwise() == null ? "" : " else " + statement(s.otherwise(), indent));
            case Stmt.While s -> "while (" + expr(s.test()) + ") " + statement(s.body(), indent);
            case Stmt.DoWhile s -> "do " + statement(s.body(), indent) + " while (" + expr(s.test()) + ")";
            case Stmt.For s -> "for (" + (s.init() == null ? "" : inline(s.init())) + "; "
                    + (s.test() == null ? "" : expr(s.test())) + "; "
                    + (s.update() == null ? "" : inline(s.update())) + ") " + statement(s.body(), indent);
            case Stmt.ForEach s -> "for (" + (s.constant() ? "const " : "let ") + pattern(s.target())
                    + (s.keys() ? " in " : " of ") + expr(s.iterable()) + ") " + statement(s.body(), indent);
            case Stmt.Labeled s -> s.label() + ": " + statement(s.body(), indent);
            case Stmt.Break s -> "break" + (s.label() == null ? "" : " " + s.label());
            case Stmt.Continue s -> "continue" + (s.label() == null ? "" : " " + s.label());
            case Stmt.FunctionDecl s -> expr(s.function());
            case Stmt.Return s -> "return" + (s.value() == null ? "" : " " + expr(s.value()));
            case Stmt.Throw s -> "throw " + expr(s.value());
            case Stmt.Try s -> "try " + statement(s.body(), indent)
                    + (s.handler() == null ? "" : " catch " + (s.param() == null ? "" : "(" + pattern(s.param()) + ") ")
                            + statement(s.handler(), indent))
                    + (s.finalizer() == null ? "" : " finally " + statement(s.finalizer(), indent));
            case Stmt.Switch s -> {
                StringBuilder text = new StringBuilder("switch (" + expr(s.discriminant()) + ") {\n");
                for (Stmt.Case c : s.cases()) {
                    text.append(indent).append("  ")
                            .append(c.test() == null ? "default:" : "case " + expr(c.test()) + ":").append('\n');
                    for (Stmt inner : c.body()) {
                        text.append(indent).append("    ").append(statement(inner, indent + "    ")).append('\n');
                    }
                }
                yield text.append(indent).append('}').toString();
            }
            case Stmt.AwaitStmt s -> (s.target() == null ? "" : s.target() + " <- ") + "await " + expr(s.operand());
        };
    }

    private static String block(List<Stmt> body, String indent) {
        if (body.isEmpty()) {
            return "{}";
        }
        StringBuilder text = new StringBuilder("{\n");
        for (Stmt inner : body) {
            text.append(indent).append("  ").append(statement(inner, indent + "  ")).append('\n');
        }
        return text.append(indent).append('}').toString();
    }

    /** A for-loop clause: a block prints on one line as {@code { a; b }}. */
    private static String inline(Stmt statement) {
        if (statement instanceof Stmt.Block block) {
            return "{ " + block.body().stream().map(AstText::inline).collect(Collectors.joining("; ")) + " }";
        }
        return statement(statement, "");
    }

    static String pattern(Pattern pattern) {
        return switch (pattern) {
            case Pattern.Name p -> p.name();
            case Pattern.ObjectPattern p -> "{" + p.props().stream().map(t -> {
                String target = t.target() instanceof Pattern.Name n && n.name().equals(t.key())
                        ? t.key() : t.key() + ": " + pattern(t.target());
                return target + (t.defaultValue() == null ? "" : " = " + expr(t.defaultValue()));
            }).collect(Collectors.joining(", ")) + "}";
            case Pattern.ArrayPattern p -> "[" + p.elements().stream().map(e -> e == null ? ""
                    : pattern(e.target()) + (e.defaultValue() == null ? "" : " = " + expr(e.defaultValue())))
                    .collect(Collectors.joining(", ")) + "]";
        };
    }

    static String expr(Expr expr) {
        return switch (expr) {
            case Expr.Literal e -> literal(e.value());
            case Expr.Template e -> {
                StringBuilder text = new StringBuilder("`").append(e.strings().getFirst());
                for (int i = 0; i < e.exprs().size(); i++) {
                    text.append("${").append(expr(e.exprs().get(i))).append('}').append(e.strings().get(i + 1));
                }
                yield text.append('`').toString();
            }
            case Expr.Identifier e -> e.name();
            case Expr.ArrayLit e -> "[" + list(e.elements()) + "]";
            case Expr.ObjectLit e -> "{" + e.props().stream().map(p -> switch (p) {
                case Expr.KeyProp k -> k.key() + ": " + expr(k.value());
                case Expr.ComputedProp c -> "[" + expr(c.key()) + "]: " + expr(c.value());
                case Expr.SpreadProp s -> "..." + expr(s.value());
            }).collect(Collectors.joining(", ")) + "}";
            case Expr.Spread e -> "..." + expr(e.value());
            case Expr.Unary e -> e.op().symbol + (e.op() == Expr.UnaryOp.TYPEOF ? " " : "") + operand(e.operand());
            case Expr.Binary e -> operand(e.left()) + " " + e.op().symbol + " " + operand(e.right());
            case Expr.Logical e -> operand(e.left()) + " " + e.op().symbol + " " + operand(e.right());
            case Expr.Conditional e -> operand(e.test()) + " ? " + operand(e.then()) + " : " + operand(e.otherwise());
            case Expr.Member e -> object(e.object()) + (e.optional() ? "?." : ".") + e.name();
            case Expr.Index e -> object(e.object()) + (e.optional() ? "?.[" : "[") + expr(e.index()) + "]";
            case Expr.Call e -> object(e.callee()) + (e.optional() ? "?.(" : "(") + list(e.args()) + ")";
            case Expr.OptionalChain e -> expr(e.chain());
            case Expr.Await e -> "await " + operand(e.operand());
            case Expr.Function e -> (e.async() ? "async " : "") + (e.arrow() ? "" : "function " + e.name())
                    + "(" + e.params().stream().map(p -> (p.rest() ? "..." : "") + pattern(p.target())
                            + (p.defaultValue() == null ? "" : " = " + expr(p.defaultValue())))
                    .collect(Collectors.joining(", ")) + ")" + (e.arrow() ? " => " : " ") + block(e.body().body(), "");
        };
    }

    private static String list(List<Expr> items) {
        return items.stream().map(AstText::expr).collect(Collectors.joining(", "));
    }

    private static String operand(Expr expr) {
        boolean compound = expr instanceof Expr.Binary || expr instanceof Expr.Logical
                || expr instanceof Expr.Conditional;
        return compound ? "(" + expr(expr) + ")" : expr(expr);
    }

    /** The object of a member, index or call: anything but a primary or another link is parenthesized. */
    private static String object(Expr expr) {
        boolean primary = expr instanceof Expr.Identifier || expr instanceof Expr.Literal
                || expr instanceof Expr.Member || expr instanceof Expr.Index || expr instanceof Expr.Call
                || expr instanceof Expr.ArrayLit || expr instanceof Expr.ObjectLit || expr instanceof Expr.Template;
        return primary ? expr(expr) : "(" + expr(expr) + ")";
    }

    private static String literal(Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf(d.longValue()) : d.toString();
        }
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        return String.valueOf(value);
    }
}
