package dev.rondo.core;

import dev.rondo.core.ast.Program;
import java.util.List;

/**
 * What compiling one {@code .flow} file gave: the program when there is no error, and every diagnostic,
 * sorted by position.
 */
public record Compilation(Program program, List<Diagnostic> diagnostics) {

    public Compilation {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
        return diagnostics.isEmpty();
    }
}
