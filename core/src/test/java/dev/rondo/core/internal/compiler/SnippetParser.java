package dev.rondo.core.internal.compiler;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small recursive-descent parser for Flow snippets in the checker and lowerer tests, so that their inputs
 * read as source and carry real line:column positions. It follows the AST conventions of the compiler
 * (numbers as Double, {@code x++} as {@code x += 1}, optional chains wrapped once at their outer end) but is
 * deliberately lenient: no error recovery, semicolons optional, no automatic-semicolon subtleties.
 */
final class SnippetParser {

    private enum Kind { IDENT, NUMBER, STRING, TEMPLATE, PUNCT, EOF }

    /** For a template token, {@code value} is a list of the cooked strings and {@link Piece}s in between. */
    private record Token(Kind kind, String text, Object value, int line, int col, int endLine, int endCol,
                         boolean newlineBefore) {}

    private record Piece(String source, int line, int col) {}

    private static final List<String> PUNCTUATORS = List.of(
            "...", "===", "!==", "**=", "??=", "||=", "&&=",
            "?.", "==", "!=", "<=", ">=", "&&", "||", "??", "**", "++", "--", "+=", "-=", "*=", "/=", "%=",
            "{", "}", "(", ")", "[", "]", ";", ",", ".", ":", "?", "=", "+", "-", "*", "/", "%", "<", ">", "!");

    private static final Map<String, Stmt.AssignOp> ASSIGN_OPS = Map.of(
            "=", Stmt.AssignOp.ASSIGN, "+=", Stmt.AssignOp.ADD, "-=", Stmt.AssignOp.SUBTRACT,
            "*=", Stmt.AssignOp.MULTIPLY, "/=", Stmt.AssignOp.DIVIDE, "%=", Stmt.AssignOp.REMAINDER,
            "**=", Stmt.AssignOp.POWER, "??=", Stmt.AssignOp.COALESCE, "||=", Stmt.AssignOp.OR,
            "&&=", Stmt.AssignOp.AND);

    private static final Set<String> STATEMENT_KEYWORDS = Set.of(
            "let", "const", "if", "while", "do", "for", "break", "continue", "return", "throw", "try", "switch");

    private final List<Token> tokens;
    private int pos;

    private SnippetParser(String source, int line, int col) {
        this.tokens = new Lexer(source, line, col).tokens();
    }

    static List<Stmt> parse(String source) {
        SnippetParser parser = new SnippetParser(source, 1, 1);
        List<Stmt> body = new ArrayList<>();
        while (!parser.at(Kind.EOF)) {
            body.add(parser.statement());
        }
        return body;
    }

    // ---- statements

    private Stmt statement() {
        Token start = peek();
        if (isPunct("{")) {
            return block();
        }
        if (start.kind() == Kind.IDENT && STATEMENT_KEYWORDS.contains(start.text())) {
            return keywordStatement(start);
        }
        if (start.kind() == Kind.IDENT && peek(1).kind() == Kind.PUNCT && peek(1).text().equals(":")) {
            advance();
            advance();
            Stmt body = statement();
            return new Stmt.Labeled(span(start), start.text(), body);
        }
        Stmt simple = simple();
        semicolon();
        return simple;
    }

