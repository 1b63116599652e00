package dev.rondo.core.internal.compiler;

import static dev.rondo.grammar.FlowParser.*;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * The wording of syntax errors. ANTLR says where it failed (the rule being parsed, the token it found, the
 * tokens it could accept); this class turns that into the sentence a person would write, such as
 * "Expect ')' after the condition of 'if'.", and never lists token sets.
 */
final class SyntaxMessages {

    /**
     * A message, and whether it says what is missing: those are shown just after the previous token when
     * the unexpected one is on a later line, which is where the missing text belongs.
     */
    record Message(String text, boolean missing) {}

    private final SourcePositions positions;

    SyntaxMessages(SourcePositions positions) {
        this.positions = positions;
    }

    /**
     * @param ctx       the rule that failed
     * @param offending the token found
     * @param expected  what the rule could accept there, or {@code null} when not known
     * @param previous  the token before {@code offending}, or {@code null} at the start
     */
    Message describe(ParserRuleContext ctx, Token offending, IntervalSet expected, Token previous) {
        IntervalSet accepted = expected == null ? new IntervalSet() : expected;
        int type = offending.getType();
        if (RestrictedProductions.isInserted(offending) && within(ctx, ThrowStatementContext.class)) {
            return missing("Expect an expression after 'throw' on the same line.");
        }
        String unsupported = unsupported(type);
        if (unsupported != null) {
            return found(unsupported);
        }
        // After an operand, an assignment operator the rule does not take is an assignment inside an
        // expression (the end of a statement takes any token that starts the next one, '++' included).
        if (endsOperand(previous) && (ctx instanceof EosContext || !accepted.contains(type))) {
            if (type == Assign) {
                return found("Cannot use '=' inside an expression; an assignment is a statement of its own"
                        + " (to compare, use '==').");
            }
            if (isCompoundAssignment(type)) {
                return found("Cannot use " + quote(offending) + " inside an expression; an assignment is a"
                        + " statement of its own.");
            }
            if (type == PlusPlus || type == MinusMinus) {
                return found("Cannot use " + quote(offending) + " inside an expression; it is a statement of its own.");
            }
        }
        if (isWord(type) && accepted.contains(Identifier) && namesSomething(ctx)) {
            return found(quote(offending) + " is a reserved word and cannot be used as a name.");
        }
        String specific = contextual(ctx, accepted, offending);
        if (specific != null) {
            return missing(specific);
        }
        if (expectsExpression(accepted)) {
            return missing("Expect an expression.");
        }
        if (type == Token.EOF) {
            return found("Unexpected end of file.");
        }
        return found("Unexpected " + describe(offending) + ".");
    }

    /** For a token that cannot start a statement where one is expected. */
    String stray(Token token) {
        String unsupported = unsupported(token.getType());
        if (unsupported != null) {
            return unsupported;
        }
        return token.getType() == Token.EOF ? "Unexpected end of file." : "Unexpected " + describe(token) + ".";
    }

    /** How a token is named in a message: {@code 'x'}, or what it is when its text is long. */
    static String describe(Token token) {
        if (token.getType() == Token.EOF) {
            return "the end of the file";
        }
        String text = token.getText();
        if (text.length() <= 24 && text.indexOf('\n') < 0) {
            return "'" + text + "'";
        }
        return switch (token.getType()) {
            case StringLiteral -> "a string";
            case TemplateText -> "template text";
            case Identifier -> "a name";
            default -> "'" + text.substring(0, 20) + "…'";
        };
    }

