package dev.rondo.core.internal.compiler;

import dev.rondo.core.Diagnostic;
import dev.rondo.core.ast.Stmt;
import java.util.List;

/** The static checks of LANGUAGE.md §5 over the parsed AST; every problem is reported. */
public final class Checker {

    private Checker() {}

    public static List<Diagnostic> check(String file, List<Stmt> body) {
        return List.of(); // placeholder until the checker work lands
    }
}
