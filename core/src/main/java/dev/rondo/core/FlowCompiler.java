package dev.rondo.core;

import dev.rondo.core.ast.Program;
import dev.rondo.core.ast.Stmt;
import dev.rondo.core.internal.compiler.Checker;
import dev.rondo.core.internal.compiler.Lowerer;
import dev.rondo.core.internal.compiler.Parser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Compiles {@code .flow} source into a {@link Program}: parse (syntax errors), check (the static errors of
 * LANGUAGE.md §5), then lower every {@code await} into statement form for the resumable interpreter.
 * All diagnostics of a stage are reported at once.
 *
 * <pre>{@code
 * Compilation c = FlowCompiler.compile("hello.flow", "print(`hi ${Inputs.name}`)");
 * if (!c.ok()) c.diagnostics().forEach(System.err::println);
 * }</pre>
 */
public final class FlowCompiler {

    private FlowCompiler() {}

    public static Compilation compile(String file, String source) {
        Parser.Result parsed = Parser.parse(file, source);
        if (!parsed.diagnostics().isEmpty()) {
            return new Compilation(null, sorted(parsed.diagnostics()));
        }
        Checker.Result checked = Checker.checkAll(file, parsed.body());
        if (!checked.problems().isEmpty()) {
            return new Compilation(null, sorted(checked.problems()));
        }
        List<Stmt> lowered = Lowerer.lower(parsed.body());
        return new Compilation(new Program(file, lowered), List.of(), checked.limits());
    }

    /**
     * Compiles a file as read from disk: bytes that are not UTF-8, or more than {@link SourceFiles#MAX_BYTES}
     * of them, give a diagnostic (see {@link SourceFiles}).
     */
    public static Compilation compile(String file, byte[] bytes) {
        SourceFiles.Decoded source = SourceFiles.decode(file, bytes);
        return source.ok() ? compile(file, source.text()) : new Compilation(null, source.diagnostics());
    }

    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        List<Diagnostic> copy = new ArrayList<>(diagnostics);
        Collections.sort(copy);
        return copy;
    }
}