    private String contextual(ParserRuleContext ctx, IntervalSet accepted, Token offending) {
        return switch (ctx) {
            case EosContext c -> "Expect ';' or a line break before " + describe(offending) + ".";
            case IfStatementContext c -> condition(accepted, "if");
            case WhileStatementContext c -> condition(accepted, "while");
            case DoWhileStatementContext c -> accepted.contains(While)
                    ? "Expect 'while' after the body of 'do'." : condition(accepted, "while");
            case ForStatementContext c -> {
                if (accepted.contains(OpenParen)) {
                    yield "Expect '(' after 'for'.";
                }
                if (accepted.contains(Semicolon)) {
                    yield c.Semicolon().isEmpty()
                            ? "Expect ';' after the loop initializer." : "Expect ';' after the loop condition.";
                }
                yield accepted.contains(CloseParen) ? "Expect ')' after the clauses of 'for'." : null;
            }
            case ForEachStatementContext c -> {
                if (accepted.contains(OpenParen)) {
                    yield "Expect '(' after 'for'.";
                }
                if (accepted.contains(Of)) {
                    yield "Expect 'of' or 'in' after the loop variable.";
                }
                yield accepted.contains(CloseParen) ? "Expect ')' after the value to loop over." : null;
            }
            case TryStatementContext c -> {
                if (accepted.contains(Catch)) {
                    yield "Expect 'catch' or 'finally' after the block of 'try'.";
                }
                yield accepted.contains(OpenBrace) ? "Expect '{' after 'try'." : null;
            }
            case CatchClauseContext c -> {
                if (accepted.contains(CloseParen)) {
                    yield "Expect ')' after the variable of 'catch'.";
                }
                yield accepted.contains(OpenBrace) ? "Expect '{' after 'catch'." : null;
            }
            case FinallyClauseContext c -> accepted.contains(OpenBrace) ? "Expect '{' after 'finally'." : null;
            case SwitchStatementContext c -> {
                if (accepted.contains(Case)) {
                    yield "Expect 'case', 'default' or '}' in the body of 'switch'.";
                }
                if (accepted.contains(OpenBrace)) {
                    yield "Expect '{' after the value of 'switch'.";
                }
                yield condition(accepted, "switch");
            }
            case SwitchCaseContext c -> accepted.contains(Colon)
                    ? (c.Default() != null ? "Expect ':' after 'default'." : "Expect ':' after the value of 'case'.")
                    : null;
            case FunctionDeclarationContext c -> {
                if (accepted.contains(OpenParen)) {
                    yield "Expect '(' after the function name.";
                }
                if (accepted.contains(CloseParen)) {
                    yield "Expect ')' after the parameters.";
                }
                yield accepted.contains(OpenBrace) ? "Expect '{' before the body of the function." : null;
            }
            case ParameterListContext c -> accepted.contains(CloseParen) ? "Expect ')' after the parameters." : null;
            case ArrowParametersContext c -> accepted.contains(CloseParen) ? "Expect ')' after the parameters." : null;
            case BlockContext c -> accepted.contains(CloseBrace)
                    ? "Expect '}' to close the block opened at " + positions.line(c.start) + ":"
                            + positions.column(c.start) + "."
                    : null;
            case StatementContext c -> expectsStatement(accepted) ? "Expect a statement." : null;
            case UnlabeledStatementContext c -> expectsStatement(accepted) ? "Expect a statement." : null;
            case ParenthesizedContext c -> accepted.contains(CloseParen) ? "Expect ')' after the expression." : null;
            case ArrayLiteralContext c -> accepted.contains(CloseBracket)
                    ? "Expect ']' after the elements of the array." : null;
            case ObjectLiteralContext c -> accepted.contains(CloseBrace)
                    ? "Expect '}' after the properties of the object." : null;
            case PrimaryContext c -> c.start.getType() == OpenParen && c.start != offending
                    ? "Expect ')' after the expression." : null;
            case IndexOperationContext c -> accepted.contains(CloseBracket) ? "Expect ']' after the index." : null;
            case ArgumentsContext c -> accepted.contains(CloseParen) ? "Expect ')' after the arguments." : null;
            case ComputedPropertyContext c -> accepted.contains(CloseBracket)
                    ? "Expect ']' after the computed key." : "Expect ':' after the computed key.";
            case PropertyContext c -> c.start != offending || accepted.contains(Colon)
                    ? "Expect ':' after the property name." : null;
            case ExpressionContext c -> accepted.contains(Colon)
                    ? "Expect ':' after the first branch of the conditional expression." : null;
            case TemplatePartContext c -> accepted.contains(CloseBrace)
                    ? "Expect '}' after the expression in the template literal." : null;
            case TemplateLiteralContext c -> accepted.contains(TemplateClose) ? "Unterminated template literal." : null;
            case IdentifierNameContext c -> c.getParent() instanceof PropertyNameContext
                    ? "Expect a property name." : "Expect a property name after '.'.";
            case ObjectBindingContext c -> {
                if (accepted.contains(Identifier) && c.start != offending) {
                    yield "Expect a property name in the pattern.";
                }
                yield accepted.contains(CloseBrace) ? "Expect '}' to close the pattern." : null;
            }
            case ArrayBindingContext c -> accepted.contains(CloseBracket) || c.start != offending
                    ? "Expect ']' to close the pattern." : null;
            case BindingPropertyContext c -> accepted.contains(Colon)
                    ? "Expect ':' after the property name." : "Expect a property name in the pattern.";
            case BindingTargetContext c -> expectedName(c);
            case DeclarationContext c -> accepted.contains(Identifier) ? expectedName(c) : null;
            case VariableDeclaratorContext c -> accepted.contains(Identifier) ? expectedName(c) : null;
            default -> null;
        };
    }

