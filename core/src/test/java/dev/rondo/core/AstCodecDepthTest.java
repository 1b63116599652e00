package dev.rondo.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Program;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The codec promises 1,000 levels of nesting of any shape, on a thread with the default stack size. */
class AstCodecDepthTest {

    private static final Span S = new Span(1, 1, 1, 2);
    private static final Expr X = new Expr.Identifier(S, "x");

    /** {@code levels} nested nodes of one shape, inside one statement. */
    static Program nested(String shape, int levels) {
        Expr expr = X;
        Stmt stmt = new Stmt.Break(S, null);
        Pattern pattern = new Pattern.Name(S, "a");
        for (int i = 0; i < levels; i++) {
            switch (shape) {
                case "sum" -> expr = new Expr.Binary(S, Expr.BinaryOp.ADD, expr, X);
                case "power" -> expr = new Expr.Binary(S, Expr.BinaryOp.POWER, X, expr);
                case "objectLiteral" -> expr = new Expr.ObjectLit(S, List.of(new Expr.KeyProp(S, "k", expr)));
                case "arrayLiteral" -> expr = new Expr.ArrayLit(S, List.of(expr));
                case "call" -> expr = new Expr.Call(S, X, List.of(expr), false);
                case "memberChain" -> expr = new Expr.Member(S, expr, "next", i % 2 == 0);
                case "conditional" -> expr = new Expr.Conditional(S, X, X, expr);
                case "template" -> expr = new Expr.Template(S, List.of("a", "b"), List.of(expr));
                case "block" -> stmt = new Stmt.Block(S, List.of(stmt));
                case "elseIf" -> stmt = new Stmt.If(S, X, new Stmt.Break(S, null), stmt);
                case "switch" -> stmt = new Stmt.Switch(S, X, List.of(new Stmt.Case(S, null, List.of(stmt))));
                case "tryFinally" -> stmt = new Stmt.Try(S, new Stmt.Block(S, List.of(stmt)), null, null,
                        new Stmt.Block(S, List.of()));
                case "arrayPattern" -> pattern = new Pattern.ArrayPattern(S, List.of(new Pattern.Element(S, pattern, null)));
                case "objectPattern" -> pattern = new Pattern.ObjectPattern(S, List.of(
                        new Pattern.PropTarget(S, "k", pattern, X)));
                default -> throw new IllegalArgumentException(shape);
            }
        }
        if (!(pattern instanceof Pattern.Name)) {
            return new Program("deep.flow", List.of(new Stmt.Let(S, false, pattern, null)));
        }
        if (stmt instanceof Stmt.Break) {
            stmt = new Stmt.ExprStmt(S, expr);
        }
        return new Program("deep.flow", List.of(stmt));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sum", "power", "objectLiteral", "arrayLiteral", "call", "memberChain", "conditional",
        "template", "block", "elseIf", "switch", "tryFinally", "arrayPattern", "objectPattern"})
    void roundTripsAThousandLevelsOnADefaultStack(String shape) throws Exception {
        Program program = nested(shape, 1_000);
        Program back = onNewThread(0, () -> AstCodec.fromJson(AstCodec.toJson(program)));
        // Records compare themselves recursively too, which needs more than a default stack at this depth.
        assertTrue(onNewThread(256L << 20, () -> program.equals(back)));
    }

    @Test
    void writesTheSameTextForADeepTreeAsForAShallowOneOfTheSameShape() {
        // Deep trees are written on another thread; the text must not depend on it.
        String deep = AstCodec.toJson(nested("sum", 1_000));
        String shallow = AstCodec.toJson(nested("sum", 10));
        String shallowTail = shallow.substring(shallow.indexOf("\"right\""));
        assertTrue(deep.endsWith(shallowTail), "deep text ends like the shallow one");
        assertEquals(1_000, deep.split("\"t\":\"Bin\"", -1).length - 1);
    }

    @Test
    void refusesToWriteATreeNestedBeyondTheFormatLimit() {
        Program tooDeep = nested("sum", 12_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AstCodec.toJson(tooDeep));
        assertEquals("Cannot encode the program: it is nested more than 10000 JSON levels deep.", e.getMessage());
    }

    @Test
    void refusesToReadJsonNestedBeyondTheFormatLimit() {
        String open = "{\"t\":\"Un\",\"s\":[1,1,1,2],\"op\":\"!\",\"operand\":";
        String json = "{\"format\":1,\"file\":\"f\",\"body\":[{\"t\":\"ExprS\",\"s\":[1,1,1,2],\"expr\":"
                + open.repeat(20_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AstCodec.fromJson(json));
        assertTrue(e.getMessage().startsWith("Cannot decode the program: the JSON is nested more than 10000 levels"
                + " deep at $.body[0].expr.operand.operand"), e.getMessage());
    }

    @Test
    void reportsAnErrorDeepInATreeWithAShortenedPath() {
        String json = AstCodec.toJson(nested("sum", 1_000)).replaceFirst("\"name\":\"x\"", "\"name\":7");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AstCodec.fromJson(json));
        // 1,004 segments ($ aside): .body [0] .expr, 1,000 times .left, then .name.
        assertEquals("Expected a string but found the number 7 at $.body[0].expr" + ".left".repeat(17) + "...<964 more>"
                + ".left".repeat(19) + ".name.", e.getMessage());
    }

    /** Runs {@code task} on a new thread with a stack of {@code stackBytes}, or the default size for 0. */
    private static <T> T onNewThread(long stackBytes, Callable<T> task) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().stackSize(stackBytes).unstarted(() -> {
            try {
                result.set(task.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        thread.start();
        thread.join();
        if (failure.get() != null) {
            throw new AssertionError("failed on a thread with a stack of " + stackBytes + " bytes", failure.get());
        }
        return result.get();
    }
}
