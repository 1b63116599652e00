package dev.rondo.core;

import dev.rondo.core.ast.Program;
import dev.rondo.core.internal.interp.LinkedProgram;

/**
 * A program ready to run: compiled and linked once, then shared by every execution of it (it holds no
 * execution state). Workers keep these in a cache keyed by the definition's hash.
 */
public final class Executable {

    private final LinkedProgram linked;

    private Executable(LinkedProgram linked) {
        this.linked = linked;
    }

    public static Executable of(Program program) {
        return new Executable(LinkedProgram.of(program));
    }

    /** Compiles and links source text, or throws {@link CompileException} with every diagnostic. */
    public static Executable compile(String file, String source) {
        Compilation compilation = FlowCompiler.compile(file, source);
        if (!compilation.ok()) {
            throw new CompileException(compilation.diagnostics());
        }
        return of(compilation.program());
    }

    public Program program() {
        return linked.program();
    }

    LinkedProgram linked() {
        return linked;
    }
}
