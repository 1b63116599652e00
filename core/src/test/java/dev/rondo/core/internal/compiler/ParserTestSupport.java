package dev.rondo.core.internal.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rondo.core.Diagnostic;
import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Stmt;
import dev.rondo.core.value.Numbers;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Parses snippets for the parser tests and prints ASTs in a compact prefix form, so that a test reads
 * {@code "(+ 1 (* 2 3))"} instead of nested record constructors. Spans are checked by the tests that are
 * about spans.
 */
final class ParserTestSupport {

    private ParserTestSupport() {}

    /** The statements of a valid program; fails the test with the diagnostics otherwise. */
    static List<Stmt> parse(String source) {
        Parser.Result result = Parser.parse("test.flow", source);
        if (!result.diagnostics().isEmpty()) {
            fail("unexpected errors in " + source + ":\n" + result.diagnostics());
        }
        return result.body();
    }

    /** The statements of a valid program, printed one per line. */
    static String program(String source) {
        return parse(source).stream().map(ParserTestSupport::print).collect(Collectors.joining("\n"));
    }

    /** The only statement of a valid program, printed. */
    static String statement(String source) {
        List<Stmt> body = parse(source);
        assertEquals(1, body.size(), () -> "statements of " + source + ": " + body);
        return print(body.get(0));
    }

    /** The expression of a program made of one expression statement. */
    static Expr expression(String source) {
        List<Stmt> body = parse(source);
        assertEquals(1, body.size(), () -> "statements of " + source + ": " + body);
        assertTrue(body.get(0) instanceof Stmt.ExprStmt, () -> "not an expression statement: " + body.get(0));
        return ((Stmt.ExprStmt) body.get(0)).expr();
    }

    /** The diagnostics as "line:column: message", in order. */
    static List<String> errors(String source) {
        Parser.Result result = Parser.parse("test.flow", source);
        assertTrue(result.body().isEmpty(), "a program with errors has no body");
        return result.diagnostics().stream().map(ParserTestSupport::format).toList();
    }

    /** The one diagnostic of a program that has exactly one error. */
    static String error(String source) {
        List<String> errors = errors(source);
        assertEquals(1, errors.size(), () -> "errors of " + source + ": " + errors);
        return errors.get(0);
    }

    static String format(Diagnostic diagnostic) {
        return diagnostic.line() + ":" + diagnostic.column() + ": " + diagnostic.message();
    }

    static String print(Stmt stmt) {
        return switch (stmt) {
            case Stmt.ExprStmt s -> print(s.expr());
            case Stmt.FunctionDecl s -> print(s.function());
            case Stmt.Let s -> "(" + (s.constant() ? "const " : "let ") + print(s.target())
                    + (s.init() == null ? "" : " " + print(s.init())) + ")";
            case Stmt.Assign s -> "(" + s.op().symbol + " " + print(s.target()) + " " + print(s.value()) + ")";
            case Stmt.Block s -> "{" + s.body().stream().map(ParserTestSupport::print).collect(Collectors.joining("; ")) + "}";
            case Stmt.If s -> "(if " + print(s.test()) + " " + print(s.then())
                    + (s.otherwise() == null ? "" : " " + print(s.otherwise())) + ")";
            case Stmt.While s -> "(while " + print(s.test()) + " " + print(s.body()) + ")";
            case Stmt.DoWhile s -> "(do " + print(s.body()) + " " + print(s.test()) + ")";
            case Stmt.For s -> "(for " + orDash(s.init()) + " " + (s.test() == null ? "-" : print(s.test())) + " "
                    + orDash(s.update()) + " " + print(s.body()) + ")";
            case Stmt.ForEach s -> "(for-" + (s.keys() ? "in " : "of ") + (s.constant() ? "const " : "let ")
                    + print(s.target()) + " " + print(s.iterable()) + " " + print(s.body()) + ")";
            case Stmt.Labeled s -> "(label " + s.label() + " " + print(s.body()) + ")";
            case Stmt.Break s -> s.label() == null ? "(break)" : "(break " + s.label() + ")";
            case Stmt.Continue s -> s.label() == null ? "(continue)" : "(continue " + s.label() + ")";
            case Stmt.Return s -> s.value() == null ? "(return)" : "(return " + print(s.value()) + ")";
            case Stmt.Throw s -> "(throw " + print(s.value()) + ")";
            case Stmt.Try s -> "(try " + print(s.body())
                    + (s.handler() == null ? "" : " (catch " + (s.param() == null ? "" : print(s.param()) + " ") + print(s.handler()) + ")")
                    + (s.finalizer() == null ? "" : " (finally " + print(s.finalizer()) + ")") + ")";
            case Stmt.Switch s -> "(switch " + print(s.discriminant()) + s.cases().stream()
                    .map(c -> " (" + (c.test() == null ? "default" : "case " + print(c.test()))
                            + c.body().stream().map(b -> " " + print(b)).collect(Collectors.joining()) + ")")
                    .collect(Collectors.joining()) + ")";
            case Stmt.AwaitStmt s -> "(await-stmt " + s.target() + " " + print(s.operand()) + ")";
        };
    }

