package dev.rondo.core.internal.compiler;

import static dev.rondo.grammar.FlowParser.*;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Expr.BinaryOp;
import dev.rondo.core.ast.Expr.LogicalOp;
import dev.rondo.core.ast.Expr.UnaryOp;
import dev.rondo.core.ast.Span;
import dev.rondo.core.value.Numbers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Builds {@link Expr} nodes from expression parse trees. The grammar parses operator chains flat; here
 * they get their shape: binary operators by precedence ('**' to the right), conditionals to the right,
 * and a postfix chain containing '?.' is wrapped once, at its end, in {@link Expr.OptionalChain}. The
 * errors about parentheses JavaScript requires ('??' mixed with '||', a unary left of '**') are found here.
 */
final class ExpressionBuilder {

    private final Reporter reporter;
    private final SourcePositions positions;
    private final Literals literals;
    private final NestingDepth depth;
    /** Builds arrow functions, whose bodies are statements (set by {@link AstBuilder}). */
    java.util.function.Function<ArrowFunctionContext, Expr> arrows;

    ExpressionBuilder(Reporter reporter, SourcePositions positions, Literals literals, NestingDepth depth) {
        this.reporter = reporter;
        this.positions = positions;
        this.literals = literals;
        this.depth = depth;
    }

    /** {@code a ? b : c ? d : e}, parsed flat, nested to the right here. */
    Expr expression(ExpressionContext ctx) {
        List<BinaryContext> parts = ctx.binary();
        List<ExpressionContext> branches = ctx.expression();
        if (branches.isEmpty()) {
            return binary(parts.get(0));
        }
        int count = branches.size();
        depth.enter(ctx, count, false);
        try {
            BinaryContext last = parts.get(count);
            Expr otherwise = binary(last);
            for (int i = count - 1; i >= 0; i--) {
                Expr test = binary(parts.get(i));
                Expr then = expression(branches.get(i));
                otherwise = new Expr.Conditional(span(parts.get(i).start, last.stop), test, then, otherwise);
            }
            return otherwise;
        } finally {
            depth.exit(count);
        }
    }

    /** An operand of a binary chain while the chain is grouped. */
    private record Operand(Expr expr, Token start, Token stop, Kind kind) {}

    /** What the rules about parentheses need to know of an operand. */
    private enum Kind { PLAIN, PREFIX, AND_OR }

    /**
     * {@code a + b * c - d}: operands and operators in a flat list, grouped by precedence with two stacks
     * (no recursion, however long the chain). '**' groups to the right, the others to the left.
     */
    private Expr binary(BinaryContext ctx) {
        List<UnaryContext> unaries = ctx.unary();
        if (unaries.size() == 1) {
            UnaryContext only = unaries.get(0);
            // the common case, and one frame less per level of nesting: a plain operand
            return only.prefixOperator() == null ? postfix(only.postfix()) : unary(only);
        }
        List<BinaryOperatorContext> operators = ctx.binaryOperator();
        depth.enter(ctx, operators.size(), false);
        try {
            Deque<Operand> operands = new ArrayDeque<>();
            Deque<Token> pending = new ArrayDeque<>();
            operands.push(operand(unaries.get(0)));
            for (int i = 0; i < operators.size(); i++) {
                Token op = operators.get(i).start;
                int precedence = precedence(op.getType());
                while (!pending.isEmpty() && groupsFirst(pending.peek().getType(), precedence, op.getType())) {
                    reduce(operands, pending.pop());
                }
                pending.push(op);
                operands.push(operand(unaries.get(i + 1)));
            }
            while (!pending.isEmpty()) {
                reduce(operands, pending.pop());
            }
            return operands.pop().expr();
        } finally {
            depth.exit(operators.size());
        }
    }

    private Operand operand(UnaryContext ctx) {
        return new Operand(unary(ctx), ctx.start, ctx.stop, ctx.prefixOperator() != null ? Kind.PREFIX : Kind.PLAIN);
    }

    /** Whether the operator on the stack applies before the incoming one. */
    private static boolean groupsFirst(int stacked, int incomingPrecedence, int incoming) {
        int stackedPrecedence = precedence(stacked);
        if (stackedPrecedence != incomingPrecedence) {
            return stackedPrecedence > incomingPrecedence;
        }
        return incoming != StarStar;
    }

    /** LANGUAGE.md §4, loosest first: ?? || && equality relational additive multiplicative **. */
    private static int precedence(int type) {
        return switch (type) {
            case QuestionQuestion -> 1;
            case OrOr -> 2;
            case AndAnd -> 3;
            case Equal, NotEqual, StrictEqual, StrictNotEqual -> 4;
            case Less, LessEqual, Greater, GreaterEqual -> 5;
            case Plus, Minus -> 6;
            case Star, Slash, Percent -> 7;
            default -> 8;
        };
    }