    private static String condition(IntervalSet accepted, String keyword) {
        if (accepted.contains(OpenParen)) {
            return "Expect '(' after '" + keyword + "'.";
        }
        if (accepted.contains(CloseParen)) {
            return keyword.equals("switch")
                    ? "Expect ')' after the value of 'switch'."
                    : "Expect ')' after the condition of '" + keyword + "'.";
        }
        return null;
    }

    /** "Expect a variable name after 'let'." and its variants for patterns, parameters and catch. */
    private static String expectedName(ParserRuleContext ctx) {
            for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            switch (c) {
                case ObjectBindingContext o -> {
                    return "Expect a variable name in the pattern.";
                }
                case ArrayBindingContext a -> {
                    return "Expect a variable name in the pattern.";
                }
                case DeclarationContext d -> {
                    return "Expect a variable name after '" + d.kind.getText() + "'.";
                }
                case ForEachStatementContext f -> {
                    return f.kind == null ? "Expect a variable name after 'for ('."
                            : "Expect a variable name after '" + f.kind.getText() + "'.";
                }
                case CatchClauseContext cc -> {
                    return "Expect a variable name after 'catch ('.";
                }
                case ParameterContext p -> {
                    return "Expect a parameter name.";
                }
                default -> {
                }
            }
        }
        return "Expect a variable name.";
    }

    /** Contexts where an identifier names a variable, a parameter or a label. */
    private static boolean namesSomething(ParserRuleContext ctx) {
        return ctx instanceof BindingTargetContext || ctx instanceof DeclarationContext
                || ctx instanceof VariableDeclaratorContext || ctx instanceof BindingPropertyContext
                || ctx instanceof ParameterContext || ctx instanceof ParameterListContext
                || ctx instanceof CatchClauseContext || ctx instanceof ForEachStatementContext
                || ctx instanceof FunctionDeclarationContext || ctx instanceof ArrowParametersContext;
    }

    private static String unsupported(int type) {
        return switch (type) {
            case New -> "'new' is not supported; call 'Error(message)' and the other built-ins without it.";
            case Class -> "'class' is not supported.";
            case Import -> "'import' is not supported; a workflow is a single file.";
            case Export -> "'export' is not supported; a workflow is a single file.";
            case Function -> "Helper functions are not supported yet.";
            case Arrow -> "Arrow functions are not supported yet.";
            default -> null;
        };
    }

    private static boolean within(ParserRuleContext ctx, Class<? extends ParserRuleContext> kind) {
        for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
            if (kind.isInstance(c)) {
                return true;
            }
            if (c instanceof StatementContext) {
                return false;
            }
        }
        return false;
    }

    /** What can end an operand: after it, an assignment operator is an assignment inside an expression. */
    static boolean endsOperand(Token token) {
        if (token == null) {
            return false;
        }
        return switch (token.getType()) {
            case Identifier, DecimalNumber, HexNumber, StringLiteral, TemplateClose, CloseParen, CloseBracket,
                    True, False, Null -> true;
            default -> false;
        };
    }

    private static boolean isCompoundAssignment(int type) {
        return switch (type) {
            case PlusAssign, MinusAssign, StarAssign, SlashAssign, PercentAssign, StarStarAssign,
                    QuestionQuestionAssign, OrAssign, AndAssign -> true;
            default -> false;
        };
    }

    /** Keywords and reserved words: their type numbers come first in the lexer, from 'let' to 'export'. */
    private static boolean isWord(int type) {
        return type >= Let && type <= Export;
    }

    private static boolean expectsExpression(IntervalSet accepted) {
        return accepted.contains(Identifier) && accepted.contains(DecimalNumber) && accepted.contains(OpenParen);
    }

    private static boolean expectsStatement(IntervalSet accepted) {
        return accepted.contains(Identifier) && accepted.contains(If) && accepted.contains(Let);
    }

    private static String quote(Token token) {
        return "'" + token.getText() + "'";
    }

    private static Message missing(String text) {
        return new Message(text, true);
    }

    private static Message found(String text) {
        return new Message(text, false);
    }
}