    private static String orDash(Stmt stmt) {
        return stmt == null ? "-" : print(stmt);
    }

    static String print(Expr expr) {
        return switch (expr) {
            case Expr.Literal e -> literal(e.value());
            case Expr.Identifier e -> e.name();
            case Expr.Template e -> {
                StringBuilder out = new StringBuilder("(template ").append(literal(e.strings().get(0)));
                for (int i = 0; i < e.exprs().size(); i++) {
                    out.append(' ').append(print(e.exprs().get(i))).append(' ').append(literal(e.strings().get(i + 1)));
                }
                yield out.append(')').toString();
            }
            case Expr.ArrayLit e -> "[" + e.elements().stream().map(ParserTestSupport::print).collect(Collectors.joining(" ")) + "]";
            case Expr.ObjectLit e -> "{" + e.props().stream().map(ParserTestSupport::print).collect(Collectors.joining(" ")) + "}";
            case Expr.Spread e -> "..." + print(e.value());
            case Expr.Unary e -> "(" + e.op().symbol + " " + print(e.operand()) + ")";
            case Expr.Binary e -> "(" + e.op().symbol + " " + print(e.left()) + " " + print(e.right()) + ")";
            case Expr.Logical e -> "(" + e.op().symbol + " " + print(e.left()) + " " + print(e.right()) + ")";
            case Expr.Conditional e -> "(? " + print(e.test()) + " " + print(e.then()) + " " + print(e.otherwise()) + ")";
            case Expr.Member e -> "(" + (e.optional() ? "?." : ".") + " " + print(e.object()) + " " + e.name() + ")";
            case Expr.Index e -> "(" + (e.optional() ? "?.[]" : "[]") + " " + print(e.object()) + " " + print(e.index()) + ")";
            case Expr.Call e -> "(" + (e.optional() ? "?.call " : "call ") + print(e.callee())
                    + e.args().stream().map(a -> " " + print(a)).collect(Collectors.joining()) + ")";
            case Expr.OptionalChain e -> "(chain " + print(e.chain()) + ")";
            case Expr.Await e -> "(await " + print(e.operand()) + ")";
            case Expr.Function e -> "(" + (e.async() ? "async " : "") + (e.arrow() ? "=>" : "function " + e.name())
                    + " (" + e.params().stream().map(p -> (p.rest() ? "..." : "") + print(p.target()))
                    .collect(Collectors.joining(" ")) + ") " + print(e.body()) + ")";
        };
    }

    private static String print(Expr.Prop prop) {
        return switch (prop) {
            case Expr.KeyProp p -> p.key() + ": " + print(p.value());
            case Expr.ComputedProp p -> "[" + print(p.key()) + "]: " + print(p.value());
            case Expr.SpreadProp p -> "..." + print(p.value());
        };
    }

    static String print(Pattern pattern) {
        return switch (pattern) {
            case Pattern.Name p -> p.name();
            case Pattern.ObjectPattern p -> "{" + p.props().stream()
                    .map(t -> t.key() + ": " + print(t.target()) + (t.defaultValue() == null ? "" : " = " + print(t.defaultValue())))
                    .collect(Collectors.joining(", ")) + "}";
            case Pattern.ArrayPattern p -> "[" + p.elements().stream()
                    .map(e -> e == null ? "_" : print(e.target()) + (e.defaultValue() == null ? "" : " = " + print(e.defaultValue())))
                    .collect(Collectors.joining(", ")) + "]";
        };
    }

    private static String literal(Object value) {
        if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + '"';
        }
        if (value instanceof Double d) {
            return Numbers.toString(d);
        }
        return String.valueOf(value);
    }
}
