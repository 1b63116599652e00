package dev.rondo.core.internal.compiler;

import static dev.rondo.grammar.FlowLexer.*;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Refuses programs that nest deeper than {@value #LIMIT} levels before the parser sees them. The generated
 * parser is recursive, so 10,000 nested parentheses would overflow the stack; this scan over the tokens
 * finds the first token past the limit instead, in one pass and without recursion.
 *
 * <p>It counts an upper bound of the parser's recursion: open brackets ({@code ( [ { ${}), open
 * {@code ?} of a conditional, runs of prefix operators ({@code - ! typeof await}), arrow functions, and
 * chains of statements without braces ({@code if (a) if (b) while (c) …}, {@code else if} chains).
 * Binary operators and member chains are loops in the grammar, so they do not count here; the AST builder
 * limits the depth of the tree they make.
 */
final class NestingGuard {

    static final int LIMIT = 500;

    private enum Kind { PAREN, BRACKET, BRACE, SUBSTITUTION, QUESTION, ARROW }

    /** An open level and what the enclosing level had counted before it opened. */
    private record Level(Kind kind, boolean header, int savedPrefix, int savedChain) {}

    private final Reporter reporter;
    private final Deque<Level> levels = new ArrayDeque<>();
    private final int[] open = new int[Kind.values().length];
    /** Prefix operators and statement chains counted by the levels below the top one. */
    private int outer;
    /** The part of {@link #outer} that is statement chains. */
    private int outerChains;
    private int deepest;
    /** Prefix operators waiting for their operand at the current level. */
    private int prefix;
    /** Statements nested without braces at the current level. */
    private int chain;
    /** The previous token ended the header of an if/while/for, or was 'else' or 'do': a body starts here. */
    private boolean bodyPosition;
    /** The previous token was a label ('outer' before ':') standing in a body position. */
    private boolean bodyLabel;

    private NestingGuard(Reporter reporter) {
        this.reporter = reporter;
    }

    /**
     * Scans the tokens; returns the deepest nesting found, or -1 (with the error reported) when they nest
     * too deeply to parse.
     */
    static int check(List<Token> tokens, Reporter reporter) {
        NestingGuard guard = new NestingGuard(reporter);
        for (int i = 0; i < tokens.size(); i++) {
            Token previous = i > 0 ? tokens.get(i - 1) : null;
            Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : tokens.get(i);
            if (!guard.accept(previous, tokens.get(i), next)) {
                return -1;
            }
        }
        return guard.deepest;
    }

    private boolean accept(Token previous, Token token, Token next) {
        boolean wasBody = bodyPosition;
        boolean afterLabel = bodyLabel;
        bodyPosition = false;
        bodyLabel = false;
        switch (token.getType()) {
            case OpenParen -> {
                push(Kind.PAREN, previous != null && isHeaderKeyword(previous.getType()));
                return within(token);
            }
            case OpenBracket -> {
                push(Kind.BRACKET, false);
                return within(token);
            }
            case OpenBrace -> {
                push(Kind.BRACE, false);
                return within(token);
            }
            case TemplateSubstitutionOpen -> {
                push(Kind.SUBSTITUTION, false);
                return within(token);
            }
            case Question -> {
                push(Kind.QUESTION, false);
                return within(token);
            }
            case Arrow -> {
                push(Kind.ARROW, false);
                return within(token);
            }
            case Colon -> {
                if (!levels.isEmpty() && levels.peek().kind() == Kind.QUESTION) {
                    pop();
                } else if (afterLabel) {
                    bodyPosition = true;
                }
            }
            case CloseParen -> close(Kind.PAREN, Kind.PAREN);
            case CloseBracket -> close(Kind.BRACKET, Kind.BRACKET);
            case CloseBrace -> close(Kind.BRACE, Kind.SUBSTITUTION);
            case Comma, Semicolon -> {
                popArrows();
                prefix = 0;
            }
            case Not, Typeof, Await -> {
                prefix++;
                return within(token);
            }
            case Minus, Plus -> {
                if (!endsOperand(previous)) {
                    prefix++;
                    return within(token);
                }
            }
            case If, While, For, Do -> {
                if (wasBody) {
                    chain++;
                } else {
                    popArrows();
                    chain = 1;
                }
                bodyPosition = token.getType() == Do;
                return within(token);
            }
            case Else -> bodyPosition = true;
            case Let, Const, Var, Return, Break, Continue, Throw, Try, Switch, Function -> {
                if (!wasBody) {
                    popArrows();
                    chain = 0;
                }
            }
            case Identifier -> {
                prefix = 0;
                // A label in a body position ('if (a) outer: while …') keeps the body position.
                bodyLabel = wasBody && next.getType() == Colon;
            }
            case DecimalNumber, HexNumber, StringLiteral, TemplateClose, True, False, Null -> prefix = 0;
            default -> {
            }
        }
        return true;
    }

    private static final String EXPRESSIONS = "Expressions nest too deeply (more than " + LIMIT + " levels).";
    private static final String BLOCKS = "Blocks and objects nest too deeply (more than " + LIMIT + " levels).";
    private static final String STATEMENTS = "Statements nest too deeply (more than " + LIMIT + " levels).";

    private boolean within(Token token) {
        int depth = levels.size() + outer + prefix + chain;
        deepest = Math.max(deepest, depth);
        if (depth <= LIMIT) {
            return true;
        }
        int statements = open[Kind.BRACE.ordinal()] + outerChains + chain;
        String message = token.getType() == OpenBrace ? BLOCKS : statements * 2 > depth ? STATEMENTS : EXPRESSIONS;
        reporter.at(token, message);
        return false;
    }

    private void push(Kind kind, boolean header) {
        levels.push(new Level(kind, header, prefix, chain));
        open[kind.ordinal()]++;
        outer += prefix + chain;
        outerChains += chain;
        prefix = 0;
        chain = 0;
    }

    private Level pop() {
        Level level = levels.pop();
        open[level.kind().ordinal()]--;
        outer -= level.savedPrefix() + level.savedChain();
        outerChains -= level.savedChain();
        prefix = level.savedPrefix();
        chain = level.savedChain();
        return level;
    }

    /** Closes the innermost level of one of these kinds and the '?' and arrow levels left open inside it. */
    private void close(Kind kind, Kind alternative) {
        if (open[kind.ordinal()] + (alternative == kind ? 0 : open[alternative.ordinal()]) == 0) {
            return; // unbalanced: the parser reports it
        }
        Level level;
        do {
            level = pop();
        } while (level.kind() != kind && level.kind() != alternative);
        prefix = 0; // the bracket ended an operand
        bodyPosition = level.header();
    }

    private void popArrows() {
        while (!levels.isEmpty() && levels.peek().kind() == Kind.ARROW) {
            pop();
        }
    }

    private static boolean isHeaderKeyword(int type) {
        return type == If || type == While || type == For || type == Switch || type == Catch;
    }

    /** After these, '-' and '+' are binary operators; elsewhere they are prefix operators. */
    private static boolean endsOperand(Token previous) {
        if (previous == null) {
            return false;
        }
        return switch (previous.getType()) {
            case Identifier, DecimalNumber, HexNumber, StringLiteral, TemplateClose, CloseParen, CloseBracket,
                    CloseBrace, True, False, Null, PlusPlus, MinusMinus -> true;
            default -> false;
        };
    }
}
