package dev.rondo.core.internal.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.core.ast.Stmt;
import java.util.List;

/** Lowers a snippet, checks the invariants every lowered program must keep, and prints the result. */
final class LowererTesting {

    private LowererTesting() {}

    static List<Stmt> lowered(List<Stmt> body) {
        List<Stmt> lowered = Lowerer.lower(body);
        LoweringInvariants.check(lowered);
        return lowered;
    }

    static String lowered(String source) {
        return AstText.print(lowered(SnippetParser.parse(source)));
    }

    static void assertLowered(String source, String expected) {
        assertEquals(expected.stripTrailing(), lowered(source));
    }
}
