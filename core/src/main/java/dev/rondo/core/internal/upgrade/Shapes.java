package dev.rondo.core.internal.upgrade;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.value.Values;
import java.util.List;
import java.util.function.Consumer;

/**
 * Text forms of expressions that say what code is, independent of where it stands: the printed expression
 * (for the headers of ifs and loops), and the shape of an awaited operand ({@code Task.run("chargeCard", …)}),
 * which names the promise an await waits on without the arguments that were evaluated before it suspended.
 * Temporaries of await lowering ({@code %3}) print as {@code %}: their numbers shift when an await is added
 * anywhere earlier in the program.
 */
final class Shapes {

    private Shapes() {}

    /** The awaited operand's shape: a durable call by its name and first argument, a helper call by its name. */
    static String operand(Expr operand) {
        return switch (operand) {
            case Expr.Call call when call.callee() instanceof Expr.Member m && m.object() instanceof Expr.Identifier ns
                    && Character.isUpperCase(ns.name().charAt(0)) -> {
                String name = ns.name() + "." + m.name();
                if (name.startsWith("Promise.")) {
                    yield name + "(" + join(call.args().stream().map(Shapes::combined).toList()) + ")";
                }
                String first = call.args().isEmpty() ? "" : call.args().getFirst() instanceof Expr.Literal l
                        && l.value() instanceof String s ? quote(s) : "…";
                yield name + "(" + first + (call.args().size() > 1 ? ", …" : "") + ")";
            }
            case Expr.Call call when call.callee() instanceof Expr.Identifier id -> id.name() + "(…)";
            case Expr.Call call when call.callee() instanceof Expr.Member m -> print(m.object()) + "." + m.name() + "(…)";
            default -> print(operand);
        };
    }

    /** What a combinator combines: a list or object of awaitable shapes, or the expression that gives it. */
    private static String combined(Expr e) {
        return switch (e) {
            case Expr.ArrayLit a -> "[" + join(a.elements().stream().map(Shapes::operand).toList()) + "]";
            case Expr.ObjectLit o -> "{" + join(o.props().stream().map(p -> switch (p) {
                case Expr.KeyProp k -> k.key() + ": " + operand(k.value());
                case Expr.ComputedProp c -> "[" + print(c.key()) + "]: " + operand(c.value());
                case Expr.SpreadProp s -> "..." + print(s.value());
            }).toList()) + "}";
            default -> operand(e);
        };
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String join(List<String> parts) {
        return String.join(", ", parts);
    }

    static String name(String name) {
        return name.startsWith("%") ? "%" : name;
    }

    /** The expression as compact source text (functions abbreviated). */
    static String print(Expr e) {
        if (e == null) {
            return "";
        }
        return switch (e) {
            case Expr.Literal l -> l.value() instanceof String s ? quote(s) : Values.toDisplayString(l.value());
            case Expr.Template t -> "`…`(" + join(t.exprs().stream().map(Shapes::print).toList()) + ")";
            case Expr.Identifier id -> name(id.name());
            case Expr.ArrayLit a -> "[" + join(a.elements().stream().map(Shapes::print).toList()) + "]";
            case Expr.ObjectLit o -> "{" + join(o.props().stream().map(p -> switch (p) {
                case Expr.KeyProp k -> k.key() + ": " + print(k.value());
                case Expr.ComputedProp c -> "[" + print(c.key()) + "]: " + print(c.value());
                case Expr.SpreadProp s -> "..." + print(s.value());
            }).toList()) + "}";
            case Expr.Spread s -> "..." + print(s.value());
            case Expr.Unary u -> u.op().symbol + (u.op() == Expr.UnaryOp.TYPEOF ? " " : "") + print(u.operand());
            case Expr.Binary b -> "(" + print(b.left()) + " " + b.op().symbol + " " + print(b.right()) + ")";
            case Expr.Logical l -> "(" + print(l.left()) + " " + l.op().symbol + " " + print(l.right()) + ")";
            case Expr.Conditional c -> "(" + print(c.test()) + " ? " + print(c.then()) + " : " + print(c.otherwise()) + ")";
            case Expr.Member m -> print(m.object()) + (m.optional() ? "?." : ".") + m.name();
            case Expr.Index i -> print(i.object()) + (i.optional() ? "?.[" : "[") + print(i.index()) + "]";
            case Expr.Call c -> print(c.callee()) + (c.optional() ? "?.(" : "(")
                    + join(c.args().stream().map(Shapes::print).toList()) + ")";
            case Expr.OptionalChain c -> print(c.chain());
            case Expr.Await a -> "await " + print(a.operand());
            case Expr.Function f -> (f.async() ? "async " : "") + (f.name() == null ? "=>" : "function " + f.name());
        };
    }

    /** Marks a value that is not a constant. */
    static final Object NOT_CONSTANT = new Object();

    /**
     * The value of an initializer made only of literals ({@code 2}, {@code "DHL"}, {@code [1, 2]},
     * {@code {retries: 3}}), or {@link #NOT_CONSTANT}: the value a new declaration would have had.
     */
    static Object constant(Expr e) {
        return switch (e) {
            case null -> null;
            case Expr.Literal l -> l.value();
            case Expr.ArrayLit a -> {
                dev.rondo.core.value.FlowArray out = new dev.rondo.core.value.FlowArray();
                for (Expr el : a.elements()) {
                    Object v = constant(el);
                    if (v == NOT_CONSTANT) {
                        yield NOT_CONSTANT;
                    }
                    out.add(v);
                }
                yield out;
            }
            case Expr.ObjectLit o -> {
                java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
                for (Expr.Prop p : o.props()) {
                    if (!(p instanceof Expr.KeyProp k)) {
                        yield NOT_CONSTANT;
                    }
                    Object v = constant(k.value());
                    if (v == NOT_CONSTANT) {
                        yield NOT_CONSTANT;
                    }
                    out.put(k.key(), v);
                }
                yield new dev.rondo.core.value.FlowObject(out);
            }
            case Expr.Unary u when u.op() == Expr.UnaryOp.NEGATE && u.operand() instanceof Expr.Literal l
                    && l.value() instanceof Double d -> -d;
            default -> NOT_CONSTANT;
        };
    }

    /** The names a pattern declares, in order. */
    static void names(Pattern pattern, Consumer<String> out) {
        switch (pattern) {
            case Pattern.Name n -> out.accept(n.name());
            case Pattern.ObjectPattern o -> o.props().forEach(p -> names(p.target(), out));
            case Pattern.ArrayPattern a -> a.elements().forEach(el -> {
                if (el != null && el.target() != null) {
                    names(el.target(), out);
                }
            });
        }
    }
}
