package dev.rondo.core.internal.compiler;

import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Keeps the AST within {@value #LIMIT} levels of nesting. Long operator chains ({@code a + b + … + z},
 * {@code a.b.c…}, {@code else if} chains) become deep trees, and every later stage (checks, lowering, the
 * interpreter, the JSON form of the program) walks them recursively; past the limit the statement is
 * reported instead of built.
 */
final class NestingDepth {

    static final int LIMIT = 500;

    /** Thrown past the limit, after the error is reported; the enclosing statement list skips the statement. */
    static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }

    private final Reporter reporter;
    private int level;

    NestingDepth(Reporter reporter) {
        this.reporter = reporter;
    }

    /** Enters {@code levels} levels of nesting made by the statement or expression {@code at}. */
    void enter(ParserRuleContext at, int levels, boolean statement) {
        level += levels;
        if (level > LIMIT) {
            level -= levels;
            reporter.at(at.start, (statement ? "Statements" : "Expressions")
                    + " nest too deeply (more than " + LIMIT + " levels).");
            throw new TooDeep();
        }
    }

    void exit(int levels) {
        level -= levels;
    }
}