    private void reduce(Deque<Operand> operands, Token op) {
        Operand right = operands.pop();
        Operand left = operands.pop();
        Span span = span(left.start(), right.stop());
        Kind kind = Kind.PLAIN;
        Expr expr = switch (op.getType()) {
            case AndAnd -> {
                kind = Kind.AND_OR;
                yield new Expr.Logical(span, LogicalOp.AND, left.expr(), right.expr());
            }
            case OrOr -> {
                kind = Kind.AND_OR;
                yield new Expr.Logical(span, LogicalOp.OR, left.expr(), right.expr());
            }
            case QuestionQuestion -> {
                if (left.kind() == Kind.AND_OR || right.kind() == Kind.AND_OR) {
                    reporter.at(op, "Cannot mix '??' with '||' or '&&' without parentheses.");
                }
                yield new Expr.Logical(span, LogicalOp.COALESCE, left.expr(), right.expr());
            }
            case StarStar -> {
                if (left.kind() == Kind.PREFIX) {
                    String unary = left.start().getText();
                    String gap = unary.length() > 1 ? " " : "";
                    reporter.at(left.start(), "A unary '" + unary + "' on the left of '**' needs parentheses: write '("
                            + unary + gap + "a) ** b' or '" + unary + gap + "(a ** b)'.");
                }
                yield new Expr.Binary(span, BinaryOp.POWER, left.expr(), right.expr());
            }
            default -> new Expr.Binary(span, binaryOp(op.getType()), left.expr(), right.expr());
        };
        operands.push(new Operand(expr, left.start(), right.stop(), kind));
    }

    private static BinaryOp binaryOp(int type) {
        return switch (type) {
            case Star -> BinaryOp.MULTIPLY;
            case Slash -> BinaryOp.DIVIDE;
            case Percent -> BinaryOp.REMAINDER;
            case Plus -> BinaryOp.ADD;
            case Minus -> BinaryOp.SUBTRACT;
            case Less -> BinaryOp.LESS;
            case LessEqual -> BinaryOp.LESS_EQUAL;
            case Greater -> BinaryOp.GREATER;
            case GreaterEqual -> BinaryOp.GREATER_EQUAL;
            case Equal -> BinaryOp.EQUAL;
            case NotEqual -> BinaryOp.NOT_EQUAL;
            case StrictEqual -> BinaryOp.STRICT_EQUAL;
            default -> BinaryOp.STRICT_NOT_EQUAL;
        };
    }

    Expr unary(UnaryContext ctx) {
        if (ctx.prefixOperator() == null) {
            return postfix(ctx.postfix());
        }
        depth.enter(ctx, 1, false);
        try {
            Expr operand = unary(ctx.unary());
            Span span = span(ctx);
            return switch (ctx.prefixOperator().start.getType()) {
                case Await -> new Expr.Await(span, operand);
                case Not -> new Expr.Unary(span, UnaryOp.NOT, operand);
                case Minus -> new Expr.Unary(span, UnaryOp.NEGATE, operand);
                case Plus -> new Expr.Unary(span, UnaryOp.PLUS, operand);
                default -> new Expr.Unary(span, UnaryOp.TYPEOF, operand);
            };
        } finally {
            depth.exit(1);
        }
    }

    /** {@code a.b(c)?.[d]}: a primary and its postfix operations, wrapped once when a link is optional. */
    private Expr postfix(PostfixContext ctx) {
        Expr current = primary(ctx.primary());
        List<PostfixOperationContext> operations = ctx.postfixOperation();
        if (operations.isEmpty()) {
            return current;
        }
        depth.enter(ctx, operations.size(), false);
        try {
            boolean optional = false;
            for (PostfixOperationContext operation : operations) {
                Span span = span(ctx.start, operation.stop);
                current = switch (operation) {
                    case MemberOperationContext m -> new Expr.Member(span, current, m.identifierName().getText(), false);
                    case OptionalMemberOperationContext m -> new Expr.Member(span, current, m.identifierName().getText(), true);
                    case IndexOperationContext x -> new Expr.Index(span, current, expression(x.expression()), x.QuestionDot() != null);
                    case CallOperationContext c -> new Expr.Call(span, current, arguments(c.arguments()), c.QuestionDot() != null);
                    case TaggedTemplateOperationContext t -> {
                        reporter.at(t.start, "Tagged templates are not supported.");
                        yield current;
                    }
                    default -> throw new IllegalStateException("unexpected operation " + operation.getClass().getSimpleName());
                };
                optional |= operation instanceof OptionalMemberOperationContext
                        || operation instanceof IndexOperationContext x && x.QuestionDot() != null
                        || operation instanceof CallOperationContext c && c.QuestionDot() != null;
            }
            return optional ? new Expr.OptionalChain(span(ctx), current) : current;
        } finally {
            depth.exit(operations.size());
        }
    }

