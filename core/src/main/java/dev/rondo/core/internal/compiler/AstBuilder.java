package dev.rondo.core.internal.compiler;

import static dev.rondo.grammar.FlowParser.*;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import dev.rondo.core.ast.Stmt.AssignOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the AST ({@link Stmt}, {@link Pattern}; expressions through {@link ExpressionBuilder}) from the
 * parse tree, with the errors that are clearer once a whole construct is known: invalid assignment
 * targets, 'var', helper and arrow functions (not supported yet), and so on.
 *
 * <p>Statements that hold a syntax error ({@code broken}) are not built, but the statements nested in them
 * are, so that their own errors are reported too.
 */
final class AstBuilder {

    private final Reporter reporter;
    private final SourcePositions positions;
    private final Set<ParserRuleContext> broken;
    private final NestingDepth depth;
    private final ExpressionBuilder expressions;
    /** Blocks made for a 'for' that declares several variables: the loop is their last statement. */
    private final Set<Stmt> loopPreludes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    AstBuilder(Reporter reporter, SourcePositions positions, Set<ParserRuleContext> broken) {
        this.reporter = reporter;
        this.positions = positions;
        this.broken = broken;
        this.depth = new NestingDepth(reporter);
        this.expressions = new ExpressionBuilder(reporter, positions, new Literals(reporter, positions), depth);
        this.expressions.arrows = this::arrow;
    }

    // ---- functions (LANGUAGE.md §8)

    private Stmt functionDeclaration(FunctionDeclarationContext ctx, Span span) {
        if (ctx.Identifier() == null) {
            reporter.at(ctx.start, "A function declaration needs a name: 'function name(…) { … }'.");
            return new Stmt.Block(span, List.of());
        }
        List<Expr.Param> params = ctx.parameterList() == null ? List.of() : parameters(ctx.parameterList());
        Expr.Function function = new Expr.Function(span, ctx.Identifier().getText(), ctx.Async() != null, false,
                params, block(ctx.block()));
        return new Stmt.FunctionDecl(span, function);
    }

    /** {@code [async] (params) => body}: an expression body is a block returning it. */
    private Expr arrow(ArrowFunctionContext ctx) {
        Span span = span(ctx);
        ArrowParametersContext parameters = ctx.arrowParameters();
        List<Expr.Param> params;
        if (parameters.Identifier() != null) {
            Token name = parameters.Identifier().getSymbol();
            Span at = positions.span(name, name);
            params = List.of(new Expr.Param(at, new Pattern.Name(at, name.getText()), null, false));
        } else {
            params = parameters.parameterList() == null ? List.of() : parameters(parameters.parameterList());
        }
        Stmt.Block body;
        depth.enter(ctx, 1, true);
        try {
            if (ctx.block() != null) {
                body = block(ctx.block());
            } else {
                Expr value = expressions.expression(ctx.expression());
                body = new Stmt.Block(value.span(), List.of(new Stmt.Return(value.span(), value)));
            }
        } finally {
            depth.exit(1);
        }
        return new Expr.Function(span, null, ctx.Async() != null, true, params, body);
    }

    private List<Expr.Param> parameters(ParameterListContext ctx) {
        List<Expr.Param> params = new ArrayList<>();
        for (ParameterContext p : ctx.parameter()) {
            Expr fallback = p.expression() == null ? null : expressions.expression(p.expression());
            params.add(new Expr.Param(span(p), pattern(p.bindingTarget()), fallback, p.Ellipsis() != null));
        }
        return params;
    }

    /**
     * The workflow body. For Rhythm compatibility a file whose only statement is {@code [async] function
     * main() { … }} is the body of {@code main}.
     */
    List<Stmt> program(ProgramContext ctx) {
        List<StatementContext> statements = ctx.statement();
        // 'async function main() { … };' has a trailing empty statement: still the Rhythm form.
        if (statements.size() > 1 && statements.stream().skip(1)
                .allMatch(st -> st.label().isEmpty() && st.unlabeledStatement() instanceof EmptyStatementContext)) {
            statements = statements.subList(0, 1);
        }
        if (statements.size() == 1 && statements.get(0).label().isEmpty()
                && statements.get(0).unlabeledStatement() instanceof FunctionDeclarationContext function
                && function.Identifier() != null && function.Identifier().getText().equals("main")
                && isComplete(function)) {
            if (function.parameterList() != null) {
                reporter.at(function.parameterList().start,
                        "The function 'main' takes no parameters; read the workflow's input from 'Inputs'.");
            }
            return statements(function.block().statement());
        }
        return statements(statements);
    }

