package dev.rondo.core.internal.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The invariants every lowering test checks, over a program that uses every construct at once. */
class LowererInvariantsTest {

    private static final String KITCHEN_SINK = """
            let total = 0
            const items = await Task.run("list")
            for (const {id, qty = await Task.run("qty", id)} of items) {
              total += qty * (await Task.run("price", id))
              if (total > (await Task.run("limit")).max ?? 100) break
            }
            outer: while ((await Signal.next("tick")).more) {
              do {
                switch (await Task.run("kind")) {
                  case "a":
                    print(`${await Task.run("a")}`)
                    continue outer
                  default:
                    total = total > 0 ? await Task.run("x") : -(await Task.run("y"))
                }
              } while (await Task.run("again") && Inputs.loop)
            }
            try {
              throw {code: await Task.run("code"), list: [...items, await Timer.delay(1)]}
            } catch ({code, list = await Task.run("fallback")}) {
              let o = {n: [0]}
              o.n[await Task.run("i")] ??= await Task.run("v")
              o.n.push(await Task.run("p"), typeof await Task.run("t"))
              Inputs?.cb?.(await Task.run("cb"))
            } finally {
              for (let i = await Task.run("s"); i < await Task.run("e"); i += await Task.run("step")) {
                let r = await Promise.race([Task.run("a"), Timer.delay(i)])
              }
            }
            return items?.[await Task.run("idx")]?.name ?? await Task.run("none")
            """;

    @Test
    void kitchenSinkPassesTheCheckerAndLowersToAwaitStatementsOnly() {
        List<Stmt> body = SnippetParser.parse(KITCHEN_SINK);
        assertEquals(List.of(), Checker.check("sink.flow", body));
        LowererTesting.lowered(body);
    }

    @Test
    void lowererCountsEveryAwaitOnce() {
        List<Stmt> lowered = LowererTesting.lowered(SnippetParser.parse(KITCHEN_SINK));
        int awaitsInSource = KITCHEN_SINK.split("\\bawait\\b", -1).length - 1;
        assertEquals(awaitsInSource, countAwaitStatements(lowered));
    }

    @Test
    void walkerRejectsAnAwaitLeftInAnExpression() {
        List<Stmt> unlowered = SnippetParser.parse("print(await Task.run(\"a\"))");
        assertThrows(AssertionFailedError.class, () -> LoweringInvariants.check(unlowered));
    }

    @Test
    void walkerRejectsATemporaryReadOutsideItsBlock() {
        List<Stmt> program = List.of(
                new Stmt.Block(at(), List.of(Temps.declare(at(), "%1", new Expr.Literal(at(), 1.0)))),
                new Stmt.ExprStmt(at(), new Expr.Identifier(at(), "%1")));
        assertThrows(AssertionFailedError.class, () -> LoweringInvariants.check(program));
    }

    @Test
    void walkerRejectsAnAwaitIntoALoopVariable() {
        Stmt loop = new Stmt.ForEach(at(), false, false, new Pattern.Name(at(), "v"),
                new Expr.ArrayLit(at(), List.of()), new Stmt.AwaitStmt(at(), "v", new Expr.Literal(at(), 1.0)));
        assertThrows(AssertionFailedError.class, () -> LoweringInvariants.check(List.of(loop)));
    }

    private static Span at() {
        return new Span(1, 1, 1, 1);
    }

    private static int countAwaitStatements(List<Stmt> body) {
        int count = 0;
        for (Stmt statement : body) {
            count += switch (statement) {
                case Stmt.AwaitStmt s -> 1;
                case Stmt.Block s -> countAwaitStatements(s.body());
                case Stmt.If s -> countAwaitStatements(List.of(s.then()))
                        + (s.otherwise() == null ? 0 : countAwaitStatements(List.of(s.otherwise())));
                case Stmt.While s -> countAwaitStatements(List.of(s.body()));
                case Stmt.DoWhile s -> countAwaitStatements(List.of(s.body()));
                case Stmt.For s -> (s.init() == null ? 0 : countAwaitStatements(List.of(s.init())))
                        + (s.update() == null ? 0 : countAwaitStatements(List.of(s.update())))
                        + countAwaitStatements(List.of(s.body()));
                case Stmt.ForEach s -> countAwaitStatements(List.of(s.body()));
                case Stmt.Labeled s -> countAwaitStatements(List.of(s.body()));
                case Stmt.Try s -> countAwaitStatements(List.of(s.body()))
                        + (s.handler() == null ? 0 : countAwaitStatements(List.of(s.handler())))
                        + (s.finalizer() == null ? 0 : countAwaitStatements(List.of(s.finalizer())));
                case Stmt.Switch s -> s.cases().stream().mapToInt(c -> countAwaitStatements(c.body())).sum();
                default -> 0;
            };
        }
        return count;
    }
}
