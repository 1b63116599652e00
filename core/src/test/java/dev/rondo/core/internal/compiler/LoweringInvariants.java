package dev.rondo.core.internal.compiler;

import static org.junit.jupiter.api.Assertions.fail;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Stmt;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what the interpreter relies on after lowering, over a whole lowered program: no {@link Expr.Await}
 * anywhere; every temporary read after its {@code let} in the same or an enclosing block; every
 * {@link Stmt.AwaitStmt} storing into a name a {@code let} declared before it in the same or an enclosing
 * block; every temporary declared once in the program.
 */
final class LoweringInvariants {

    /** Per scope, the names bound so far and whether a 'let' bound them (else a loop or catch variable). */
    private final ArrayDeque<Map<String, Boolean>> scopes = new ArrayDeque<>();
    private final Set<String> temporaries = new HashSet<>();
    private final String program;

    private LoweringInvariants(String program) {
        this.program = program;
    }

    static void check(List<Stmt> lowered) {
        LoweringInvariants walk = new LoweringInvariants(AstText.print(lowered));
        walk.scope(lowered);
    }

    private void scope(List<Stmt> body) {
        scopes.push(new HashMap<>());
        body.forEach(this::statement);
        scopes.pop();
    }

    private void nested(Stmt statement) {
        scopes.push(new HashMap<>());
        statement(statement);
        scopes.pop();
    }

    private void statement(Stmt statement) {
        switch (statement) {
            case Stmt.FunctionDecl s -> { }
            case Stmt.ExprStmt s -> expr(s.expr());
            case Stmt.Let s -> {
                if (s.init() != null) {
                    expr(s.init());
                }
                pattern(s.target());
                Scopes.names(s.target(), name -> {
                    if (name.name().startsWith("%") && !temporaries.add(name.name())) {
                        fail("Temporary " + name.name() + " is declared twice in:\n" + program);
                    }
                    scopes.peek().put(name.name(), true);
                });
            }
            case Stmt.Assign s -> {
                expr(s.target());
                expr(s.value());
            }
            case Stmt.Block s -> scope(s.body());
            case Stmt.If s -> {
                expr(s.test());
                nested(s.then());
                if (s.otherwise() != null) {
                    nested(s.otherwise());
                }
            }
            case Stmt.While s -> {
                expr(s.test());
                nested(s.body());
            }
            case Stmt.DoWhile s -> {
                nested(s.body());
                expr(s.test());
            }
            case Stmt.For s -> {
                scopes.push(new HashMap<>());
                if (s.init() != null) {
                    statement(s.init());
                }
                if (s.test() != null) {
                    expr(s.test());
                }
                if (s.update() != null) {
                    nested(s.update());
                }
                nested(s.body());
                scopes.pop();
            }
            case Stmt.ForEach s -> {
                expr(s.iterable());
                scopes.push(new HashMap<>());
                pattern(s.target());
                bindOther(s.target());
                nested(s.body());
                scopes.pop();
            }
            case Stmt.Labeled s -> statement(s.body());
            case Stmt.Break s -> { }
            case Stmt.Continue s -> { }
            case Stmt.Return s -> {
                if (s.value() != null) {
                    expr(s.value());
                }
            }
            case Stmt.Throw s -> expr(s.value());
            case Stmt.Try s -> {
                scope(s.body().body());
                if (s.handler() != null) {
                    scopes.push(new HashMap<>());
                    if (s.param() != null) {
                        pattern(s.param());
                        bindOther(s.param());
                    }
                    scope(s.handler().body());
                    scopes.pop();
                }
                if (s.finalizer() != null) {
                    scope(s.finalizer().body());
                }
            }
            case Stmt.Switch s -> {
                expr(s.discriminant());
                scopes.push(new HashMap<>());
                for (Stmt.Case c : s.cases()) {
                    if (c.test() != null) {
                        expr(c.test());
                    }
                    c.body().forEach(this::statement);
                }
                scopes.pop();
            }
            case Stmt.AwaitStmt s -> {
                expr(s.operand());
                if (s.target() != null && !declaredByLet(s.target())) {
                    fail("Await stores into " + s.target() + ", which no visible 'let' declares, in:\n" + program);
                }
            }
        }
    }

    private void pattern(Pattern pattern) {
        switch (pattern) {
            case Pattern.Name p -> { }
            case Pattern.ObjectPattern p -> p.props().forEach(t -> {
                if (t.defaultValue() != null) {
                    expr(t.defaultValue());
                }
                pattern(t.target());
            });
            case Pattern.ArrayPattern p -> p.elements().forEach(e -> {
                if (e != null) {
                    if (e.defaultValue() != null) {
                        expr(e.defaultValue());
                    }
                    pattern(e.target());
                }
            });
        }
    }

    private void expr(Expr expr) {
        switch (expr) {
            case Expr.Await e -> fail("An await is left inside an expression in:\n" + program);
            case Expr.Function e -> { } // its body is lowered when linked, as its own
            case Expr.Identifier e -> {
                if (e.name().startsWith("%") && !visible(e.name())) {
                    fail("Temporary " + e.name() + " is read where it is not declared, in:\n" + program);
                }
            }
            case Expr.Literal e -> { }
            case Expr.Template e -> e.exprs().forEach(this::expr);
            case Expr.ArrayLit e -> e.elements().forEach(this::expr);
            case Expr.ObjectLit e -> e.props().forEach(p -> {
                switch (p) {
                    case Expr.KeyProp k -> expr(k.value());
                    case Expr.ComputedProp c -> {
                        expr(c.key());
                        expr(c.value());
                    }
                    case Expr.SpreadProp s -> expr(s.value());
                }
            });
            case Expr.Spread e -> expr(e.value());
            case Expr.Unary e -> expr(e.operand());
            case Expr.Binary e -> {
                expr(e.left());
                expr(e.right());
            }
            case Expr.Logical e -> {
                expr(e.left());
                expr(e.right());
            }
            case Expr.Conditional e -> {
                expr(e.test());
                expr(e.then());
                expr(e.otherwise());
            }
            case Expr.Member e -> expr(e.object());
            case Expr.Index e -> {
                expr(e.object());
                expr(e.index());
            }
            case Expr.Call e -> {
                expr(e.callee());
                e.args().forEach(this::expr);
            }
            case Expr.OptionalChain e -> expr(e.chain());
        }
    }

    /** A loop or catch variable is not a 'let': an await may not store into it. */
    private void bindOther(Pattern pattern) {
        Scopes.names(pattern, name -> scopes.peek().put(name.name(), false));
    }

    private boolean visible(String name) {
        return scopes.stream().anyMatch(scope -> scope.containsKey(name));
    }

    private boolean declaredByLet(String name) {
        for (Map<String, Boolean> scope : scopes) {
            Boolean byLet = scope.get(name);
            if (byLet != null) {
                return byLet;
            }
        }
        return false;
    }
}
