package dev.rondo.core.internal.compiler;

import dev.rondo.grammar.FlowLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Turns source text into the tokens the parser reads, reporting every lexical error. The error tokens stay
 * in the list: the parser stumbles on them, stays silent (the error is already reported here) and skips
 * the rest of that statement.
 */
final class Lexing {

    /** The tokens, ending with EOF, and whether a comment or template ran to the end of the file. */
    record Tokens(List<Token> list, boolean unterminatedAtEnd) {}

    private Lexing() {}

    /**
     * Counts U+2028 and U+2029 as line breaks, as JavaScript does, so that a statement ends at them (the
     * parser finds line breaks by the tokens' lines). ANTLR's lexer counts only {@code \n}.
     */
    private static final class LineBreaks extends org.antlr.v4.runtime.atn.LexerATNSimulator {
        LineBreaks(FlowLexer lexer) {
            super(lexer, lexer.getATN(), lexer.getInterpreter().decisionToDFA,
                    new org.antlr.v4.runtime.atn.PredictionContextCache());
        }

        @Override
        public void consume(org.antlr.v4.runtime.CharStream input) {
            int c = input.LA(1);
            if (c == 0x2028 || c == 0x2029) {
                line++;
                charPositionInLine = 0;
                input.consume();
            } else {
                super.consume(input);
            }
        }
    }

    static Tokens lex(String text, Reporter reporter) {
        FlowLexer lexer = new FlowLexer(CharStreams.fromString(text));
        lexer.setInterpreter(new LineBreaks(lexer));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        Deque<Token> openTemplates = new ArrayDeque<>();
        boolean unterminatedAtEnd = false;
        Token previous = null;
        while (true) {
            Token token = lexer.nextToken();
            tokens.add(token);
            switch (token.getType()) {
                case FlowLexer.TemplateOpen -> openTemplates.push(token);
                case FlowLexer.TemplateClose -> openTemplates.poll();
                case FlowLexer.UnterminatedString -> reporter.at(token, "Unterminated string.");
                case FlowLexer.UnterminatedComment -> {
                    reporter.at(token, "Unterminated comment.");
                    unterminatedAtEnd = true;
                }
                case FlowLexer.InvalidNumber -> reporter.at(token, "Invalid number '" + token.getText() + "'.");
                case FlowLexer.UnexpectedCharacter -> {
                    if (!continuesRun(previous, token)) {
                        reporter.at(token, "Unexpected character " + describeCharacter(token.getText()) + ".");
                    }
                }
                default -> {
                }
            }
            if (token.getType() == Token.EOF) {
                break;
            }
            previous = token;
        }
        if (!openTemplates.isEmpty()) {
            reporter.at(openTemplates.peek(), "Unterminated template literal.");
            unterminatedAtEnd = true;
        }
        return new Tokens(tokens, unterminatedAtEnd);
    }

    /** Characters that are both unexpected and adjacent ("###", a run of binary bytes) are reported once. */
    private static boolean continuesRun(Token previous, Token token) {
        return previous != null
                && previous.getType() == FlowLexer.UnexpectedCharacter
                && previous.getStopIndex() + 1 == token.getStartIndex();
    }

    /** {@code '#'} for a visible character, {@code U+0000} for a control or invisible one. */
    static String describeCharacter(String text) {
        int codePoint = text.codePointAt(0);
        boolean visible = !Character.isISOControl(codePoint)
                && !Character.isWhitespace(codePoint)
                && Character.isDefined(codePoint)
                && Character.getType(codePoint) != Character.FORMAT
                && Character.getType(codePoint) != Character.PRIVATE_USE
                && Character.getType(codePoint) != Character.SURROGATE;
        return visible ? "'" + text + "'" : String.format("U+%04X", codePoint);
    }
}
