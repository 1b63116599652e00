package dev.rondo.core.internal.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.core.Effect;
import dev.rondo.core.Executable;
import dev.rondo.core.Execution;
import dev.rondo.core.Limits;
import dev.rondo.core.Outcome;
import dev.rondo.core.Slice;
import dev.rondo.core.ast.Expr;
import dev.rondo.core.ast.Pattern;
import dev.rondo.core.ast.Program;
import dev.rondo.core.ast.Span;
import dev.rondo.core.ast.Stmt;
import dev.rondo.core.value.FlowObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The interpreter suspends at an await inside nested statements and goes on from there, whether it
 * stays in memory or is rebuilt from its JSON checkpoint. Built from AST records, independent of the parser.
 */
class InterpreterResumeTest {

    private static final Span S = new Span(1, 1, 1, 1);

    private static Expr id(String name) {
        return new Expr.Identifier(S, name);
    }

    private static Expr num(double n) {
        return new Expr.Literal(S, n);
    }

    private static Expr str(String s) {
        return new Expr.Literal(S, s);
    }

    private static Expr call(String ns, String fn, Expr... args) {
        return new Expr.Call(S, new Expr.Member(S, id(ns), fn, false), List.of(args), false);
    }

    private static Stmt print(Expr... args) {
        return new Stmt.ExprStmt(S, new Expr.Call(S, id("print"), List.of(args), false));
    }

    /**
     * let total = 0
     * for (let i = 0; i < 3; i++) {
     *   try { let r; r = await Task.run("step", {}); total += r } finally { print("step", i) }
     * }
     * return total
     */
    private static Program loopWithTasks() {
        Stmt body = new Stmt.Block(S, List.of(
                new Stmt.Try(S,
                        new Stmt.Block(S, List.of(
                                new Stmt.Let(S, false, new Pattern.Name(S, "r"), null),
                                new Stmt.AwaitStmt(S, "r", call("Task", "run", str("step"))),
                                new Stmt.Assign(S, id("total"), Stmt.AssignOp.ADD, id("r")))),
                        null, null,
                        new Stmt.Block(S, List.of(print(str("step"), id("i")))))));
        return new Program("loop.flow", List.of(
                new Stmt.Let(S, false, new Pattern.Name(S, "total"), num(0)),
                new Stmt.For(S,
                        new Stmt.Let(S, false, new Pattern.Name(S, "i"), num(0)),
                        new Expr.Binary(S, Expr.BinaryOp.LESS, id("i"), num(3)),
                        new Stmt.Assign(S, id("i"), Stmt.AssignOp.ADD, num(1)),
                        body),
                new Stmt.Return(S, id("total"))));
    }

    private static List<String> runToEnd(boolean roundTrip) {
        Executable executable = Executable.of(loopWithTasks());
        Execution execution = Execution.start(executable, new FlowObject(), new FlowObject(), Limits.DEFAULTS);
        List<String> seen = new ArrayList<>();
        List<Outcome> outcomes = List.of();
        double answer = 10;
        while (true) {
            Slice slice = execution.run(outcomes, 0);
            outcomes = new ArrayList<>();
            for (Effect effect : slice.effects()) {
                if (effect instanceof Effect.Log log) {
                    seen.add(log.line());
                } else if (effect instanceof Effect.StartTask task) {
                    seen.add("start " + task.name() + " #" + task.promise());
                    outcomes.add(new Outcome.Resolved(task.promise(), answer++));
                }
            }
            if (!slice.suspended()) {
                seen.add(slice.status() + " " + slice.result());
                return seen;
            }
            seen.add("wait at " + slice.waitingAt() + " for " + slice.waitingFor());
            if (roundTrip) {
                execution = Execution.restore(executable, execution.checkpointJson(), Limits.DEFAULTS);
            }
        }
    }

    @Test
    void resumesInsideTryInsideForInMemoryAndFromJson() {
        List<String> expected = List.of(
                "start step #0", "wait at loop.flow:1:1 for [task step]",
                "step 0", "start step #1", "wait at loop.flow:1:1 for [task step]",
                "step 1", "start step #2", "wait at loop.flow:1:1 for [task step]",
                "step 2", "COMPLETED 33.0");
        assertEquals(expected, runToEnd(false));
        assertEquals(expected, runToEnd(true));
    }
}
