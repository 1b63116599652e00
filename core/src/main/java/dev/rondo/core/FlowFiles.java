package dev.rondo.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the {@code .flow} files to deploy and names them (LANGUAGE.md §1): a file given directly is named
 * by its stem; a file found in a folder by its path below that folder, without {@code .flow}, with
 * {@code /} between folders. {@code RondoClient.deploy} and the test kit's {@code FlowTest} both name files
 * here, so a workflow has the same name in a test as on the engine.
 */
public final class FlowFiles {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(/[A-Za-z_][A-Za-z0-9_-]*)*");

    /** A file to deploy: the workflow name, the path as the user gave it (for diagnostics) and its bytes. */
    public record FlowFile(String name, String displayPath, byte[] bytes) {}

    /** The files and the naming problems found (bad or duplicate names), all of them. */
    public record Found(List<FlowFile> files, List<Diagnostic> problems) {}

    private FlowFiles() {}

    /** Collects the files; a path that does not exist is an {@link IllegalArgumentException}. */
    public static Found collect(List<Path> paths) {
        List<FlowFile> files = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                for (Path file : flowFilesUnder(path)) {
                    String relative = path.relativize(file).toString().replace('\\', '/');
                    add(files, problems, seen, stem(relative), file);
                }
            } else if (Files.isRegularFile(path)) {
                add(files, problems, seen, stem(path.getFileName().toString()), path);
            } else {
                throw new IllegalArgumentException("No such file or folder: " + path);
            }
        }
        return new Found(files, problems);
    }

    private static void add(List<FlowFile> files, List<Diagnostic> problems, Map<String, String> seen, String name,
                            Path file) {
        String display = file.toString();
        if (!NAME.matcher(name).matches()) {
            problems.add(new Diagnostic(display, 1, 1, "'" + name + "' is not a valid workflow name: use letters, digits,"
                    + " '_' and '-', starting with a letter or '_', with '/' between folders; rename the file."));
            return;
        }
        String problem = Identifiers.problem(Identifiers.Kind.WORKFLOW_NAME, name);
        if (problem != null) {
            problems.add(new Diagnostic(display, 1, 1, problem));
            return;
        }
        String earlier = seen.putIfAbsent(name, display);
        if (earlier != null) {
            problems.add(new Diagnostic(display, 1, 1, "The workflow name '" + name + "' is also the name of " + earlier
                    + "; each deployed workflow needs a name of its own."));
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        Diagnostic nul = nulIn(display, bytes);
        if (nul != null) {
            problems.add(nul);
            return;
        }
        files.add(new FlowFile(name, display, bytes));
    }

    /**
     * The source is stored as text, which cannot hold U+0000 (a zero byte in UTF-8): a file with one would
     * compile, then fail the deploy's insert. Said at its line and column instead.
     */
    private static Diagnostic nulIn(String display, byte[] bytes) {
        int at = -1;
        for (int i = 0; i < bytes.length && at < 0; i++) {
            if (bytes[i] == 0) {
                at = i;
            }
        }
        if (at < 0) {
            return null;
        }
        String before = new String(bytes, 0, at, StandardCharsets.UTF_8);
        int lineStart = before.lastIndexOf('\n') + 1;
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        return new Diagnostic(display, line, before.length() - lineStart + 1, "The file holds the NUL character (U+0000),"
                + " which PostgreSQL cannot store in text, so it cannot be deployed; remove it (write \"\\0\" in a string"
                + " for the character itself).");
    }

    private static List<Path> flowFilesUnder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".flow"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String stem(String fileName) {
        return fileName.endsWith(".flow") ? fileName.substring(0, fileName.length() - ".flow".length()) : fileName;
    }
}
