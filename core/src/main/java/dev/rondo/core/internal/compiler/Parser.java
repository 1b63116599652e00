package dev.rondo.core.internal.compiler;

import dev.rondo.core.Diagnostic;
import dev.rondo.core.ast.Stmt;
import java.util.List;

/** Source text to the (not yet lowered) AST, with readable syntax errors. */
public final class Parser {

    public record Result(List<Stmt> body, List<Diagnostic> diagnostics) {}

    private Parser() {}

    public static Result parse(String file, String source) {
        throw new UnsupportedOperationException("placeholder until the grammar work lands");
    }
}