    private Stmt keywordStatement(Token start) {
        switch (start.text()) {
            case "let", "const" -> {
                Stmt let = declaration();
                semicolon();
                return let;
            }
            case "if" -> {
                advance();
                Expr test = parenthesized();
                Stmt then = statement();
                Stmt otherwise = null;
                if (isWord("else")) {
                    advance();
                    otherwise = statement();
                }
                return new Stmt.If(span(start), test, then, otherwise);
            }
            case "while" -> {
                advance();
                Expr test = parenthesized();
                Stmt body = statement();
                return new Stmt.While(span(start), test, body);
            }
            case "do" -> {
                advance();
                Stmt body = statement();
                expectWord("while");
                Expr test = parenthesized();
                semicolon();
                return new Stmt.DoWhile(span(start), body, test);
            }
            case "for" -> {
                return forStatement(start);
            }
            case "break", "continue" -> {
                advance();
                String label = null;
                if (peek().kind() == Kind.IDENT && !peek().newlineBefore()) {
                    label = advance().text();
                }
                semicolon();
                return start.text().equals("break")
                        ? new Stmt.Break(span(start), label)
                        : new Stmt.Continue(span(start), label);
            }
            case "return" -> {
                advance();
                Expr value = null;
                if (!isPunct(";") && !isPunct("}") && !at(Kind.EOF) && !peek().newlineBefore()) {
                    value = expression();
                }
                semicolon();
                return new Stmt.Return(span(start), value);
            }
            case "throw" -> {
                advance();
                Expr value = expression();
                semicolon();
                return new Stmt.Throw(span(start), value);
            }
            case "try" -> {
                advance();
                Stmt.Block body = block();
                Pattern param = null;
                Stmt.Block handler = null;
                Stmt.Block finalizer = null;
                if (isWord("catch")) {
                    advance();
                    if (isPunct("(")) {
                        advance();
                        param = pattern();
                        expect(")");
                    }
                    handler = block();
                }
                if (isWord("finally")) {
                    advance();
                    finalizer = block();
                }
                return new Stmt.Try(span(start), body, param, handler, finalizer);
            }
            default -> {
                return switchStatement(start);
            }
        }
    }

    private Stmt.Block block() {
        Token start = expect("{");
        List<Stmt> body = new ArrayList<>();
        while (!isPunct("}")) {
            body.add(statement());
        }
        advance();
        return new Stmt.Block(span(start), body);
    }

    private Stmt.Let declaration() {
        Token keyword = advance();
        Pattern target = pattern();
        Expr init = null;
        if (isPunct("=")) {
            advance();
            init = expression();
        }
        return new Stmt.Let(span(keyword), keyword.text().equals("const"), target, init);
    }

    private Stmt forStatement(Token start) {
        advance();
        expect("(");
        Stmt init = null;
        if (isWord("let") || isWord("const")) {
            Token keyword = advance();
            Pattern target = pattern();
            if (isWord("of") || isWord("in")) {
                boolean keys = advance().text().equals("in");
                Expr iterable = expression();
                expect(")");
                Stmt body = statement();
                return new Stmt.ForEach(span(start), keys, keyword.text().equals("const"), target, iterable, body);
            }
            Expr value = null;
            if (isPunct("=")) {
                advance();
                value = expression();
            }
            init = new Stmt.Let(span(keyword), keyword.text().equals("const"), target, value);
        } else if (!isPunct(";")) {
            init = simple();
        }
        expect(";");
        Expr test = isPunct(";") ? null : expression();
        expect(";");
        Stmt update = isPunct(")") ? null : simple();
        expect(")");
        Stmt body = statement();
        return new Stmt.For(span(start), init, test, update, body);
    }

    private Stmt switchStatement(Token start) {
        advance();
        Expr discriminant = parenthesized();
        expect("{");
        List<Stmt.Case> cases = new ArrayList<>();
        while (!isPunct("}")) {
            Token caseStart = peek();
            Expr test = null;
            if (isWord("case")) {
                advance();
                test = expression();
            } else {
                expectWord("default");
            }
            expect(":");
            List<Stmt> body = new ArrayList<>();
            while (!isWord("case") && !isWord("default") && !isPunct("}")) {
                body.add(statement());
            }
            cases.add(new Stmt.Case(span(caseStart), test, body));
        }
        advance();
        return new Stmt.Switch(span(start), discriminant, cases);
    }