    private List<Stmt> statements(List<StatementContext> statements) {
        List<Stmt> result = new ArrayList<>(statements.size());
        for (StatementContext statement : statements) {
            if (broken.contains(statement)) {
                salvage(statement);
                continue;
            }
            try {
                result.addAll(statement(statement));
            } catch (NestingDepth.TooDeep e) {
                // reported where the limit was crossed; the statements after this one are still built
            }
        }
        return result;
    }

    /** One statement with its labels; a declaration gives one {@link Stmt.Let} per variable. */
    private List<Stmt> statement(StatementContext ctx) {
        List<LabelContext> labels = ctx.label();
        int levels = 1 + labels.size();
        depth.enter(ctx, levels, true);
        try {
            List<Stmt> built = unlabeled(ctx.unlabeledStatement());
            if (labels.isEmpty()) {
                return built;
            }
            Stmt body = single(built, ctx.unlabeledStatement());
            List<Stmt> prelude = List.of();
            if (body instanceof Stmt.Block block && loopPreludes.contains(block)) {
                // The labels belong to the loop, not to the block that declares its first variables.
                prelude = block.body().subList(0, block.body().size() - 1);
                body = block.body().getLast();
            }
            for (int i = labels.size() - 1; i >= 0; i--) {
                Span span = positions.span(labels.get(i).start, ctx.stop);
                body = new Stmt.Labeled(span, labels.get(i).Identifier().getText(), body);
            }
            if (!prelude.isEmpty()) {
                List<Stmt> all = new ArrayList<>(prelude);
                all.add(body);
                return List.of(new Stmt.Block(span(ctx), all));
            }
            return List.of(body);
        } finally {
            depth.exit(levels);
        }
    }

    /** A statement in a place that takes exactly one (a body): a declaration there gets its own block. */
    private Stmt body(StatementContext ctx) {
        if (broken.contains(ctx)) {
            salvage(ctx);
            return new Stmt.Block(span(ctx), List.of());
        }
        return single(statement(ctx), ctx);
    }

    private Stmt single(List<Stmt> built, ParserRuleContext ctx) {
        if (built.size() == 1 && !(built.get(0) instanceof Stmt.Let)) {
            return built.get(0);
        }
        return new Stmt.Block(span(ctx), built);
    }

    private List<Stmt> unlabeled(UnlabeledStatementContext ctx) {
        Span span = span(ctx);
        return switch (ctx) {
            case BlockStatementContext s -> List.of(block(s.block()));
            case DeclarationStatementContext s -> declarations(s.declaration());
            case IfStatementContext s -> List.of(new Stmt.If(span, expressions.expression(s.expression()),
                    body(s.statement(0)), s.statement().size() > 1 ? body(s.statement(1)) : null));
            case WhileStatementContext s -> List.of(new Stmt.While(span, expressions.expression(s.expression()),
                    body(s.statement())));
            case DoWhileStatementContext s -> List.of(new Stmt.DoWhile(span, body(s.statement()),
                    expressions.expression(s.expression())));
            case ForStatementContext s -> List.of(forLoop(s, span));
            case ForEachStatementContext s -> List.of(forEach(s, span));
            case BreakStatementContext s -> List.of(new Stmt.Break(span, text(s.Identifier())));
            case ContinueStatementContext s -> List.of(new Stmt.Continue(span, text(s.Identifier())));
            case ReturnStatementContext s -> List.of(new Stmt.Return(span,
                    s.expression() == null ? null : expressions.expression(s.expression())));
            case ThrowStatementContext s -> List.of(new Stmt.Throw(span, expressions.expression(s.expression())));
            case TryStatementContext s -> List.of(tryStatement(s, span));
            case SwitchStatementContext s -> List.of(switchStatement(s, span));
            case FunctionDeclarationContext s -> List.of(functionDeclaration(s, span));
            case EmptyStatementContext s -> List.of();
            case SimpleStatementLineContext s -> List.of(simple(s.simpleStatement(), span));
            default -> throw new IllegalStateException("unexpected statement " + ctx.getClass().getSimpleName());
        };
    }

