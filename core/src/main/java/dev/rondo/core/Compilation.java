package dev.rondo.core;

import dev.rondo.core.ast.Program;
import java.util.List;

/**
 * What compiling one {@code .flow} file gave: the program when there is no error, and every diagnostic,
 * sorted by position; and the named limits its Task.run options name by a literal (for a deploy's check).
 */
public record Compilation(Program program, List<Diagnostic> diagnostics, List<LimitReference> limits) {

    public Compilation {
        diagnostics = List.copyOf(diagnostics);
        limits = List.copyOf(limits);
    }

    public Compilation(Program program, List<Diagnostic> diagnostics) {
        this(program, diagnostics, List.of());
    }

    public boolean ok() {
        return diagnostics.isEmpty();
    }
}