    /** An expression statement, an assignment, or {@code x++}/{@code ++x} (as {@code x += 1}). */
    private Stmt simple() {
        Token start = peek();
        if (isPunct("++") || isPunct("--")) {
            Token op = advance();
            Expr target = postfix();
            return step(start, target, op);
        }
        Expr expr = expression();
        if (peek().kind() == Kind.PUNCT && ASSIGN_OPS.containsKey(peek().text())) {
            Stmt.AssignOp op = ASSIGN_OPS.get(advance().text());
            Expr value = expression();
            return new Stmt.Assign(span(start), expr, op, value);
        }
        if ((isPunct("++") || isPunct("--")) && !peek().newlineBefore()) {
            return step(start, expr, advance());
        }
        return new Stmt.ExprStmt(span(start), expr);
    }

    private Stmt step(Token start, Expr target, Token op) {
        Stmt.AssignOp assignOp = op.text().equals("++") ? Stmt.AssignOp.ADD : Stmt.AssignOp.SUBTRACT;
        return new Stmt.Assign(span(start), target, assignOp, new Expr.Literal(tokenSpan(op), 1.0));
    }

    private Pattern pattern() {
        Token start = peek();
        if (isPunct("{")) {
            advance();
            List<Pattern.PropTarget> props = new ArrayList<>();
            while (!isPunct("}")) {
                Token keyToken = advance();
                String key = keyToken.kind() == Kind.STRING ? (String) keyToken.value() : keyToken.text();
                Pattern target = new Pattern.Name(tokenSpan(keyToken), key);
                if (isPunct(":")) {
                    advance();
                    target = pattern();
                }
                Expr fallback = null;
                if (isPunct("=")) {
                    advance();
                    fallback = expression();
                }
                props.add(new Pattern.PropTarget(span(keyToken), key, target, fallback));
                if (!isPunct("}")) {
                    expect(",");
                }
            }
            advance();
            return new Pattern.ObjectPattern(span(start), props);
        }
        if (isPunct("[")) {
            advance();
            List<Pattern.Element> elements = new ArrayList<>();
            while (!isPunct("]")) {
                if (isPunct(",")) {
                    advance();
                    elements.add(null);
                    continue;
                }
                Token elementStart = peek();
                Pattern target = pattern();
                Expr fallback = null;
                if (isPunct("=")) {
                    advance();
                    fallback = expression();
                }
                elements.add(new Pattern.Element(span(elementStart), target, fallback));
                if (!isPunct("]")) {
                    expect(",");
                }
            }
            advance();
            return new Pattern.ArrayPattern(span(start), elements);
        }
        Token name = expectKind(Kind.IDENT);
        return new Pattern.Name(tokenSpan(name), name.text());
    }

    // ---- expressions, loosest first

    private Expr parenthesized() {
        expect("(");
        Expr expr = expression();
        expect(")");
        return expr;
    }

    private Expr expression() {
        Expr test = coalesce();
        if (!isPunct("?")) {
            return test;
        }
        advance();
        Expr then = expression();
        expect(":");
        Expr otherwise = expression();
        return new Expr.Conditional(spanFrom(test), test, then, otherwise);
    }

    private Expr coalesce() {
        Expr left = or();
        while (isPunct("??")) {
            advance();
            left = respan(new Expr.Logical(null, Expr.LogicalOp.COALESCE, left, or()));
        }
        return left;
    }

    private Expr or() {
        Expr left = and();
        while (isPunct("||")) {
            advance();
            left = respan(new Expr.Logical(null, Expr.LogicalOp.OR, left, and()));
        }
        return left;
    }

    private Expr and() {
        Expr left = binary(0);
        while (isPunct("&&")) {
            advance();
            left = respan(new Expr.Logical(null, Expr.LogicalOp.AND, left, binary(0)));
        }
        return left;
    }

    private static final List<Map<String, Expr.BinaryOp>> LEVELS = List.of(
            Map.of("==", Expr.BinaryOp.EQUAL, "!=", Expr.BinaryOp.NOT_EQUAL,
                    "===", Expr.BinaryOp.STRICT_EQUAL, "!==", Expr.BinaryOp.STRICT_NOT_EQUAL),
            Map.of("<", Expr.BinaryOp.LESS, "<=", Expr.BinaryOp.LESS_EQUAL,
                    ">", Expr.BinaryOp.GREATER, ">=", Expr.BinaryOp.GREATER_EQUAL),
            Map.of("+", Expr.BinaryOp.ADD, "-", Expr.BinaryOp.SUBTRACT),
            Map.of("*", Expr.BinaryOp.MULTIPLY, "/", Expr.BinaryOp.DIVIDE, "%", Expr.BinaryOp.REMAINDER));

