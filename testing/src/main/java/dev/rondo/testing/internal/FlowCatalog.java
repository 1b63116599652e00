package dev.rondo.testing.internal;

import dev.rondo.core.Compilation;
import dev.rondo.core.CompileException;
import dev.rondo.core.Diagnostic;
import dev.rondo.core.Executable;
import dev.rondo.core.FlowCompiler;
import dev.rondo.core.FlowFiles;
import dev.rondo.core.ast.Program;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The workflows a test can start, by name: compiled from files and folders exactly as
 * {@code RondoClient.deploy} names and compiles them, so a child started with {@code Workflow.run} finds
 * its file the same way in a test as on the engine.
 */
public final class FlowCatalog {

    private final Map<String, Executable> byName;

    private FlowCatalog(Map<String, Executable> byName) {
        this.byName = byName;
    }

    /** Compiles every file; throws {@link CompileException} listing every problem of every file. */
    public static FlowCatalog compile(List<Path> paths) {
        FlowFiles.Found found = FlowFiles.collect(paths);
        List<Diagnostic> problems = new ArrayList<>(found.problems());
        Map<String, Executable> byName = new TreeMap<>();
        for (FlowFiles.FlowFile file : found.files()) {
            Compilation compilation = FlowCompiler.compile(file.displayPath(), file.bytes());
            problems.addAll(compilation.diagnostics());
            if (compilation.ok()) {
                byName.put(file.name(), named(file.name(), compilation.program()));
            }
        }
        if (!problems.isEmpty()) {
            throw new CompileException(problems);
        }
        return new FlowCatalog(byName);
    }

    /** One workflow from source text; throws {@link CompileException} listing every problem. */
    public static FlowCatalog compile(String name, String source) {
        Compilation compilation = FlowCompiler.compile(name + ".flow", source);
        if (!compilation.ok()) {
            throw new CompileException(compilation.diagnostics());
        }
        return new FlowCatalog(new TreeMap<>(Map.of(name, named(name, compilation.program()))));
    }

    /** The workflow of that name, or null. */
    public Executable find(String name) {
        return byName.get(name);
    }

    /** The workflow of that name; an {@link IllegalArgumentException} naming the known ones when there is none. */
    public Executable get(String name) {
        Executable executable = byName.get(name);
        if (executable == null) {
            throw new IllegalArgumentException("No workflow named '" + name + "'; the test knows "
                    + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet()))
                    + ". Name a workflow by its path below the folder given to FlowTest.of, without .flow.");
        }
        return executable;
    }

    /** Runtime errors name the workflow's own file, whatever folder it came from, as on the engine. */
    private static Executable named(String name, Program program) {
        return Executable.of(new Program(name + ".flow", program.body()));
    }
}