    private Stmt.Block block(BlockContext ctx) {
        return new Stmt.Block(span(ctx), statements(ctx.statement()));
    }

    private List<Stmt> declarations(DeclarationContext ctx) {
        Token kind = ctx.kind;
        boolean constant = kind.getType() == Const;
        if (kind.getType() == Var) {
            reporter.at(kind, "'var' is not supported; use 'let' or 'const'.");
        }
        List<Stmt> result = new ArrayList<>();
        for (VariableDeclaratorContext declarator : ctx.variableDeclarator()) {
            Pattern target = pattern(declarator.bindingTarget());
            Expr init = null;
            if (declarator.expression() != null) {
                init = expressions.expression(declarator.expression());
            } else if (!(target instanceof Pattern.Name name)) {
                reporter.at(declarator.start, "A destructuring declaration needs a value: write '"
                        + kind.getText() + " " + declarator.getText() + " = …'.");
            } else if (constant) {
                reporter.at(declarator.start, "A 'const' needs a value: write 'const " + name.name() + " = …'.");
            }
            Token first = result.isEmpty() ? kind : declarator.start;
            result.add(new Stmt.Let(positions.span(first, declarator.stop), constant, target, init));
        }
        return result;
    }

    private Stmt forLoop(ForStatementContext ctx, Span span) {
        Stmt init = null;
        ForInitContext forInit = ctx.forInit();
        if (forInit != null && forInit.declaration() != null) {
            List<Stmt> lets = declarations(forInit.declaration());
            if (lets.size() > 1) {
                // for (let i = 0, j = n; …): the first variables are declared in a block around the loop,
                // which is the same thing here, since an arrow copies the variables it sees anyway.
                Expr test = ctx.test == null ? null : expressions.expression(ctx.test);
                Stmt update = ctx.forUpdate() == null ? null
                        : simpleStatements(ctx.forUpdate().simpleStatement(), ctx.forUpdate());
                List<Stmt> block = new ArrayList<>(lets.subList(0, lets.size() - 1));
                block.add(new Stmt.For(span, lets.getLast(), test, update, body(ctx.statement())));
                Stmt.Block wrapped = new Stmt.Block(span, block);
                loopPreludes.add(wrapped);
                return wrapped;
            }
            init = lets.get(0);
        } else if (forInit != null) {
            init = simpleStatements(forInit.simpleStatement(), forInit);
        }
        Expr test = ctx.test == null ? null : expressions.expression(ctx.test);
        Stmt update = ctx.forUpdate() == null ? null : simpleStatements(ctx.forUpdate().simpleStatement(), ctx.forUpdate());
        return new Stmt.For(span, init, test, update, body(ctx.statement()));
    }

    private Stmt simpleStatements(List<SimpleStatementContext> list, ParserRuleContext whole) {
        List<Stmt> built = new ArrayList<>(list.size());
        for (SimpleStatementContext simple : list) {
            built.add(simple(simple, span(simple)));
        }
        return built.size() == 1 ? built.get(0) : new Stmt.Block(span(whole), built);
    }

    private Stmt forEach(ForEachStatementContext ctx, Span span) {
        if (ctx.kind == null) {
            reporter.at(ctx.bindingTarget().start, "Expect 'let' or 'const' before the loop variable.");
        } else if (ctx.kind.getType() == Var) {
            reporter.at(ctx.kind, "'var' is not supported; use 'let' or 'const'.");
        }
        boolean constant = ctx.kind != null && ctx.kind.getType() == Const;
        return new Stmt.ForEach(span, ctx.In() != null, constant, pattern(ctx.bindingTarget()),
                expressions.expression(ctx.expression()), body(ctx.statement()));
    }