    private Expr binary(int level) {
        if (level == LEVELS.size()) {
            return power();
        }
        Expr left = binary(level + 1);
        while (peek().kind() == Kind.PUNCT && LEVELS.get(level).containsKey(peek().text())) {
            Expr.BinaryOp op = LEVELS.get(level).get(advance().text());
            left = respan(new Expr.Binary(null, op, left, binary(level + 1)));
        }
        return left;
    }

    private Expr power() {
        Expr left = unary();
        if (isPunct("**")) {
            advance();
            return respan(new Expr.Binary(null, Expr.BinaryOp.POWER, left, power()));
        }
        return left;
    }

    private Expr unary() {
        Token start = peek();
        Expr.UnaryOp op = null;
        if (isPunct("!")) {
            op = Expr.UnaryOp.NOT;
        } else if (isPunct("-")) {
            op = Expr.UnaryOp.NEGATE;
        } else if (isPunct("+")) {
            op = Expr.UnaryOp.PLUS;
        } else if (isWord("typeof")) {
            op = Expr.UnaryOp.TYPEOF;
        } else if (isWord("await")) {
            advance();
            Expr operand = unary();
            return new Expr.Await(span(start), operand);
        }
        if (op == null) {
            return postfix();
        }
        advance();
        Expr operand = unary();
        return new Expr.Unary(span(start), op, operand);
    }

    private Expr postfix() {
        Token start = peek();
        Expr expr = primary();
        boolean optionalChain = false;
        while (true) {
            if (isPunct(".")) {
                advance();
                Token name = expectKind(Kind.IDENT);
                expr = new Expr.Member(span(start), expr, name.text(), false);
            } else if (isPunct("?.")) {
                advance();
                optionalChain = true;
                if (isPunct("[")) {
                    advance();
                    Expr index = expression();
                    expect("]");
                    expr = new Expr.Index(span(start), expr, index, true);
                } else if (isPunct("(")) {
                    List<Expr> args = arguments();
                    expr = new Expr.Call(span(start), expr, args, true);
                } else {
                    Token name = expectKind(Kind.IDENT);
                    expr = new Expr.Member(span(start), expr, name.text(), true);
                }
            } else if (isPunct("[")) {
                advance();
                Expr index = expression();
                expect("]");
                expr = new Expr.Index(span(start), expr, index, false);
            } else if (isPunct("(")) {
                List<Expr> args = arguments();
                expr = new Expr.Call(span(start), expr, args, false);
            } else {
                break;
            }
        }
        return optionalChain ? new Expr.OptionalChain(span(start), expr) : expr;
    }

    private List<Expr> arguments() {
        expect("(");
        List<Expr> args = new ArrayList<>();
        while (!isPunct(")")) {
            args.add(element());
            if (!isPunct(")")) {
                expect(",");
            }
        }
        advance();
        return args;
    }

    private Expr element() {
        Token start = peek();
        if (isPunct("...")) {
            advance();
            Expr value = expression();
            return new Expr.Spread(span(start), value);
        }
        return expression();
    }

    private Expr primary() {
        Token token = advance();
        Span at = tokenSpan(token);
        switch (token.kind()) {
            case NUMBER, STRING -> {
                return new Expr.Literal(at, token.value());
            }
            case TEMPLATE -> {
                return template(token, at);
            }
            case IDENT -> {
                return switch (token.text()) {
                    case "true" -> new Expr.Literal(at, true);
                    case "false" -> new Expr.Literal(at, false);
                    case "null" -> new Expr.Literal(at, null);
                    default -> new Expr.Identifier(at, token.text());
                };
            }
            default -> { }
        }
        switch (token.text()) {
            case "(" -> {
                Expr inner = expression();
                expect(")");
                return inner;
            }
            case "[" -> {
                List<Expr> elements = new ArrayList<>();
                while (!isPunct("]")) {
                    elements.add(element());
                    if (!isPunct("]")) {
                        expect(",");
                    }
                }
                advance();
                return new Expr.ArrayLit(span(token), elements);
            }
            case "{" -> {
                return object(token);
            }
            default -> throw new IllegalArgumentException("Unexpected '" + token.text() + "' at " + at);
        }
    }

