package dev.rondo.core.internal.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.rondo.core.AstCodec;
import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Program;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the JSON text described in {@link AstCodec} back into a {@link Program}. Members are read in the
 * order the format fixes, so each node is built straight from its constructor's arguments (Java evaluates
 * them left to right).
 */
public final class AstReader {

    private static final Map<String, Expr.UnaryOp> UNARY_OPS = bySymbol(Expr.UnaryOp.values(), op -> op.symbol);
    private static final Map<String, Expr.BinaryOp> BINARY_OPS = bySymbol(Expr.BinaryOp.values(), op -> op.symbol);
    private static final Map<String, Expr.LogicalOp> LOGICAL_OPS = bySymbol(Expr.LogicalOp.values(), op -> op.symbol);
    private static final Map<String, Stmt.AssignOp> ASSIGN_OPS = bySymbol(Stmt.AssignOp.values(), op -> op.symbol);

    private final JsonInput in;
    /** How deep the statements, expressions and patterns being read are nested, and how deep they may be. */
    private int levels;
    private final int maxLevels;

    private AstReader(JsonInput in, int maxLevels) {
        this.in = in;
        this.maxLevels = maxLevels;
    }

    public static Program read(String json) {
        if (json == null) {
            throw new IllegalArgumentException("Cannot decode a program from null text.");
        }
        return DeepTrees.walk(maxLevels -> read(json, maxLevels));
    }

