package dev.rondo.cli;

import dev.rondo.core.Compilation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rondo check FILE...}: every diagnostic of every file; exit 2 when any file has one. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compile .flow files and print every error as file:line:col: error: message.")
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The .flow files to check.")
    List<Path> files;

    @Override
    public Integer call() {
        boolean ok = true;
        for (Path file : files) {
            Compilation compilation = SourceLoader.compile(file, spec.commandLine().getErr());
            ok &= compilation != null && compilation.ok();
        }
        if (ok) {
            spec.commandLine().getOut().println(files.size() == 1 ? files.get(0) + ": ok" : files.size() + " files: ok");
        }
        return ok ? 0 : Main.INVALID;
    }
}
