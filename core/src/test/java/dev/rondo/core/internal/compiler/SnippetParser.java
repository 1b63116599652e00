package dev.rondo.core.internal.compiler;

import dev.rondo.core.Diagnostic;
import dev.rondo.core.ast.Stmt;
import java.util.List;
import java.util.stream.Collectors;

/** Parses test snippets with the real parser; a snippet with a syntax error fails the test at once. */
final class SnippetParser {

    private SnippetParser() {}

    static List<Stmt> parse(String source) {
        Parser.Result result = Parser.parse("snippet.flow", source);
        if (!result.diagnostics().isEmpty()) {
            throw new IllegalArgumentException("the snippet does not parse:\n"
                    + result.diagnostics().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        }
        return result.body();
    }
}
