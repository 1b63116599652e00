package dev.rondo.core;

/**
 * A compile error: where it is and a sentence saying what is wrong or what was expected. Printed as
 * {@code file.flow:LINE:COL: error: message}, the one format every diagnostic goes through.
 */
public record Diagnostic(String file, int line, int column, String message) implements Comparable<Diagnostic> {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": error: " + message;
    }

    @Override
    public int compareTo(Diagnostic other) {
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }
}