    private Expr object(Token start) {
        List<Expr.Prop> props = new ArrayList<>();
        while (!isPunct("}")) {
            Token first = peek();
            if (isPunct("...")) {
                advance();
                Expr value = expression();
                props.add(new Expr.SpreadProp(span(first), value));
            } else if (isPunct("[")) {
                advance();
                Expr key = expression();
                expect("]");
                expect(":");
                Expr value = expression();
                props.add(new Expr.ComputedProp(span(first), key, value));
            } else {
                Token keyToken = advance();
                String key = keyToken.kind() == Kind.IDENT ? keyToken.text() : String.valueOf(keyToken.value());
                Expr value;
                if (isPunct(":")) {
                    advance();
                    value = expression();
                } else {
                    value = new Expr.Identifier(tokenSpan(keyToken), key);
                }
                props.add(new Expr.KeyProp(span(first), key, value));
            }
            if (!isPunct("}")) {
                expect(",");
            }
        }
        advance();
        return new Expr.ObjectLit(span(start), props);
    }

    @SuppressWarnings("unchecked")
    private Expr template(Token token, Span at) {
        List<String> strings = new ArrayList<>();
        List<Expr> exprs = new ArrayList<>();
        for (Object part : (List<Object>) token.value()) {
            if (part instanceof String text) {
                strings.add(text);
            } else {
                Piece piece = (Piece) part;
                SnippetParser inner = new SnippetParser(piece.source(), piece.line(), piece.col());
                exprs.add(inner.expression());
            }
        }
        return new Expr.Template(at, strings, exprs);
    }

    // ---- spans and tokens

    /** Gives a binary-shaped node the span from its left operand's start to the last token read. */
    private Expr respan(Expr expr) {
        return switch (expr) {
            case Expr.Binary b -> new Expr.Binary(spanFrom(b.left()), b.op(), b.left(), b.right());
            case Expr.Logical l -> new Expr.Logical(spanFrom(l.left()), l.op(), l.left(), l.right());
            default -> expr;
        };
    }

    private Span spanFrom(Expr first) {
        Token last = tokens.get(pos - 1);
        return new Span(first.span().line(), first.span().column(), last.endLine(), last.endCol());
    }

    private Span span(Token first) {
        Token last = tokens.get(pos - 1);
        return new Span(first.line(), first.col(), last.endLine(), last.endCol());
    }

    private static Span tokenSpan(Token token) {
        return new Span(token.line(), token.col(), token.endLine(), token.endCol());
    }

