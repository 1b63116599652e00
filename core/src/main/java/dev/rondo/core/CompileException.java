package dev.rondo.core;

import java.util.List;
import java.util.stream.Collectors;

/** A program did not compile; {@link #diagnostics()} has every problem, and the message lists them. */
public final class CompileException extends RondoException {

    private final List<Diagnostic> diagnostics;

    public CompileException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
