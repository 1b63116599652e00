package dev.rondo.core.internal.upgrade;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Program;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import dev.rondo.core.internal.compiler.Lowerer;
import dev.rondo.core.internal.interp.LinkedProgram;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies of one program that a checkpoint can stand in: the workflow's and every function's, each lowered
 * as the interpreter runs it, with every await it holds and the path to it. A function is known by a key that
 * survives edits elsewhere: a top-level function by its name, an arrow by the body it is in, its parameters and
 * what it awaits (and, among arrows alike in all that, by its order).
 */
final class Bodies {

    /** One body: its key, how messages name it, its lowered statements, its parameters and its awaits. */
    static final class Body {
        final String key;
        final String title;
        final Expr.Function function;
        final List<Stmt> statements;
        final List<String> params = new ArrayList<>();
        final List<List<Level>> awaits = new ArrayList<>();
        /** Whether this is an arrow inside a top-level function (which reads top-level variables without capturing them). */
        final boolean inFunction;

        Body(String key, String title, Expr.Function function, List<Stmt> statements, boolean inFunction) {
            this.key = key;
            this.title = title;
            this.function = function;
            this.statements = statements;
            this.inFunction = inFunction;
            if (function != null) {
                for (Expr.Param p : function.params()) {
                    Shapes.names(p.target(), params::add);
                }
            }
            enumerate(statements, new ArrayList<>(List.of()), awaits);
        }

        boolean arrow() {
            return function != null && function.arrow();
        }
    }

    final Program program;
    final Body workflow;
    final Map<String, Body> byKey = new LinkedHashMap<>();
    final Body[] byIndex;
    private final Map<Span, Body> bySpan = new HashMap<>();
    final Map<String, Expr.Function> topFunctions = new HashMap<>();
    final List<String> topLevelNames = new ArrayList<>();

    Bodies(Program program) {
        this.program = program;
        this.workflow = new Body("", "the workflow", null, program.body(), false);
        Trees.declared(program.body(), topLevelNames::add);
        byKey.put("", workflow);
        Map<String, Integer> ordinals = new HashMap<>();
        for (Stmt s : program.body()) {
            Trees.expressions(s, e -> {
                if (e instanceof Expr.Function f) {
                    if (s instanceof Stmt.FunctionDecl) {
                        topFunctions.put(f.name(), f);
                        add(new Body("function " + f.name(), "function " + f.name(), f, Lowerer.lower(f.body().body()), false));
                    } else {
                        arrow(f, workflow, false, ordinals);
                    }
                }
            });
        }
        LinkedProgram linked = LinkedProgram.of(program);
        byIndex = new Body[linked.functionCount()];
        for (int i = 0; i < byIndex.length; i++) {
            byIndex[i] = bySpan.get(linked.functionSpan(i));
        }
    }

    private void add(Body body) {
        byKey.put(body.key, body);
        bySpan.put(body.function.span(), body);
        Map<String, Integer> ordinals = new HashMap<>();
        for (Stmt s : body.function.body().body()) {
            Trees.expressions(s, e -> {
                if (e instanceof Expr.Function f) {
                    arrow(f, body, body.inFunction || !body.arrow(), ordinals);
                }
            });
        }
    }

    private void arrow(Expr.Function f, Body owner, boolean inFunction, Map<String, Integer> ordinals) {
        List<String> shapes = new ArrayList<>();
        for (Stmt s : f.body().body()) {
            Trees.expressions(s, e -> {
                if (e instanceof Expr.Await a) {
                    shapes.add(Shapes.operand(a.operand()));
                }
            });
        }
        List<String> params = new ArrayList<>();
        f.params().forEach(p -> Shapes.names(p.target(), params::add));
        String print = (f.async() ? "async " : "") + "(" + String.join(", ", params) + ") => " + shapes;
        int ordinal = ordinals.merge(print, 1, Integer::sum);
        String key = owner.key + " > " + print + " #" + ordinal;
        add(new Body(key, "the arrow function at " + f.span() + (owner.function == null ? "" : " in " + owner.title),
                f, Lowerer.lower(f.body().body()), inFunction));
    }

    /** Every await of {@code statements}, with its path: the depth-first walk the interpreter's positions follow. */
    private static void enumerate(List<Stmt> list, List<Level> path, List<List<Level>> out) {
        for (int i = 0; i < list.size(); i++) {
            path.add(new Level(Level.Kind.BLOCK, null, list, i));
            statement(list.get(i), path, out);
            path.removeLast();
        }
    }

    private static void statement(Stmt s, List<Level> path, List<List<Level>> out) {
        switch (s) {
            case Stmt.Block b -> {
                // A nested block is its own step (its own scope); the list level above stands for the statement.
                for (int i = 0; i < b.body().size(); i++) {
                    path.add(new Level(Level.Kind.BLOCK, b, b.body(), i));
                    statement(b.body().get(i), path, out);
                    path.removeLast();
                }
            }
            case Stmt.If f -> {
                within(new Level(Level.Kind.IF, f, null, 0), f.then(), path, out);
                if (f.otherwise() != null) {
                    within(new Level(Level.Kind.IF, f, null, 1), f.otherwise(), path, out);
                }
            }
            case Stmt.While w -> within(new Level(Level.Kind.WHILE, w, null, 0), w.body(), path, out);
            case Stmt.DoWhile d -> within(new Level(Level.Kind.DO_WHILE, d, null, 0), d.body(), path, out);
            case Stmt.For f -> {
                within(new Level(Level.Kind.FOR, f, null, 0), f.body(), path, out);
                if (f.update() != null) {
                    within(new Level(Level.Kind.FOR, f, null, 1), f.update(), path, out);
                }
            }
            case Stmt.ForEach f -> within(new Level(Level.Kind.FOR_EACH, f, null, 0), f.body(), path, out);
            case Stmt.Labeled l -> within(new Level(Level.Kind.LABELED, l, null, 0), l.body(), path, out);
            case Stmt.Try t -> {
                within(new Level(Level.Kind.TRY, t, null, 0), t.body(), path, out);
                if (t.handler() != null) {
                    within(new Level(Level.Kind.TRY, t, null, 1), t.handler(), path, out);
                }
                if (t.finalizer() != null) {
                    within(new Level(Level.Kind.TRY, t, null, 2), t.finalizer(), path, out);
                }
            }
            case Stmt.Switch w -> {
                List<Stmt> flat = Level.flatten(w);
                for (int i = 0; i < flat.size(); i++) {
                    path.add(new Level(Level.Kind.SWITCH, w, flat, i));
                    statement(flat.get(i), path, out);
                    path.removeLast();
                }
            }
            case Stmt.AwaitStmt a -> {
                path.add(new Level(Level.Kind.AWAIT, a, null, 0));
                out.add(List.copyOf(path));
                path.removeLast();
            }
            default -> { }
        }
    }

    private static void within(Level level, Stmt inner, List<Level> path, List<List<Level>> out) {
        path.add(level);
        statement(inner, path, out);
        path.removeLast();
    }
}