    private Stmt tryStatement(TryStatementContext ctx, Span span) {
        Stmt.Block body = block(ctx.block());
        Pattern param = null;
        Stmt.Block handler = null;
        if (ctx.catchClause() != null) {
            CatchClauseContext clause = ctx.catchClause();
            param = clause.bindingTarget() == null ? null : pattern(clause.bindingTarget());
            handler = block(clause.block());
        }
        Stmt.Block finalizer = ctx.finallyClause() == null ? null : block(ctx.finallyClause().block());
        return new Stmt.Try(span, body, param, handler, finalizer);
    }

    private Stmt switchStatement(SwitchStatementContext ctx, Span span) {
        Expr discriminant = expressions.expression(ctx.expression());
        List<Stmt.Case> cases = new ArrayList<>();
        boolean seenDefault = false;
        for (SwitchCaseContext clause : ctx.switchCase()) {
            if (clause.Default() != null) {
                if (seenDefault) {
                    reporter.at(clause.start, "A 'switch' can have only one 'default'.");
                }
                seenDefault = true;
            }
            Expr test = clause.expression() == null ? null : expressions.expression(clause.expression());
            cases.add(new Stmt.Case(span(clause), test, statements(clause.statement())));
        }
        return new Stmt.Switch(span, discriminant, cases);
    }

    /** An expression statement, an assignment, or an update ({@code x++} is {@code x += 1}). */
    private Stmt simple(SimpleStatementContext ctx, Span span) {
        switch (ctx) {
            case PrefixUpdateContext p -> {
                Expr target = assignable(expressions.unary(p.unary()));
                return update(span, p.op, target);
            }
            case ExpressionOrAssignmentContext e -> {
                Expr left = expressions.expression(e.expression(0));
                if (e.assignmentOperator() != null) {
                    Expr target = assignable(left);
                    return new Stmt.Assign(span, target, assignOp(e.assignmentOperator().start),
                            expressions.expression(e.expression(1)));
                }
                if (e.op != null) {
                    return update(span, e.op, assignable(left));
                }
                return new Stmt.ExprStmt(span, left);
            }
            default -> throw new IllegalStateException("unexpected statement " + ctx.getClass().getSimpleName());
        }
    }

    private Stmt update(Span span, Token op, Expr target) {
        boolean increment = op.getType() == PlusPlus || op.getType() == LineStartPlusPlus;
        Expr one = new Expr.Literal(positions.span(op, op), 1.0);
        return new Stmt.Assign(span, target, increment ? AssignOp.ADD : AssignOp.SUBTRACT, one);
    }

    /** A variable, or a property or index chain rooted at one: {@code x}, {@code o.k}, {@code a[i].k}. */
    private Expr assignable(Expr target) {
        Expr root = target;
        while (true) {
            if (root instanceof Expr.Member m && !m.optional()) {
                root = m.object();
            } else if (root instanceof Expr.Index x && !x.optional()) {
                root = x.object();
            } else {
                break;
            }
        }
        if (!(root instanceof Expr.Identifier)) {
            reporter.at(target.span(), "Invalid assignment target.");
        }
        return target;
    }

    private static AssignOp assignOp(Token token) {
        return switch (token.getType()) {
            case Assign -> AssignOp.ASSIGN;
            case PlusAssign -> AssignOp.ADD;
            case MinusAssign -> AssignOp.SUBTRACT;
            case StarAssign -> AssignOp.MULTIPLY;
            case SlashAssign -> AssignOp.DIVIDE;
            case PercentAssign -> AssignOp.REMAINDER;
            case StarStarAssign -> AssignOp.POWER;
            case QuestionQuestionAssign -> AssignOp.COALESCE;
            case OrAssign -> AssignOp.OR;
            default -> AssignOp.AND;
        };
    }

