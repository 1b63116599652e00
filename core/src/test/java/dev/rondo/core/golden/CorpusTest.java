package dev.rondo.core.golden;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.Compilation;
import dev.rondo.core.Executable;
import dev.rondo.core.FlowCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The golden corpus: every {@code .flow} file under {@code src/test/resources/corpus} (but the children
 * other files call) runs twice, straight through and restored from JSON at every await. The listing and
 * naming helpers are public for the worker's tests, which run the corpus on the engine.
 */
public class CorpusTest {

    static final Path ROOT = Path.of("src/test/resources/corpus");

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        GoldenRunner runner = new GoldenRunner(CorpusTest::child);
        return files().stream()
                .map(path -> {
                    String name = nameOf(ROOT, path);
                    GoldenSpec spec = GoldenSpec.parse(name, read(path));
                    return spec.child() ? null : DynamicTest.dynamicTest(name, path.toUri(), () -> runner.check(spec));
                })
                .filter(test -> test != null);
    }

    @Test
    void corpusHasAtLeast300Behaviours() throws IOException {
        assertTrue(files().size() >= 300, "the corpus has " + files().size() + " files");
    }

    static List<Path> files() throws IOException {
        return files(ROOT);
    }

    /** Every {@code .flow} file below {@code root}, sorted. */
    public static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".flow")).sorted().toList();
        }
    }

    /** A corpus file's name: its path below {@code root}, with {@code /} between folders and no {@code .flow}. */
    public static String nameOf(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/').replaceAll("\\.flow$", "");
    }

    /** Child workflows are corpus files named by their path below the root. */
    static Executable child(String name) {
        Path path = ROOT.resolve(name + ".flow");
        if (!Files.exists(path)) {
            return null;
        }
        Compilation compilation = FlowCompiler.compile(name + ".flow", read(path));
        return compilation.ok() ? Executable.of(compilation.program()) : null;
    }

    public static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
