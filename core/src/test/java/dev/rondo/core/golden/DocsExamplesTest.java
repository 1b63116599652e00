package dev.rondo.core.golden;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```flow} block of the user documentation is a golden file: it runs (twice, like the corpus)
 * and must print what its comments say, so the manual cannot drift from the code.
 */
class DocsExamplesTest {

    private static final List<Path> DOCS = List.of(Path.of("../docs/language.md"));

    @TestFactory
    Stream<DynamicTest> examples() throws IOException {
        GoldenRunner runner = new GoldenRunner(CorpusTest::child);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : DOCS) {
            List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).strip().equals("```flow")) {
                    continue;
                }
                int start = i + 1;
                StringBuilder block = new StringBuilder();
                for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    block.append(lines.get(i)).append('\n');
                }
                String name = doc.getFileName() + "-line-" + start;
                GoldenSpec spec = GoldenSpec.parse(name, block.toString());
                tests.add(DynamicTest.dynamicTest(name, doc.toUri(), () -> runner.check(spec)));
            }
        }
        assertFalse(tests.isEmpty(), "no ```flow examples found in " + DOCS);
        return tests.stream();
    }
}
