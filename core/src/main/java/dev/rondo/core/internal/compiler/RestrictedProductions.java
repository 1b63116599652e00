package dev.rondo.core.internal.compiler;

import dev.rondo.grammar.FlowLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * Applies JavaScript's restricted productions to the token list, so that the grammar can stay free of
 * line-break predicates in its decisions:
 * <ul>
 *   <li>{@code return}, {@code break}, {@code continue} and {@code throw} followed by a line break end
 *       there: an empty ';' token is inserted after them ({@code throw} then reports its missing
 *       operand).</li>
 *   <li>A {@code ++} or {@code --} that starts a line is never postfix ({@code x \n ++y} is
 *       {@code x; ++y}): it gets a type that only a prefix update accepts.</li>
 * </ul>
 */
final class RestrictedProductions {

    private RestrictedProductions() {}

    static List<Token> apply(List<Token> tokens, SourcePositions positions) {
        List<Token> result = new ArrayList<>(tokens.size() + 16);
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token previous = i > 0 ? tokens.get(i - 1) : null;
            boolean lineStart = previous != null && positions.lineBreakBetween(previous, token);
            if (lineStart && token.getType() == FlowLexer.PlusPlus) {
                result.add(retyped(token, FlowLexer.LineStartPlusPlus));
            } else if (lineStart && token.getType() == FlowLexer.MinusMinus) {
                result.add(retyped(token, FlowLexer.LineStartMinusMinus));
            } else {
                result.add(token);
            }
            if (isRestrictedKeyword(token, previous) && i + 1 < tokens.size()
                    && positions.lineBreakBetween(token, tokens.get(i + 1))) {
                result.add(insertedSemicolon(token));
            }
        }
        return result;
    }

    /** True for an empty ';' this class inserted (a written one has the text ";"). */
    static boolean isInserted(Token token) {
        return token.getType() == FlowLexer.Semicolon && token.getText().isEmpty();
    }

    /** The keyword as a statement, not as a property name ('promise.finally', 'x.return'). */
    private static boolean isRestrictedKeyword(Token token, Token previous) {
        return switch (token.getType()) {
            case FlowLexer.Return, FlowLexer.Break, FlowLexer.Continue, FlowLexer.Throw ->
                    previous == null || previous.getType() != FlowLexer.Dot && previous.getType() != FlowLexer.QuestionDot;
            default -> false;
        };
    }

    private static Token retyped(Token token, int type) {
        CommonToken copy = new CommonToken(token);
        copy.setType(type);
        return copy;
    }

    private static Token insertedSemicolon(Token after) {
        CommonToken semicolon = new CommonToken(after);
        semicolon.setType(FlowLexer.Semicolon);
        semicolon.setText("");
        semicolon.setStartIndex(after.getStopIndex() + 1);
        semicolon.setStopIndex(after.getStopIndex());
        semicolon.setCharPositionInLine(after.getCharPositionInLine() + after.getText().length());
        return semicolon;
    }
}
