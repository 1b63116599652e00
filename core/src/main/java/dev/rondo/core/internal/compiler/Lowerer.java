package dev.rondo.core.internal.compiler;

import dev.rondo.core.ast.Stmt;
import java.util.List;

/** Rewrites every {@code await} inside an expression into {@link Stmt.AwaitStmt}s, keeping evaluation order. */
public final class Lowerer {

    private Lowerer() {}

    public static List<Stmt> lower(List<Stmt> body) {
        return body; // placeholder until the lowering work lands
    }
}
