package dev.rondo.core.internal.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Runs the checker on a snippet and renders its diagnostics as "line:column: message". */
final class CheckerTesting {

    private CheckerTesting() {}

    static List<String> problems(String source) {
        return Checker.check("test.flow", SnippetParser.parse(source)).stream()
                .map(d -> d.line() + ":" + d.column() + ": " + d.message())
                .toList();
    }

    static void assertProblems(String source, String... expected) {
        assertEquals(List.of(expected), problems(source));
    }

    static void assertClean(String source) {
        assertEquals(List.of(), problems(source));
    }
}