    private void semicolon() {
        if (isPunct(";")) {
            advance();
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token advance() {
        Token token = tokens.get(pos);
        if (token.kind() != Kind.EOF) {
            pos++;
        }
        return token;
    }

    private boolean at(Kind kind) {
        return peek().kind() == kind;
    }

    private boolean isPunct(String text) {
        return peek().kind() == Kind.PUNCT && peek().text().equals(text);
    }

    private boolean isWord(String text) {
        return peek().kind() == Kind.IDENT && peek().text().equals(text);
    }

    private Token expect(String punct) {
        if (!isPunct(punct)) {
            throw new IllegalArgumentException("Expect '" + punct + "' at " + peek().line() + ":" + peek().col()
                    + ", found '" + peek().text() + "'.");
        }
        return advance();
    }

    private void expectWord(String word) {
        if (!isWord(word)) {
            throw new IllegalArgumentException("Expect '" + word + "' at " + peek().line() + ":" + peek().col());
        }
        advance();
    }

    private Token expectKind(Kind kind) {
        if (!at(kind)) {
            throw new IllegalArgumentException("Expect " + kind + " at " + peek().line() + ":" + peek().col());
        }
        return advance();
    }

    // ---- lexer

    private static final class Lexer {
        private final String source;
        private int index;
        private int line;
        private int col;
        private boolean newline;
        private final List<Token> tokens = new ArrayList<>();

        Lexer(String source, int line, int col) {
            this.source = source;
            this.line = line;
            this.col = col;
        }

        List<Token> tokens() {
            while (true) {
                skipSpace();
                if (index >= source.length()) {
                    tokens.add(new Token(Kind.EOF, "<end>", null, line, col, line, col, true));
                    return tokens;
                }
                int startLine = line;
                int startCol = col;
                char c = source.charAt(index);
                Kind kind;
                String text;
                Object value = null;
                if (Character.isLetter(c) || c == '_' || c == '$') {
                    int from = index;
                    while (index < source.length() && (Character.isLetterOrDigit(source.charAt(index))
                            || source.charAt(index) == '_' || source.charAt(index) == '$')) {
                        step();
                    }
                    kind = Kind.IDENT;
                    text = source.substring(from, index);
                } else if (Character.isDigit(c) || (c == '.' && index + 1 < source.length()
                        && Character.isDigit(source.charAt(index + 1)))) {
                    int from = index;
                    while (index < source.length()
                            && (Character.isDigit(source.charAt(index)) || source.charAt(index) == '.')) {
                        step();
                    }
                    kind = Kind.NUMBER;
                    text = source.substring(from, index);
                    value = Double.parseDouble(text);
                } else if (c == '"' || c == '\'') {
                    kind = Kind.STRING;
                    value = quoted(c);
                    text = String.valueOf(value);
                } else if (c == '`') {
                    kind = Kind.TEMPLATE;
                    value = template();
                    text = "`...`";
                } else {
                    kind = Kind.PUNCT;
                    text = PUNCTUATORS.stream().filter(p -> source.startsWith(p, index)).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("Unexpected character '" + c + "'"));
                    for (int i = 0; i < text.length(); i++) {
                        step();
                    }
                }
                tokens.add(new Token(kind, text, value, startLine, startCol, line, col, newline));
                newline = false;
            }
        }

        private void skipSpace() {
            while (index < source.length()) {
                char c = source.charAt(index);
                if (c == '\n') {
                    newline = true;
                    step();
                } else if (Character.isWhitespace(c)) {
                    step();
                } else if (source.startsWith("//", index)) {
                    while (index < source.length() && source.charAt(index) != '\n') {
                        step();
                    }
                } else {
                    return;
                }
            }
        }

        private String quoted(char quote) {
            step();
            StringBuilder text = new StringBuilder();
            while (source.charAt(index) != quote) {
                text.append(character());
            }
            step();
            return text.toString();
        }

        private List<Object> template() {
            step();
            List<Object> parts = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            while (source.charAt(index) != '`') {
                if (source.startsWith("${", index)) {
                    parts.add(text.toString());
                    text.setLength(0);
                    step();
                    step();
                    int pieceLine = line;
                    int pieceCol = col;
                    int from = index;
                    int depth = 0;
                    while (depth > 0 || source.charAt(index) != '}') {
                        char c = source.charAt(index);
                        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                        step();
                    }
                    parts.add(new Piece(source.substring(from, index), pieceLine, pieceCol));
                    step();
                } else {
                    text.append(character());
                }
            }
            step();
            parts.add(text.toString());
            return parts;
        }

        private char character() {
            char c = source.charAt(index);
            step();
            if (c != '\\') {
                return c;
            }
            char escaped = source.charAt(index);
            step();
            return switch (escaped) {
                case 'n' -> '\n';
                case 't' -> '\t';
                default -> escaped;
            };
        }

        private void step() {
            if (source.charAt(index) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            index++;
        }
    }
}
