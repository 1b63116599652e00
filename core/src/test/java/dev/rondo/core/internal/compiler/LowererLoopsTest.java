package dev.rondo.core.internal.compiler;

import static dev.rondo.core.internal.compiler.LowererTesting.assertLowered;
import static dev.rondo.core.internal.compiler.LowererTesting.lowered;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.rondo.core.ast.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

class LowererLoopsTest {

    @Test
    void whileWithAnAwaitingTestBecomesAForThatRecomputesItEachIteration() {
        assertLowered("""
                while (await Task.run("more")) {
                  print(1)
                }
                """, """
                for (; ; ) {
                  let %1
                  %1 <- await Task.run("more")
                  if (!%1) break
                  {
                    print(1)
                  }
                }
                """);
    }

    @Test
    void whileWithAnAwaitOnlyInItsBodyStaysAWhile() {
        assertLowered("while (Inputs.x) await Task.run(\"a\")", "while (Inputs.x) await Task.run(\"a\")");
    }

    @Test
    void whileTestWithAPropertyOfAnAwaitedValue() {
        assertLowered("while ((await Task.run(\"poll\")).pending) {}", """
                for (; ; ) {
                  let %1
                  %1 <- await Task.run("poll")
                  if (!%1.pending) break
                  {}
                }
                """);
    }

    @Test
    void labelledWhileKeepsItsLabelOnTheLoop() {
        assertLowered("""
                outer: while (await Task.run("m")) {
                  continue outer
                }
                """, """
                outer: for (; ; ) {
                  let %1
                  %1 <- await Task.run("m")
                  if (!%1) break
                  {
                    continue outer
                  }
                }
                """);
    }

    @Test
    void doWhileWithAnAwaitingTestComputesItInTheUpdate() {
        assertLowered("""
                do {
                  print(1)
                } while (await Task.run("again"))
                """, """
                for (let %1 = true; %1; { let %2; %2 <- await Task.run("again"); %1 = !!%2 }) {
                  print(1)
                }
                """);
    }

    @Test
    void doWhileWithAnAwaitOnlyInItsBodyStaysADoWhile() {
        assertLowered("do await Task.run(\"a\"); while (Inputs.x)", "do await Task.run(\"a\") while (Inputs.x)");
    }

    @Test
    void forWithAnAwaitingTestBreaksFromInsideItsBody() {
        assertLowered("""
                for (let i = 0; i < await Task.run("n"); i++) {
                  print(i)
                }
                """, """
                for (let i = 0; ; i += 1) {
                  let %1
                  %1 <- await Task.run("n")
                  if (!(i < %1)) break
                  {
                    print(i)
                  }
                }
                """);
    }

    @Test
    void forWithAnAwaitingInitKeepsTheDeclarationAndWrapsThePreludeWithIt() {
        assertLowered("for (let i = await Task.run(\"start\"); i < 3; i++) print(i)", """
                {
                  let %1
                  %1 <- await Task.run("start")
                  for (let i = %1; i < 3; i += 1) print(i)
                }
                """);
    }

    @Test
    void forWithAnAwaitingUpdateMakesTheUpdateABlock() {
        assertLowered("for (let i = 0; i < 3; i += await Task.run(\"step\")) print(i)", """
                for (let i = 0; i < 3; { let %1; %1 <- await Task.run("step"); i += %1 }) print(i)
                """);
    }

    @Test
    void labelledForWithAnAwaitingInitKeepsTheLabelOnTheLoop() {
        assertLowered("""
                outer: for (let i = await Task.run("s"); i < 3; i++) {
                  continue outer
                }
                """, """
                {
                  let %1
                  %1 <- await Task.run("s")
                  outer: for (let i = %1; i < 3; i += 1) {
                    continue outer
                  }
                }
                """);
    }

    @Test
    void forWithAnAwaitingDestructuringInitDeclaresInTheWrappingBlock() {
        assertLowered("for (let {a = await Task.run(\"d\")} = Inputs; a < 3; a++) print(a)", """
                {
                  let %1 = Inputs
                  let %2 = %1.a
                  if (%2 === null) {
                    let %3
                    %3 <- await Task.run("d")
                    %2 = %3
                  }
                  let a = %2
                  for (; a < 3; a += 1) print(a)
                }
                """);
    }

    @Test
    void forWithAnAwaitOnlyInItsBodyKeepsItsHeader() {
        List<Stmt> body = SnippetParser.parse("for (let i = 0; i < 3; i++) await Task.run(\"a\")");
        Stmt.For before = (Stmt.For) body.getFirst();
        Stmt.For after = assertInstanceOf(Stmt.For.class, lowered(body).getFirst());
        assertSame(before.init(), after.init());
        assertSame(before.test(), after.test());
        assertSame(before.update(), after.update());
    }

    @Test
    void loopsNestAndEachKeepsItsOwnBreak() {
        assertLowered("""
                while (await Task.run("a")) {
                  while (await Task.run("b")) {
                    break
                  }
                }
                """, """
                for (; ; ) {
                  let %1
                  %1 <- await Task.run("a")
                  if (!%1) break
                  {
                    for (; ; ) {
                      let %2
                      %2 <- await Task.run("b")
                      if (!%2) break
                      {
                        break
                      }
                    }
                  }
                }
                """);
    }

    @Test
    void insertedBreakIsNotInsideASwitch() {
        assertLowered("""
                while (await Task.run("a")) {
                  switch (1) {
                    case 1:
                      break
                  }
                }
                """, """
                for (; ; ) {
                  let %1
                  %1 <- await Task.run("a")
                  if (!%1) break
                  {
                    switch (1) {
                      case 1:
                        break
                    }
                  }
                }
                """);
    }
}
