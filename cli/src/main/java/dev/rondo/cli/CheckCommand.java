package dev.rondo.cli;

import dev.rondo.core.Compilation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rondo check FILE|FOLDER...}: every diagnostic of every file; exit 2 when any file has one. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Compile .flow files and print every error as file:line:col: error: message.",
                "A folder stands for every .flow file below it, as with deploy."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE|FOLDER", arity = "1..*", description = "The .flow files, or folders of them, to check.")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> found = flowFilesUnder(path);
                if (found.isEmpty()) {
                    err.println("rondo: no .flow files under " + path);
                    return Main.INVALID;
                }
                files.addAll(found);
            } else {
                files.add(path);
            }
        }
        boolean ok = true;
        for (Path file : files) {
            Compilation compilation = SourceLoader.compile(file, err);
            ok &= compilation != null && compilation.ok();
        }
        if (ok) {
            spec.commandLine().getOut().println(files.size() == 1 ? files.get(0) + ": ok" : files.size() + " files: ok");
        }
        return ok ? 0 : Main.INVALID;
    }

    private static List<Path> flowFilesUnder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".flow")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
