package dev.rondo.core.internal.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.rondo.core.AstCodec;
import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Program;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes a {@link Program} as the JSON text described in {@link AstCodec}. */
public final class AstWriter {

    /** Writes one list entry; lets {@link #list} take the entry writers below as method references. */
    @FunctionalInterface
    private interface EntryWriter<T> {
        void write(T entry) throws IOException;
    }

    private final JsonGenerator out;
    /** How deep the statements, expressions and patterns being written are nested, and how deep they may be. */
    private int levels;
    private final int maxLevels;

    private AstWriter(JsonGenerator out, int maxLevels) {
        this.out = out;
        this.maxLevels = maxLevels;
    }

    public static String write(Program program) {
        if (program == null) {
            throw new IllegalArgumentException("Cannot encode a null program.");
        }
        return DeepTrees.walk(maxLevels -> write(program, maxLevels));
    }

    private static String write(Program program, int maxLevels) {
        StringWriter text = new StringWriter(1024);
        try {
            JsonGenerator out = AstJson.FACTORY.createGenerator(text);
            new AstWriter(out, maxLevels).program(program);
            out.close();
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException("Cannot encode the program: it is nested more than "
                    + AstJson.MAX_DEPTH + " JSON levels deep.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("A StringWriter failed, which it never does.", e);
        }
        return text.toString();
    }

    private void program(Program program) throws IOException {
        out.writeStartObject();
        out.writeNumberField("format", AstCodec.FORMAT_VERSION);
        out.writeFieldName("file");
        string(program.file());
        out.writeFieldName("body");
        list(program.body(), this::stmt);
        out.writeEndObject();
    }

    private void stmt(Stmt stmt) throws IOException {
        if (stmt == null) {
            throw invalid("a statement is null");
        }
        descend();
        switch (stmt) {
            case Stmt.ExprStmt s -> {
                begin("ExprS", s.span());
                expr("expr", s.expr());
            }
            case Stmt.Let s -> {
                begin("Let", s.span());
                flag("constant", s.constant());
                pattern("target", s.target());
                optionalExpr("init", s.init());
            }
            case Stmt.Assign s -> {
                begin("Assign", s.span());
                expr("target", s.target());
                symbol("op", s.op() == null ? null : s.op().symbol);
                expr("value", s.value());
            }
            case Stmt.Block s -> {
                begin("Block", s.span());
                out.writeFieldName("body");
                list(s.body(), this::stmt);
            }
            case Stmt.If s -> {
                begin("If", s.span());
                expr("test", s.test());
                stmt("then", s.then());
                optionalStmt("otherwise", s.otherwise());
            }
            case Stmt.While s -> {
                begin("While", s.span());
                expr("test", s.test());
                stmt("body", s.body());
            }
            case Stmt.DoWhile s -> {
                begin("DoWhile", s.span());
                stmt("body", s.body());
                expr("test", s.test());
            }
            case Stmt.For s -> {
                begin("For", s.span());
                optionalStmt("init", s.init());
                optionalExpr("test", s.test());
                optionalStmt("update", s.update());
                stmt("body", s.body());
            }
            case Stmt.ForEach s -> {
                begin("ForEach", s.span());
                flag("keys", s.keys());
                flag("constant", s.constant());
                pattern("target", s.target());
                expr("iterable", s.iterable());
                stmt("body", s.body());
            }
            case Stmt.Labeled s -> {
                begin("Labeled", s.span());
                out.writeFieldName("label");
                string(s.label());
                stmt("body", s.body());
            }
            case Stmt.Break s -> {
                begin("Break", s.span());
                optionalString("label", s.label());
            }
            case Stmt.Continue s -> {
                begin("Continue", s.span());
                optionalString("label", s.label());
            }
            case Stmt.Return s -> {
                begin("Return", s.span());
                optionalExpr("value", s.value());
            }
            case Stmt.Throw s -> {
                begin("Throw", s.span());
                expr("value", s.value());
            }
            case Stmt.Try s -> {
                begin("Try", s.span());
                stmt("body", s.body());
                if (s.param() != null) {
                    pattern("param", s.param());
                }
                optionalStmt("handler", s.handler());
                optionalStmt("finalizer", s.finalizer());
            }
            case Stmt.Switch s -> {
                begin("Switch", s.span());
                expr("discriminant", s.discriminant());
                out.writeFieldName("cases");
                list(s.cases(), this::switchCase);
            }
            case Stmt.FunctionDecl s -> {
                begin("FunDecl", s.span());
                expr("function", s.function());
            }
            case Stmt.AwaitStmt s -> {
                begin("AwaitS", s.span());
                optionalString("target", s.target());
                expr("operand", s.operand());
            }
        }
        out.writeEndObject();
        levels--;
    }

    private void switchCase(Stmt.Case c) throws IOException {
        if (c == null) {
            throw invalid("a switch case is null");
        }
        out.writeStartObject();
        span(c.span());
        optionalExpr("test", c.test());
        out.writeFieldName("body");
        list(c.body(), this::stmt);
        out.writeEndObject();
    }

    private void expr(Expr expr) throws IOException {
        if (expr == null) {
            throw invalid("an expression is null");
        }
        descend();
        switch (expr) {
            case Expr.Literal e -> {
                begin("Lit", e.span());
                literalValue(e.value());
            }
            case Expr.Template e -> {
                begin("Tpl", e.span());
                out.writeFieldName("strings");
                list(e.strings(), this::string);
                out.writeFieldName("exprs");
                list(e.exprs(), this::expr);
            }
            case Expr.Identifier e -> {
                begin("Id", e.span());
                out.writeFieldName("name");
                string(e.name());
            }
            case Expr.ArrayLit e -> {
                begin("Arr", e.span());
                out.writeFieldName("elements");
                list(e.elements(), this::expr);
            }
            case Expr.ObjectLit e -> {
                begin("Obj", e.span());
                out.writeFieldName("props");
                list(e.props(), this::prop);
            }
            case Expr.Spread e -> {
                begin("Spread", e.span());
                expr("value", e.value());
            }
            case Expr.Unary e -> {
                begin("Un", e.span());
                symbol("op", e.op() == null ? null : e.op().symbol);
                expr("operand", e.operand());
            }
            case Expr.Binary e -> {
                begin("Bin", e.span());
                symbol("op", e.op() == null ? null : e.op().symbol);
                expr("left", e.left());
                expr("right", e.right());
            }
            case Expr.Logical e -> {
                begin("Log", e.span());
                symbol("op", e.op() == null ? null : e.op().symbol);
                expr("left", e.left());
                expr("right", e.right());
            }
            case Expr.Conditional e -> {
                begin("Cond", e.span());
                expr("test", e.test());
                expr("then", e.then());
                expr("otherwise", e.otherwise());
            }
            case Expr.Member e -> {
                begin("Mem", e.span());
                expr("object", e.object());
                out.writeFieldName("name");
                string(e.name());
                flag("optional", e.optional());
            }
            case Expr.Index e -> {
                begin("Idx", e.span());
                expr("object", e.object());
                expr("index", e.index());
                flag("optional", e.optional());
            }
            case Expr.Call e -> {
                begin("Call", e.span());
                expr("callee", e.callee());
                out.writeFieldName("args");
                list(e.args(), this::expr);
                flag("optional", e.optional());
            }
            case Expr.OptionalChain e -> {
                begin("Chain", e.span());
                expr("chain", e.chain());
            }
            case Expr.Await e -> {
                begin("Await", e.span());
                expr("operand", e.operand());
            }
            case Expr.Function e -> {
                begin("Fun", e.span());
                optionalString("name", e.name());
                flag("async", e.async());
                flag("arrow", e.arrow());
                out.writeFieldName("params");
                list(e.params(), this::param);
                stmt("body", e.body());
            }
        }
        out.writeEndObject();
        levels--;
    }

    private void literalValue(Object value) throws IOException {
        switch (value) {
            case null -> out.writeNullField("value");
            case Boolean b -> out.writeBooleanField("value", b);
            case Double d when Double.isFinite(d) -> out.writeNumberField("value", d);
            case Double d -> out.writeStringField("nonFinite", d.toString());
            case String s -> {
                out.writeFieldName("value");
                string(s);
            }
            default -> {
                out.writeFieldName("value");
                throw invalid("a literal holds a " + value.getClass().getName()
                        + ", but literals hold only null, Boolean, Double or String");
            }
        }
    }

    private void prop(Expr.Prop prop) throws IOException {
        if (prop == null) {
            throw invalid("an object literal member is null");
        }
        switch (prop) {
            case Expr.KeyProp p -> {
                begin("KeyP", p.span());
                out.writeFieldName("key");
                string(p.key());
                expr("value", p.value());
            }
            case Expr.ComputedProp p -> {
                begin("CompP", p.span());
                expr("key", p.key());
                expr("value", p.value());
            }
            case Expr.SpreadProp p -> {
                begin("SpreadP", p.span());
                expr("value", p.value());
            }
        }
        out.writeEndObject();
    }

    private void pattern(Pattern pattern) throws IOException {
        if (pattern == null) {
            throw invalid("a pattern is null");
        }
        descend();
        switch (pattern) {
            case Pattern.Name p -> {
                begin("PName", p.span());
                out.writeFieldName("name");
                string(p.name());
            }
            case Pattern.ObjectPattern p -> {
                begin("PObj", p.span());
                out.writeFieldName("props");
                list(p.props(), this::propTarget);
            }
            case Pattern.ArrayPattern p -> {
                begin("PArr", p.span());
                out.writeFieldName("elements");
                list(p.elements(), this::element);
            }
        }
        out.writeEndObject();
        levels--;
    }

    private void propTarget(Pattern.PropTarget target) throws IOException {
        if (target == null) {
            throw invalid("an object pattern entry is null");
        }
        out.writeStartObject();
        span(target.span());
        out.writeFieldName("key");
        string(target.key());
        pattern("target", target.target());
        optionalExpr("defaultValue", target.defaultValue());
        out.writeEndObject();
    }

    private void param(Expr.Param param) throws IOException {
        if (param == null) {
            throw invalid("a parameter is null");
        }
        out.writeStartObject();
        span(param.span());
        pattern("target", param.target());
        optionalExpr("defaultValue", param.defaultValue());
        flag("rest", param.rest());
        out.writeEndObject();
    }

    /** A {@code null} element is a hole, written as JSON {@code null}. */
    private void element(Pattern.Element element) throws IOException {
        if (element == null) {
            out.writeNull();
            return;
        }
        out.writeStartObject();
        span(element.span());
        pattern("target", element.target());
        optionalExpr("defaultValue", element.defaultValue());
        out.writeEndObject();
    }

    private void descend() {
        if (++levels > maxLevels) {
            throw DeepTrees.TOO_DEEP;
        }
    }

    /** Opens a tagged node: its tag, then its span. The caller closes it. */
    private void begin(String tag, Span span) throws IOException {
        out.writeStartObject();
        out.writeStringField("t", tag);
        span(span);
    }

    private void span(Span span) throws IOException {
        out.writeFieldName("s");
        if (span == null) {
            throw invalid("a span is null");
        }
        out.writeStartArray();
        out.writeNumber(span.line());
        out.writeNumber(span.column());
        out.writeNumber(span.endLine());
        out.writeNumber(span.endColumn());
        out.writeEndArray();
    }

    private void expr(String field, Expr expr) throws IOException {
        out.writeFieldName(field);
        expr(expr);
    }

    private void optionalExpr(String field, Expr expr) throws IOException {
        if (expr != null) {
            expr(field, expr);
        }
    }

    private void stmt(String field, Stmt stmt) throws IOException {
        out.writeFieldName(field);
        stmt(stmt);
    }

    private void optionalStmt(String field, Stmt stmt) throws IOException {
        if (stmt != null) {
            stmt(field, stmt);
        }
    }

    private void pattern(String field, Pattern pattern) throws IOException {
        out.writeFieldName(field);
        pattern(pattern);
    }

    private void symbol(String field, String symbol) throws IOException {
        out.writeFieldName(field);
        if (symbol == null) {
            throw invalid("an operator is null");
        }
        out.writeString(symbol);
    }

    private void flag(String field, boolean value) throws IOException {
        if (value) {
            out.writeBooleanField(field, true);
        }
    }

    private void string(String value) throws IOException {
        if (value == null) {
            throw invalid("a string is null");
        }
        out.writeString(value);
    }

    private void optionalString(String field, String value) throws IOException {
        if (value != null) {
            out.writeStringField(field, value);
        }
    }

    private <T> void list(List<T> entries, EntryWriter<T> entry) throws IOException {
        if (entries == null) {
            throw invalid("a list is null");
        }
        out.writeStartArray();
        for (T item : entries) {
            entry.write(item);
        }
        out.writeEndArray();
    }

    private IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("Cannot encode the program: " + problem + " at "
                + JsonPaths.ofGenerator(out.getOutputContext()) + ".");
    }
}
