package dev.rondo.core.internal.compiler;

import dev.rondo.grammar.FlowLexer;
import java.math.BigInteger;
import org.antlr.v4.runtime.Token;

/**
 * The values of literal tokens: numbers as doubles, and the cooked text of strings and template pieces
 * (escapes of LANGUAGE.md §2 applied). A wrong escape or number is reported where it stands in the file.
 */
final class Literals {

    private final Reporter reporter;
    private final SourcePositions positions;

    Literals(Reporter reporter, SourcePositions positions) {
        this.reporter = reporter;
        this.positions = positions;
    }

    /** A {@code DecimalNumber} or {@code HexNumber} token. */
    double number(Token token) {
        String text = token.getText();
        String digits = text.replace("_", "");
        double value;
        if (token.getType() == FlowLexer.HexNumber) {
            value = new BigInteger(digits.substring(2), 16).doubleValue();
        } else {
            if (digits.length() > 1 && digits.charAt(0) == '0' && Character.isDigit(digits.charAt(1))) {
                reporter.at(token, "Invalid number '" + text + "': a number cannot start with 0.");
                return 0;
            }
            value = Double.parseDouble(digits);
        }
        if (Double.isInfinite(value)) {
            reporter.at(token, "The number '" + text + "' is too large.");
            return 0;
        }
        return value;
    }

    /** A {@code StringLiteral} token, without its quotes. */
    String string(Token token) {
        String text = token.getText();
        return cook(token, text, 1, text.length() - 1);
    }

    /** A {@code TemplateText} token. */
    String templateText(Token token) {
        String text = token.getText();
        return cook(token, text, 0, text.length());
    }

    private String cook(Token token, String text, int from, int to) {
        if (text.indexOf('\\', from) < 0) {
            return text.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= to) {
                // a backslash just before the end of the file: the lexer already said the literal is unterminated
                break;
            }
            char escaped = text.charAt(i + 1);
            int next = i + 2;
            switch (escaped) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000B');
                case '\\', '\'', '"', '`', '$' -> out.append(escaped);
                case '\n' -> {
                    // line continuation: the backslash and the line break vanish
                }
                case '0' -> {
                    if (next < to && Character.isDigit(text.charAt(next))) {
                        invalid(token, text, i, next + 1);
                        next++;
                    } else {
                        out.append('\0');
                    }
                }
                case 'u' -> next = unicode(token, text, i, to, out);
                default -> {
                    int end = i + 1 + Character.charCount(text.codePointAt(i + 1));
                    invalid(token, text, i, end);
                    next = end;
                }
            }
            i = next;
        }
        return out.toString();
    }

    /** {@code \}{@code uHHHH} or {@code \}{@code u{H…}} at {@code start}; returns the index after it. */
    private int unicode(Token token, String text, int start, int to, StringBuilder out) {
        int i = start + 2;
        if (i < to && text.charAt(i) == '{') {
            int close = text.indexOf('}', i);
            int end = close < 0 || close > to ? i + 1 : close + 1;
            String hex = close < 0 || close > to ? "" : text.substring(i + 1, close);
            if (!isHex(hex) || hex.length() > 8 || Integer.parseInt(hex, 16) > Character.MAX_CODE_POINT) {
                invalid(token, text, start, end);
                return end;
            }
            out.appendCodePoint(Integer.parseInt(hex, 16));
            return end;
        }
        int end = Math.min(i + 4, to);
        String hex = text.substring(i, end);
        if (hex.length() < 4 || !isHex(hex)) {
            int shown = i;
            while (shown < end && Character.digit(text.charAt(shown), 16) >= 0) {
                shown++;
            }
            invalid(token, text, start, Math.min(shown + 1, to));
            return shown;
        }
        out.append((char) Integer.parseInt(hex, 16));
        return end;
    }

    private static boolean isHex(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private void invalid(Token token, String text, int start, int end) {
        String sequence = text.substring(start, Math.min(end, text.length()));
        int line = positions.line(token);
        int column = positions.column(token);
        int lineStart = text.lastIndexOf('\n', start - 1);
        if (lineStart >= 0) {
            line += (int) text.substring(0, start).chars().filter(c -> c == '\n').count();
            column = start - lineStart;
        } else {
            column += start;
        }
        reporter.at(line, column, "Invalid escape sequence '" + sequence + "'.");
    }
}
