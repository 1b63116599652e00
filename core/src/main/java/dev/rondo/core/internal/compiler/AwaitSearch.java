package dev.rondo.core.internal.compiler;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Node;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Stmt;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers "does this subtree contain an {@code await}?". Lowering asks it about the same subtrees again and
 * again on its way down, so answers are remembered per node instance.
 */
final class AwaitSearch {

    private final Map<Node, Boolean> known = new IdentityHashMap<>();

    boolean in(Stmt statement) {
        return statement != null && remembered(statement);
    }

    boolean in(Expr expr) {
        return expr != null && remembered(expr);
    }

    boolean in(Pattern pattern) {
        return pattern != null && remembered(pattern);
    }

    boolean inAny(List<? extends Node> nodes) {
        for (Node node : nodes) {
            if (node != null && remembered(node)) {
                return true;
            }
        }
        return false;
    }

    private boolean remembered(Node node) {
        Boolean answer = known.get(node);
        if (answer == null) {
            answer = search(node);
            known.put(node, answer);
        }
        return answer;
    }

    private boolean search(Node node) {
        return switch (node) {
            case Expr.Await e -> true;
            // A function's awaits suspend the function, not the code that creates it.
            case Expr.Function e -> false;
            case Stmt.FunctionDecl s -> false;
            case Expr.Literal e -> false;
            case Expr.Identifier e -> false;
            case Expr.Template e -> inAny(e.exprs());
            case Expr.ArrayLit e -> inAny(e.elements());
            case Expr.ObjectLit e -> inAny(e.props());
            case Expr.Spread e -> in(e.value());
            case Expr.Unary e -> in(e.operand());
            case Expr.Binary e -> in(e.left()) || in(e.right());
            case Expr.Logical e -> in(e.left()) || in(e.right());
            case Expr.Conditional e -> in(e.test()) || in(e.then()) || in(e.otherwise());
            case Expr.Member e -> in(e.object());
            case Expr.Index e -> in(e.object()) || in(e.index());
            case Expr.Call e -> in(e.callee()) || inAny(e.args());
            case Expr.OptionalChain e -> in(e.chain());
            case Expr.KeyProp p -> in(p.value());
            case Expr.ComputedProp p -> in(p.key()) || in(p.value());
            case Expr.SpreadProp p -> in(p.value());
            case Pattern.Name p -> false;
            case Pattern.ObjectPattern p -> p.props().stream().anyMatch(t -> in(t.defaultValue()) || in(t.target()));
            case Pattern.ArrayPattern p -> p.elements().stream()
                    .anyMatch(el -> el != null && (in(el.defaultValue()) || in(el.target())));
            case Stmt.ExprStmt s -> in(s.expr());
            case Stmt.Let s -> in(s.target()) || in(s.init());
            case Stmt.Assign s -> in(s.target()) || in(s.value());
            case Stmt.Block s -> inAny(s.body());
            case Stmt.If s -> in(s.test()) || in(s.then()) || in(s.otherwise());
            case Stmt.While s -> in(s.test()) || in(s.body());
            case Stmt.DoWhile s -> in(s.body()) || in(s.test());
            case Stmt.For s -> in(s.init()) || in(s.test()) || in(s.update()) || in(s.body());
            case Stmt.ForEach s -> in(s.target()) || in(s.iterable()) || in(s.body());
            case Stmt.Labeled s -> in(s.body());
            case Stmt.Break s -> false;
            case Stmt.Continue s -> false;
            case Stmt.Return s -> in(s.value());
            case Stmt.Throw s -> in(s.value());
            case Stmt.Try s -> in(s.body()) || in(s.param()) || in(s.handler()) || in(s.finalizer());
            case Stmt.Switch s -> in(s.discriminant()) || inAny(s.cases());
            case Stmt.Case c -> in(c.test()) || inAny(c.body());
            case Stmt.AwaitStmt s -> in(s.operand());
        };
    }
}
