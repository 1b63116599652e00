package dev.rondo.core.internal.compiler;

import dev.rondo.core.Diagnostic;
import dev.rondo.core.ast.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Collects the diagnostics of one file. After {@value #MAX_ERRORS} it keeps only a note that there are
 * more, so that a binary file fed to the compiler gives a short answer.
 */
final class Reporter {

    static final int MAX_ERRORS = 100;

    private final String file;
    private final SourcePositions positions;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private Diagnostic overflow;
    private int count;

    Reporter(String file, SourcePositions positions) {
        this.file = file;
        this.positions = positions;
    }

    void at(int line, int column, String message) {
        count++;
        if (count <= MAX_ERRORS) {
            diagnostics.add(new Diagnostic(file, line, column, message));
        } else if (overflow == null) {
            overflow = new Diagnostic(file, line, column, "Too many errors; only the first " + MAX_ERRORS + " are shown.");
        }
    }

    void at(Token token, String message) {
        at(positions.line(token), positions.column(token), message);
    }

    /** Reports at the column just past {@code token}, for what is missing after it. */
    void after(Token token, String message) {
        at(positions.endLine(token), positions.endColumn(token), message);
    }

    void at(Span span, String message) {
        at(span.line(), span.column(), message);
    }

    boolean hasErrors() {
        return count > 0;
    }

    List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(diagnostics);
        Collections.sort(copy);
        if (overflow != null) {
            copy.add(overflow);
        }
        return copy;
    }
}
