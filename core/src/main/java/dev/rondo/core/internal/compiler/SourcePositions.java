package dev.rondo.core.internal.compiler;

import dev.rondo.core.ast.Span;
import org.antlr.v4.runtime.Token;

/**
 * Where tokens stand, the way spans and diagnostics give it: 1-based lines and 1-based columns counted in
 * UTF-16 units. ANTLR counts code points, so on a line after a character outside the Basic Multilingual
 * Plane (an emoji in a string) its columns would be one short per such character; this class converts.
 */
final class SourcePositions {

    /** UTF-16 offset of each code point index, or {@code null} when the text has no surrogate pairs. */
    private final int[] utf16Offsets;

    SourcePositions(String text) {
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints == text.length()) {
            utf16Offsets = null;
            return;
        }
        utf16Offsets = new int[codePoints + 1];
        int offset = 0;
        for (int i = 0; i < codePoints; i++) {
            utf16Offsets[i] = offset;
            offset += Character.charCount(text.codePointAt(offset));
        }
        utf16Offsets[codePoints] = offset;
    }

    int line(Token token) {
        return token.getLine();
    }

    int column(Token token) {
        int inLine = token.getCharPositionInLine();
        int start = token.getStartIndex();
        if (utf16Offsets == null || start < 0 || start >= utf16Offsets.length) {
            return inLine + 1;
        }
        return utf16Offsets[start] - utf16Offsets[start - inLine] + 1;
    }

    /** The line of the token's last character (strings with line continuations and templates span lines). */
    int endLine(Token token) {
        String text = text(token);
        int breaks = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            breaks++;
        }
        return token.getLine() + breaks;
    }

    /** The column just past the token's last character. */
    int endColumn(Token token) {
        String text = text(token);
        int lastBreak = text.lastIndexOf('\n');
        return lastBreak < 0 ? column(token) + text.length() : text.length() - lastBreak;
    }

    Span span(Token first, Token last) {
        return new Span(line(first), column(first), endLine(last), endColumn(last));
    }

    /** True when a line break stands between the two tokens. */
    boolean lineBreakBetween(Token previous, Token next) {
        return next.getLine() > endLine(previous);
    }

    private static String text(Token token) {
        if (token.getType() == Token.EOF) {
            return "";
        }
        String text = token.getText();
        return text == null ? "" : text;
    }
}
