package dev.rondo.core.internal.upgrade;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Stmt;
import dev.rondo.core.internal.builtins.BuiltinCatalog;
import dev.rondo.core.internal.interp.Pos;
import java.util.HashSet;
import java.util.Set;

/**
 * An arrow copies the variables of the code around it when it is created (its captures, saved in its frame as
 * {@code ^name}); a waiting arrow moved to a new version keeps the captures it has, so the new arrow may read
 * only those (besides its own variables, built-ins, top-level functions and, in a function, top-level names).
 */
final class Captures {

    private Captures() {}

    /**
     * The first variable of the code around it that the new arrow reads but the old arrow's frame did not
     * capture (it would read null), or null when there is none.
     */
    static String uncaptured(Bodies.Body now, Pos root, Bodies to) {
        Set<String> declared = new HashSet<>(now.params);
        Set<String> reads = new java.util.LinkedHashSet<>();
        for (Stmt s : now.function.body().body()) {
            collect(s, declared, reads);
        }
        for (String name : reads) {
            if (declared.contains(name) || BuiltinCatalog.isGlobal(name) || name.equals("print") || name.equals("console")
                    || to.topFunctions.containsKey(name) || (now.inFunction && to.topLevelNames.contains(name))) {
                continue;
            }
            if (!root.locals().containsKey("^" + name)) {
                return name;
            }
        }
        return null;
    }

    private static void collect(Stmt s, Set<String> declared, Set<String> reads) {
        Trees.expressions(s, e -> {
            if (e instanceof Expr.Identifier id) {
                reads.add(id.name());
            } else if (e instanceof Expr.Function f) {
                f.params().forEach(p -> Shapes.names(p.target(), declared::add));
                for (Stmt inner : f.body().body()) {
                    collect(inner, declared, reads);
                }
            }
        });
        declareAll(s, declared);
    }

    private static void declareAll(Stmt s, Set<String> declared) {
        switch (s) {
            case Stmt.Let l -> Shapes.names(l.target(), declared::add);
            case Stmt.Block b -> b.body().forEach(x -> declareAll(x, declared));
            case Stmt.If f -> {
                declareAll(f.then(), declared);
                if (f.otherwise() != null) {
                    declareAll(f.otherwise(), declared);
                }
            }
            case Stmt.While w -> declareAll(w.body(), declared);
            case Stmt.DoWhile d -> declareAll(d.body(), declared);
            case Stmt.For f -> {
                if (f.init() != null) {
                    declareAll(f.init(), declared);
                }
                declareAll(f.body(), declared);
            }
            case Stmt.ForEach f -> {
                Shapes.names(f.target(), declared::add);
                declareAll(f.body(), declared);
            }
            case Stmt.Labeled l -> declareAll(l.body(), declared);
            case Stmt.Try t -> {
                declareAll(t.body(), declared);
                if (t.param() != null) {
                    Shapes.names(t.param(), declared::add);
                }
                if (t.handler() != null) {
                    declareAll(t.handler(), declared);
                }
                if (t.finalizer() != null) {
                    declareAll(t.finalizer(), declared);
                }
            }
            case Stmt.Switch w -> Level.flatten(w).forEach(x -> declareAll(x, declared));
            default -> { }
        }
    }

}
