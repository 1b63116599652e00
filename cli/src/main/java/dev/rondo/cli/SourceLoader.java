package dev.rondo.cli;

import dev.rondo.core.Compilation;
import dev.rondo.core.FlowCompiler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and compiles {@code .flow} files for the commands, printing every diagnostic. */
final class SourceLoader {

    private SourceLoader() {}

    /** The compilation, or null after printing why the file could not be read. */
    static Compilation compile(Path file, PrintWriter err) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            err.println("rondo: no such file: " + file);
            return null;
        } catch (IOException e) {
            err.println("rondo: cannot read " + file + ": " + e.getMessage());
            return null;
        }
        Compilation compilation = FlowCompiler.compile(file.toString(), bytes);
        compilation.diagnostics().forEach(err::println);
        return compilation;
    }
}
