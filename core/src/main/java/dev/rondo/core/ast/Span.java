package dev.rondo.core.ast;

/**
 * Where a node stands in its {@code .flow} source: 1-based line and column of its first character and
 * of the character just past its end (columns count UTF-16 code units, as editors and ANTLR do).
 */
public record Span(int line, int column, int endLine, int endColumn) {

    /** A span for code the compiler made up (await lowering): it points at the construct it came from. */
    public static Span at(int line, int column) {
        return new Span(line, column, line, column);
    }

    /** "line:column", the way diagnostics print a position. */
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