    private static Program read(String json, int maxLevels) {
        JsonParser parser;
        try {
            parser = AstJson.FACTORY.createParser(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a String failed, which it never does.", e);
        }
        try (parser) {
            JsonInput in = new JsonInput(parser);
            Program program = new AstReader(in, maxLevels).program();
            in.endOfText();
            return program;
        } catch (JsonProcessingException e) {
            String where = JsonPaths.ofParser(parser.getParsingContext());
            if (e instanceof StreamConstraintsException && parser.getParsingContext().getNestingDepth() >= AstJson.MAX_DEPTH) {
                throw new IllegalArgumentException("Cannot decode the program: the JSON is nested more than "
                        + AstJson.MAX_DEPTH + " levels deep at " + where + ".", e);
            }
            // Jackson's limit checks give no location; the parser still knows where it stopped.
            JsonLocation location = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw new IllegalArgumentException("Malformed JSON at " + where + " (character "
                    + (location.getCharOffset() + 1) + "): " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a String failed, which it never does.", e);
        }
    }

    private Program program() throws IOException {
        in.beginUntagged("the program object");
        in.field("format");
        int format = in.integer();
        if (format != AstCodec.FORMAT_VERSION) {
            throw in.error("Unsupported AST format version " + format, ": this Rondo reads version "
                    + AstCodec.FORMAT_VERSION + "; recompile the program from its source");
        }
        Program program = new Program(string("file"), list("body", this::stmt));
        in.end();
        return program;
    }

    private Stmt stmt() throws IOException {
        return stmtAfterTag(in.beginTagged("a statement"));
    }

    private Stmt stmtAfterTag(String tag) throws IOException {
        descend();
        Stmt stmt = switch (tag) {
            case "ExprS" -> new Stmt.ExprStmt(in.span(), expr("expr"));
            case "Let" -> new Stmt.Let(in.span(), flag("constant"), pattern("target"), optionalExpr("init"));
            case "Assign" -> new Stmt.Assign(in.span(), expr("target"), symbol("op", ASSIGN_OPS, "assignment operator"),
                    expr("value"));
            case "Block" -> new Stmt.Block(in.span(), list("body", this::stmt));
            case "If" -> new Stmt.If(in.span(), expr("test"), stmt("then"), optionalStmt("otherwise"));
            case "While" -> new Stmt.While(in.span(), expr("test"), stmt("body"));
            case "DoWhile" -> new Stmt.DoWhile(in.span(), stmt("body"), expr("test"));
            case "For" -> new Stmt.For(in.span(), optionalStmt("init"), optionalExpr("test"), optionalStmt("update"),
                    stmt("body"));
            case "ForEach" -> new Stmt.ForEach(in.span(), flag("keys"), flag("constant"), pattern("target"),
                    expr("iterable"), stmt("body"));
            case "Labeled" -> new Stmt.Labeled(in.span(), string("label"), stmt("body"));
            case "Break" -> new Stmt.Break(in.span(), optionalString("label"));
            case "Continue" -> new Stmt.Continue(in.span(), optionalString("label"));
            case "Return" -> new Stmt.Return(in.span(), optionalExpr("value"));
            case "Throw" -> new Stmt.Throw(in.span(), expr("value"));
            case "Try" -> new Stmt.Try(in.span(), block("body"), optionalPattern("param"), optionalBlock("handler"),
                    optionalBlock("finalizer"));
            case "Switch" -> new Stmt.Switch(in.span(), expr("discriminant"), list("cases", this::switchCase));
            case "FunDecl" -> {
                Span span = in.span();
                in.field("function");
                Expr function = expr();
                if (!(function instanceof Expr.Function f)) {
                    throw in.error("Expected a 'Fun' node in a function declaration");
                }
                yield new Stmt.FunctionDecl(span, f);
            }
            case "AwaitS" -> new Stmt.AwaitStmt(in.span(), optionalString("target"), expr("operand"));
            default -> throw in.error("Unknown statement tag '" + tag + "'");
        };
        in.end();
        levels--;
        return stmt;
    }

    private Stmt.Case switchCase() throws IOException {
        in.beginUntagged("a switch case");
        Stmt.Case c = new Stmt.Case(in.span(), optionalExpr("test"), list("body", this::stmt));
        in.end();
        return c;
    }

    private Stmt.Block block() throws IOException {
        String tag = in.beginTagged("a block");
        if (!tag.equals("Block")) {
            throw in.error("Expected a 'Block' node but found tag '" + tag + "'");
        }
        return (Stmt.Block) stmtAfterTag(tag);
    }

    private Expr expr() throws IOException {
        String tag = in.beginTagged("an expression");
        descend();
        Expr expr = switch (tag) {
            case "Lit" -> literal();
            case "Tpl" -> new Expr.Template(in.span(), list("strings", in::string), list("exprs", this::expr));
            case "Id" -> new Expr.Identifier(in.span(), string("name"));
            case "Arr" -> new Expr.ArrayLit(in.span(), list("elements", this::expr));
            case "Obj" -> new Expr.ObjectLit(in.span(), list("props", this::prop));
            case "Spread" -> new Expr.Spread(in.span(), expr("value"));
            case "Un" -> new Expr.Unary(in.span(), symbol("op", UNARY_OPS, "unary operator"), expr("operand"));
            case "Bin" -> new Expr.Binary(in.span(), symbol("op", BINARY_OPS, "binary operator"), expr("left"),
                    expr("right"));
            case "Log" -> new Expr.Logical(in.span(), symbol("op", LOGICAL_OPS, "logical operator"), expr("left"),
                    expr("right"));
            case "Cond" -> new Expr.Conditional(in.span(), expr("test"), expr("then"), expr("otherwise"));
            case "Mem" -> new Expr.Member(in.span(), expr("object"), string("name"), flag("optional"));
            case "Idx" -> new Expr.Index(in.span(), expr("object"), expr("index"), flag("optional"));
            case "Call" -> new Expr.Call(in.span(), expr("callee"), list("args", this::expr), flag("optional"));
            case "Chain" -> new Expr.OptionalChain(in.span(), expr("chain"));
            case "Await" -> new Expr.Await(in.span(), expr("operand"));
            case "Fun" -> new Expr.Function(in.span(), optionalString("name"), flag("async"), flag("arrow"),
                    list("params", this::param), block("body"));
            default -> throw in.error("Unknown expression tag '" + tag + "'");
        };
        in.end();
        levels--;
        return expr;
    }

    private Expr.Literal literal() throws IOException {
        Span span = in.span();
        if (in.has("nonFinite")) {
            String text = in.string();
            return new Expr.Literal(span, switch (text) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw in.error("Expected \"NaN\", \"Infinity\" or \"-Infinity\" but found \"" + text + "\"");
            });
        }
        in.field("value");
        return new Expr.Literal(span, in.scalar());
    }

    private Expr.Prop prop() throws IOException {
        String tag = in.beginTagged("an object literal member");
        Expr.Prop prop = switch (tag) {
            case "KeyP" -> new Expr.KeyProp(in.span(), string("key"), expr("value"));
            case "CompP" -> new Expr.ComputedProp(in.span(), expr("key"), expr("value"));
            case "SpreadP" -> new Expr.SpreadProp(in.span(), expr("value"));
            default -> throw in.error("Unknown object literal member tag '" + tag + "'");
        };
        in.end();
        return prop;
    }

    private Pattern pattern() throws IOException {
        String tag = in.beginTagged("a pattern");
        descend();
        Pattern pattern = switch (tag) {
            case "PName" -> new Pattern.Name(in.span(), string("name"));
            case "PObj" -> new Pattern.ObjectPattern(in.span(), list("props", this::propTarget));
            case "PArr" -> new Pattern.ArrayPattern(in.span(), list("elements", this::element));
            default -> throw in.error("Unknown pattern tag '" + tag + "'");
        };
        in.end();
        levels--;
        return pattern;
    }

    private Pattern.PropTarget propTarget() throws IOException {
        in.beginUntagged("an object pattern entry");
        Pattern.PropTarget target = new Pattern.PropTarget(in.span(), string("key"), pattern("target"),
                optionalExpr("defaultValue"));
        in.end();
        return target;
    }

    private Expr.Param param() throws IOException {
        in.beginUntagged("a parameter");
        Expr.Param param = new Expr.Param(in.span(), pattern("target"), optionalExpr("defaultValue"), flag("rest"));
        in.end();
        return param;
    }

    /** An array pattern entry, or {@code null} for a hole. */
    private Pattern.Element element() throws IOException {
        if (in.nullValue()) {
            return null;
        }
        in.beginUntagged("an array pattern element");
        Pattern.Element element = new Pattern.Element(in.span(), pattern("target"), optionalExpr("defaultValue"));
        in.end();
        return element;
    }

    private void descend() {
        if (++levels > maxLevels) {
            throw DeepTrees.TOO_DEEP;
        }
    }

    private Expr expr(String field) throws IOException {
        in.field(field);
        return expr();
    }

    private Expr optionalExpr(String field) throws IOException {
        return in.has(field) ? expr() : null;
    }

    private Stmt stmt(String field) throws IOException {
        in.field(field);
        return stmt();
    }

    private Stmt optionalStmt(String field) throws IOException {
        return in.has(field) ? stmt() : null;
    }

    private Stmt.Block block(String field) throws IOException {
        in.field(field);
        return block();
    }

    private Stmt.Block optionalBlock(String field) throws IOException {
        return in.has(field) ? block() : null;
    }

    private Pattern pattern(String field) throws IOException {
        in.field(field);
        return pattern();
    }

    private Pattern optionalPattern(String field) throws IOException {
        return in.has(field) ? pattern() : null;
    }

    private String string(String field) throws IOException {
        in.field(field);
        return in.string();
    }

    private String optionalString(String field) throws IOException {
        return in.has(field) ? in.string() : null;
    }

    /** A boolean member, left out when false. */
    private boolean flag(String field) throws IOException {
        return in.has(field) && in.bool();
    }

    private <E> E symbol(String field, Map<String, E> symbols, String what) throws IOException {
        in.field(field);
        return in.symbol(symbols, what);
    }

    private <T> List<T> list(String field, JsonInput.ValueReader<T> entry) throws IOException {
        in.field(field);
        return in.list(entry);
    }

    private static <E> Map<String, E> bySymbol(E[] values, Function<E, String> symbol) {
        Map<String, E> map = new LinkedHashMap<>();
        for (E value : values) {
            map.put(symbol.apply(value), value);
        }
        return Collections.unmodifiableMap(map);
    }
}