    private Pattern pattern(BindingTargetContext ctx) {
        depth.enter(ctx, 1, false);
        try {
            return switch (ctx) {
                case NameBindingContext n -> new Pattern.Name(span(n), n.getText());
                case ObjectBindingContext o -> new Pattern.ObjectPattern(span(o), propertyTargets(o.bindingProperty()));
                case ArrayBindingContext a -> new Pattern.ArrayPattern(span(a), elements(a));
                default -> throw new IllegalStateException("unexpected pattern " + ctx.getClass().getSimpleName());
            };
        } finally {
            depth.exit(1);
        }
    }

    private List<Pattern.PropTarget> propertyTargets(List<BindingPropertyContext> properties) {
        List<Pattern.PropTarget> result = new ArrayList<>(properties.size());
        for (BindingPropertyContext property : properties) {
            Span span = span(property);
            switch (property) {
                case RenamedBindingPropertyContext p -> result.add(new Pattern.PropTarget(span,
                        expressions.propertyName(p.propertyName()), pattern(p.bindingTarget()), defaultValue(p.expression())));
                case ShorthandBindingPropertyContext p -> {
                    String name = p.Identifier().getText();
                    Span nameSpan = positions.span(p.Identifier().getSymbol(), p.Identifier().getSymbol());
                    result.add(new Pattern.PropTarget(span, name, new Pattern.Name(nameSpan, name),
                            defaultValue(p.expression())));
                }
                case ComputedBindingPropertyContext p ->
                        reporter.at(p.start, "Computed keys are not supported in destructuring patterns.");
                case RestBindingPropertyContext p ->
                        reporter.at(p.start, "Rest patterns ('...name') are not supported.");
                default -> throw new IllegalStateException("unexpected property " + property.getClass().getSimpleName());
            }
        }
        return result;
    }

    /** {@code [a, , c = 1]}: each comma closes an element, which is a hole when nothing stands before it. */
    private List<Pattern.Element> elements(ArrayBindingContext ctx) {
        List<Pattern.Element> result = new ArrayList<>();
        boolean element = false;
        for (int i = 1; i < ctx.getChildCount() - 1; i++) {
            ParseTree child = ctx.getChild(i);
            if (child instanceof BindingElementContext e) {
                if (e.Ellipsis() != null) {
                    reporter.at(e.start, "Rest patterns ('...name') are not supported.");
                }
                result.add(new Pattern.Element(span(e), pattern(e.bindingTarget()), defaultValue(e.expression())));
                element = true;
            } else {
                if (!element) {
                    result.add(null);
                }
                element = false;
            }
        }
        return result;
    }

    private Expr defaultValue(ExpressionContext ctx) {
        return ctx == null ? null : expressions.expression(ctx);
    }

    /**
     * Builds what can still be built inside a statement that has a syntax error, for the errors of its
     * nested statements; the result is dropped. Expressions are not entered: they hold no statements.
     */
    private void salvage(ParserRuleContext ctx) {
        for (int i = 0; i < ctx.getChildCount(); i++) {
            ParseTree child = ctx.getChild(i);
            if (child instanceof StatementContext statement) {
                if (broken.contains(statement)) {
                    salvage(statement);
                } else {
                    try {
                        statement(statement);
                    } catch (NestingDepth.TooDeep e) {
                        // reported
                    }
                }
            } else if (child instanceof UnlabeledStatementContext || child instanceof BlockContext
                    || child instanceof CatchClauseContext || child instanceof FinallyClauseContext
                    || child instanceof SwitchCaseContext) {
                salvage((ParserRuleContext) child);
            }
        }
    }

    /** True when the rule parsed without recovering inside its own tokens (no missing or extra token). */
    private boolean isComplete(ParserRuleContext ctx) {
        if (ctx.exception != null) {
            return false;
        }
        for (int i = 0; i < ctx.getChildCount(); i++) {
            if (ctx.getChild(i) instanceof ErrorNode) {
                return false;
            }
        }
        return true;
    }

    private static String text(TerminalNode node) {
        return node == null ? null : node.getText();
    }

    private Span span(ParserRuleContext ctx) {
        return positions.span(ctx.start, ctx.stop);
    }
}
