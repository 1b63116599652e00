package dev.rondo.core.internal.upgrade;

import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an await that has no counterpart would stand in the new version, for the refusal's
 * {@code file:line:col}: right after the nearest statement before it (in its block, then in the blocks around
 * it) that the new version has exactly once, found by the statement's text rather than its line.
 */
final class Anchors {

    private Anchors() {}

    /** Where the await would be in the new version: after the nearest statement before it that the new version has once. */
    static Span wouldBe(List<Level> levels, Bodies.Body now) {
        Map<String, List<Object[]>> index = new HashMap<>();
        indexStatements(now.statements, index);
        for (int li = levels.size() - 1; li >= 0; li--) {
            Level l = levels.get(li);
            if (l.list() == null) {
                continue;
            }
            for (int j = l.pc() - 1; j >= 0; j--) {
                List<Object[]> found = index.get(fingerprint(l.list().get(j)));
                if (found != null && found.size() == 1) {
                    @SuppressWarnings("unchecked")
                    List<Stmt> list = (List<Stmt>) found.getFirst()[0];
                    int at = (Integer) found.getFirst()[1];
                    if (at + 1 < list.size()) {
                        return list.get(at + 1).span();
                    }
                    Span end = list.get(at).span();
                    return new Span(end.endLine(), end.endColumn(), end.endLine(), end.endColumn());
                }
            }
        }
        if (now.function != null) {
            return now.function.span();
        }
        return now.statements.isEmpty() ? new Span(1, 1, 1, 1) : now.statements.getFirst().span();
    }

    private static void indexStatements(List<Stmt> list, Map<String, List<Object[]>> index) {
        for (int i = 0; i < list.size(); i++) {
            Stmt s = list.get(i);
            index.computeIfAbsent(fingerprint(s), k -> new ArrayList<>()).add(new Object[] {list, i});
            switch (s) {
                case Stmt.Block b -> indexStatements(b.body(), index);
                case Stmt.If f -> {
                    indexStatements(List.of(f.then()), index);
                    if (f.otherwise() != null) {
                        indexStatements(List.of(f.otherwise()), index);
                    }
                }
                case Stmt.While w -> indexStatements(List.of(w.body()), index);
                case Stmt.DoWhile d -> indexStatements(List.of(d.body()), index);
                case Stmt.For f -> indexStatements(List.of(f.body()), index);
                case Stmt.ForEach f -> indexStatements(List.of(f.body()), index);
                case Stmt.Labeled l -> indexStatements(List.of(l.body()), index);
                case Stmt.Try t -> {
                    indexStatements(t.body().body(), index);
                    if (t.handler() != null) {
                        indexStatements(t.handler().body(), index);
                    }
                    if (t.finalizer() != null) {
                        indexStatements(t.finalizer().body(), index);
                    }
                }
                case Stmt.Switch w -> indexStatements(Level.flatten(w), index);
                default -> { }
            }
        }
    }

    /** A statement's text, to find the same statement in another version. */
    static String fingerprint(Stmt s) {
        return switch (s) {
            case Stmt.ExprStmt e -> Shapes.print(e.expr());
            case Stmt.Let e -> {
                List<String> names = new ArrayList<>();
                Shapes.names(e.target(), n -> names.add(Shapes.name(n)));
                yield "let " + names + " = " + Shapes.print(e.init());
            }
            case Stmt.Assign e -> Shapes.print(e.target()) + " " + e.op().symbol + " " + Shapes.print(e.value());
            case Stmt.AwaitStmt e -> "await " + Shapes.operand(e.operand()) + " → " + (e.target() == null ? "" : Shapes.name(e.target()));
            case Stmt.If e -> "if " + Shapes.print(e.test());
            case Stmt.While e -> "while " + Shapes.print(e.test());
            case Stmt.DoWhile e -> "do while " + Shapes.print(e.test());
            case Stmt.For e -> "for " + Shapes.print(e.test());
            case Stmt.ForEach e -> "for each " + Shapes.print(e.iterable());
            case Stmt.Labeled e -> e.label() + ":";
            case Stmt.Return e -> "return " + Shapes.print(e.value());
            case Stmt.Throw e -> "throw " + Shapes.print(e.value());
            case Stmt.Try e -> "try";
            case Stmt.Switch e -> "switch " + Shapes.print(e.discriminant());
            case Stmt.Block e -> "{}";
            case Stmt.Break e -> "break " + e.label();
            case Stmt.Continue e -> "continue " + e.label();
            case Stmt.FunctionDecl e -> "function " + e.function().name();
        };
    }

}