    private Expr primary(PrimaryContext ctx) {
        return switch (ctx) {
            case ParenthesizedContext p -> expression(p.expression());
            case LiteralPrimaryContext l -> literal(l.literal());
            case IdentifierPrimaryContext i -> new Expr.Identifier(span(i), i.getText());
            case ArrayLiteralContext a -> {
                depth.enter(a, 1, false);
                try {
                    yield new Expr.ArrayLit(span(a), elements(a.arrayElement()));
                } finally {
                    depth.exit(1);
                }
            }
            case ObjectLiteralContext o -> {
                depth.enter(o, 1, false);
                try {
                    yield new Expr.ObjectLit(span(o), properties(o.property()));
                } finally {
                    depth.exit(1);
                }
            }
            case TemplatePrimaryContext t -> template(t.templateLiteral());
            case ArrowFunctionContext a -> arrows.apply(a);
            default -> throw new IllegalStateException("unexpected primary " + ctx.getClass().getSimpleName());
        };
    }

    private Expr literal(LiteralContext ctx) {
        Token token = ctx.start;
        Span span = span(ctx);
        return switch (token.getType()) {
            case Null -> new Expr.Literal(span, null);
            case True -> new Expr.Literal(span, Boolean.TRUE);
            case False -> new Expr.Literal(span, Boolean.FALSE);
            case StringLiteral -> new Expr.Literal(span, literals.string(token));
            default -> new Expr.Literal(span, literals.number(token));
        };
    }

    private List<Expr> elements(List<ArrayElementContext> elements) {
        List<Expr> result = new ArrayList<>(elements.size());
        for (ArrayElementContext element : elements) {
            Expr value = expression(element.expression());
            result.add(element.Ellipsis() != null ? new Expr.Spread(span(element), value) : value);
        }
        return result;
    }

    private List<Expr> arguments(ArgumentsContext ctx) {
        List<Expr> result = new ArrayList<>(ctx.argument().size());
        for (ArgumentContext argument : ctx.argument()) {
            Expr value = expression(argument.expression());
            result.add(argument.Ellipsis() != null ? new Expr.Spread(span(argument), value) : value);
        }
        return result;
    }

    private List<Expr.Prop> properties(List<PropertyContext> properties) {
        List<Expr.Prop> result = new ArrayList<>(properties.size());
        for (PropertyContext property : properties) {
            Span span = span(property);
            result.add(switch (property) {
                case KeyValuePropertyContext p -> new Expr.KeyProp(span, propertyName(p.propertyName()), expression(p.expression()));
                case ComputedPropertyContext p -> new Expr.ComputedProp(span, expression(p.expression(0)), expression(p.expression(1)));
                case SpreadPropertyContext p -> new Expr.SpreadProp(span, expression(p.expression()));
                case ShorthandPropertyContext p -> new Expr.KeyProp(span, p.getText(), new Expr.Identifier(span, p.getText()));
                default -> throw new IllegalStateException("unexpected property " + property.getClass().getSimpleName());
            });
        }
        return result;
    }

    /** The key of an object literal or pattern: a name, a quoted string or a number ({@code 1.0} is "1"). */
    String propertyName(PropertyNameContext ctx) {
        Token token = ctx.start;
        return switch (token.getType()) {
            case StringLiteral -> literals.string(token);
            case DecimalNumber, HexNumber -> Numbers.toString(literals.number(token));
            default -> token.getText();
        };
    }

    private Expr template(TemplateLiteralContext ctx) {
        List<String> strings = new ArrayList<>();
        List<Expr> exprs = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        depth.enter(ctx, 1, false);
        try {
            for (TemplatePartContext part : ctx.templatePart()) {
                if (part.TemplateText() != null) {
                    piece.append(literals.templateText(part.TemplateText().getSymbol()));
                } else {
                    strings.add(piece.toString());
                    piece.setLength(0);
                    exprs.add(expression(part.expression()));
                }
            }
        } finally {
            depth.exit(1);
        }
        strings.add(piece.toString());
        return new Expr.Template(span(ctx), strings, exprs);
    }

    Span span(ParserRuleContext ctx) {
        return positions.span(ctx.start, ctx.stop);
    }

    private Span span(Token first, Token last) {
        return positions.span(first, last);
    }
}
