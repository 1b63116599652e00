package dev.rondo.core.internal.compiler;

import static dev.rondo.grammar.FlowParser.*;

import dev.rondo.grammar.FlowParser.BlockContext;
import dev.rondo.grammar.FlowParser.ProgramContext;
import dev.rondo.grammar.FlowParser.StatementContext;
import dev.rondo.grammar.FlowParser.SwitchCaseContext;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Reports syntax errors in the words of {@link SyntaxMessages} and recovers statement by statement, so
 * that one mistake gives one error and independent mistakes in other statements are all reported.
 *
 * <p>Recovery: on an error the tokens up to the end of the statement are skipped (to a ';' or a '}' at
 * the statement's own bracket depth, or to a line that starts a new statement), then the rules inside the
 * statement are unwound without further messages ({@link #unwinding()}: every match, sync and inline
 * recovery fails at once) until the statement rule exits, and parsing goes on with the next statement.
 * Tokens that cannot start a statement where one is expected are skipped the same way with one message.
 * Errors at the lexer's error tokens are not reported again.
 */
final class SyntaxErrorStrategy extends DefaultErrorStrategy {

    private final Reporter reporter;
    private final SourcePositions positions;
    private final SyntaxMessages messages;
    private final boolean endAlreadyReported;
    private final Set<ParserRuleContext> broken = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<StatementContext> reportedStatements = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean unwinding;
    private int lastSkipEnd = -1;

    /**
     * @param endAlreadyReported a comment or template ran to the end of the file, which the lexer reported:
     *     the parser's complaint about the end of the file would say the same thing again
     */
    SyntaxErrorStrategy(Reporter reporter, SourcePositions positions, boolean endAlreadyReported) {
        this.reporter = reporter;
        this.positions = positions;
        this.messages = new SyntaxMessages(positions);
        this.endAlreadyReported = endAlreadyReported;
    }

    /** The rule contexts that contain an error, with all their ancestors: their trees are incomplete. */
    Set<ParserRuleContext> broken() {
        return broken;
    }

    /** True between an error and the end of its statement: the rules in between give up at once. */
    boolean unwinding() {
        return unwinding;
    }

    void statementEnded() {
        unwinding = false;
    }

    @Override
    public void reportError(Parser parser, RecognitionException e) {
        markBroken(parser.getContext());
        super.reportError(parser, e);
    }

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        // When prediction failed tokens after the decision, what the decision expected says little.
        IntervalSet expected = e.getStartToken() == e.getOffendingToken() ? e.getExpectedTokens() : null;
        report(parser, (ParserRuleContext) e.getCtx(), e.getOffendingToken(), expected);
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        // Not e.getExpectedTokens(): ANTLR may have built the exception from an earlier state ("the last
        // sync point"), which expects something else than the token that was missing here.
        report(parser, parser.getContext(), e.getOffendingToken(), parser.getExpectedTokens());
    }

    @Override
    protected void reportFailedPredicate(Parser parser, FailedPredicateException e) {
        report(parser, (ParserRuleContext) e.getCtx(), e.getOffendingToken(), null);
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        markBroken(parser.getContext());
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        report(parser, parser.getContext(), parser.getCurrentToken(), getExpectedTokens(parser));
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        markBroken(parser.getContext());
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        report(parser, parser.getContext(), parser.getCurrentToken(), getExpectedTokens(parser));
    }

    @Override
    public void recover(Parser parser, RecognitionException e) {
        markBroken(parser.getContext());
        if (unwinding) {
            return;
        }
        StatementContext statement = enclosingStatement(parser.getContext());
        int start = statement != null ? statement.getStart().getTokenIndex() : parser.getInputStream().index();
        skipStatement(parser, start, false);
        unwinding = true;
    }

    @Override
    public Token recoverInline(Parser parser) {
        if (unwinding) {
            throw new InputMismatchException(parser);
        }
        return super.recoverInline(parser);
    }

    @Override
    public void sync(Parser parser) {
        if (unwinding) {
            throw new InputMismatchException(parser);
        }
        if (atStatementList(parser)) {
            skipStrayTokens(parser);
            return;
        }
        super.sync(parser);
    }

    private void report(Parser parser, ParserRuleContext ctx, Token offending, IntervalSet expected) {
        // One error per statement: after an inline recovery (a token taken as missing or extra) the
        // parser goes on in the same statement, and what it finds next is rarely a second mistake.
        StatementContext statement = enclosingStatement(ctx);
        if (statement != null && !reportedStatements.add(statement)) {
            return;
        }
        if (isLexicalError(offending.getType()) || offending.getType() == Token.EOF && endAlreadyReported) {
            return;
        }
        Token previous = previous(parser, offending);
        SyntaxMessages.Message message = messages.describe(ctx, offending, expected, previous);
        if (message.missing() && previous != null
                && (offending.getType() == Token.EOF || positions.lineBreakBetween(previous, offending))) {
            reporter.after(previous, message.text());
        } else {
            reporter.at(offending, message.text());
        }
    }

    /**
     * Where a statement may start, a token that cannot is reported and skipped with the rest of its line,
     * until a token that can start a statement (or end the list) comes.
     */
    private void skipStrayTokens(Parser parser) {
        IntervalSet expected = parser.getExpectedTokens();
        Token token = parser.getCurrentToken();
        while (token.getType() != Token.EOF && !expected.contains(token.getType())) {
            markBroken(parser.getContext());
            // Reported unless it follows another error on the same line: stray tokens on their own lines
            // are separate mistakes.
            Token previous = previous(parser, token);
            if (!inErrorRecoveryMode(parser) || previous == null || positions.lineBreakBetween(previous, token)) {
                beginErrorCondition(parser);
                if (!isLexicalError(token.getType())) {
                    reporter.at(token, messages.stray(token));
                }
            }
            int start = parser.getInputStream().index();
            parser.consume();
            skipStatement(parser, start, true);
            token = parser.getCurrentToken();
        }
    }

    /**
     * Skips to the end of the statement that started at token index {@code start}: past a ';' or up to a
     * '}' at the statement's own depth, or up to a line that starts like a statement. A line starting with
     * a statement keyword also ends the skip inside an unclosed '(' or '[', where no statement can be: a
     * forgotten ')' does not hide the errors of the statements after it. Stray tokens ({@code anyLine})
     * are skipped to the end of their line.
     */
    private void skipStatement(Parser parser, int start, boolean anyLine) {
        TokenStream input = parser.getInputStream();
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = start; i < input.index(); i++) {
            nest(open, input.get(i).getType());
        }
        boolean progress = input.index() > start && input.index() != lastSkipEnd;
        while (true) {
            Token token = input.LT(1);
            int type = token.getType();
            if (type == Token.EOF) {
                break;
            }
            if (open.isEmpty()) {
                if (type == CloseBrace) {
                    break;
                }
                if (type == Semicolon) {
                    parser.consume();
                    break;
                }
                if (progress && (anyLine ? positions.lineBreakBetween(input.LT(-1), token)
                        : startsStatementLine(input.LT(-1), token))) {
                    break;
                }
            } else if (progress && open.peek() != OpenBrace && isStatementKeyword(type)
                    && positions.lineBreakBetween(input.LT(-1), token)) {
                break;
            }
            nest(open, type);
            parser.consume();
            progress = true;
        }
        lastSkipEnd = input.index();
    }

    private boolean startsStatementLine(Token previous, Token token) {
        if (previous == null || !positions.lineBreakBetween(previous, token)) {
            return false;
        }
        int type = token.getType();
        return type == Identifier || type >= Let && type <= Export || type == OpenBrace
                || type == PlusPlus || type == MinusMinus || type == LineStartPlusPlus || type == LineStartMinusMinus;
    }

    /** Keywords that start a statement and cannot stand inside parentheses or brackets. */
    private static boolean isStatementKeyword(int type) {
        return switch (type) {
            case Let, Const, Var, If, For, While, Do, Return, Throw, Try, Switch, Break, Continue, Function -> true;
            default -> false;
        };
    }

    /** Tracks the brackets open since the statement started; a closer without its opener is ignored. */
    private static void nest(Deque<Integer> open, int type) {
        switch (type) {
            case OpenParen, OpenBracket, OpenBrace, TemplateSubstitutionOpen -> open.push(type == TemplateSubstitutionOpen ? OpenBrace : type);
            case CloseParen, CloseBracket, CloseBrace -> open.poll();
            default -> {
            }
        }
    }

    /** At the loop of a statement list (the program, a block, a case), before a statement or the end. */
    private static boolean atStatementList(Parser parser) {
        ParserRuleContext ctx = parser.getContext();
        if (!(ctx instanceof ProgramContext || ctx instanceof BlockContext || ctx instanceof SwitchCaseContext)) {
            return false;
        }
        int stateType = parser.getInterpreter().atn.states.get(parser.getState()).getStateType();
        return stateType == ATNState.STAR_LOOP_ENTRY || stateType == ATNState.STAR_LOOP_BACK;
    }

    private static StatementContext enclosingStatement(ParserRuleContext ctx) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (c instanceof StatementContext statement) {
                return statement;
            }
        }
        return null;
    }

    /** Marks the context and its ancestors, which all contain the error. */
    private void markBroken(ParserRuleContext ctx) {
        ParserRuleContext c = ctx;
        while (c != null && broken.add(c)) {
            c = c.getParent();
        }
    }

    private static Token previous(Parser parser, Token token) {
        int index = token.getTokenIndex();
        return index > 0 ? parser.getInputStream().get(index - 1) : null;
    }

    static boolean isLexicalError(int type) {
        return type == UnterminatedString || type == UnterminatedComment || type == InvalidNumber
                || type == UnexpectedCharacter;
    }
}
