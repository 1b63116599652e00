package dev.rondo.core.internal.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.Compilation;
import dev.rondo.core.FlowCompiler;
import dev.rondo.core.Limits;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bytecode tier ({@link NumericTier}): the loops it is meant for run compiled, and a compiled loop gives
 * what the tree-walker gives, to the last operation counted: the same result (to the sign of zero), the same
 * error at the same position, the same count of operations and the same last statement, over generated
 * programs of numeric loops.
 */
class NumericTierTest {

    /** The loop of the interpreter benchmark (bench/run interpreter 3 loop). */
    private static final String BENCHMARK_LOOP = """
            let s = 0
            for (let i = 0; i < Inputs.n; i++) { s += i % 7 }
            return s
            """;

    /** Links {@code source} with the tier on (compiling each loop before its first run) or off. */
    static LinkedProgram link(String source, boolean tier) {
        return link(source, tier, 0);
    }

    /** Links {@code source} with the tier on or off, compiling a loop once it has run {@code after} operations. */
    static LinkedProgram link(String source, boolean tier, long after) {
        String wasOn = System.getProperty(NumericTier.SWITCH);
        String wasAfter = System.getProperty(NumericTier.AFTER);
        System.setProperty(NumericTier.SWITCH, Boolean.toString(tier));
        System.setProperty(NumericTier.AFTER, Long.toString(after));
        try {
            Compilation compilation = FlowCompiler.compile("tier.flow", source);
            assertTrue(compilation.ok(), () -> compilation.diagnostics() + "\n" + source);
            return LinkedProgram.of(compilation.program());
        } finally {
            restore(NumericTier.SWITCH, wasOn);
            restore(NumericTier.AFTER, wasAfter);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    static Interpreter.Stretch run(LinkedProgram linked, long maxOperations) {
        FlowObject input = new FlowObject();
        input.put("n", 1000.0);
        return Interpreter.start(linked, input, new FlowObject(), Limits.DEFAULTS.withMaxOperations(maxOperations))
                .run(List.of(), 0);
    }

    private static NumericTier tierOf(LinkedProgram linked, int statement) {
        return ((LoopNodes.Loop) ((StmtNodes.Block) linked.body).body[statement]).tier;
    }

    @Test
    void theInterpreterBenchmarksLoopRunsCompiled() {
        LinkedProgram linked = link(BENCHMARK_LOOP, true);
        Interpreter.Stretch stretch = run(linked, Long.MAX_VALUE);
        assertEquals(2997.0, stretch.result());
        assertTrue(tierOf(linked, 1).isCompiled());
    }

    @Test
    void nestedLoopsWhileAndDoWhileRunCompiled() {
        LinkedProgram linked = link("""
                let s = 0
                let k = 0
                while (k < 10) { k++; let j = 0; do { j += 2; if (j == 4) continue; s -= j * k } while (j < k) }
                return s
                """, true);
        assertEquals(-842.0, run(linked, Long.MAX_VALUE).result());
        assertTrue(tierOf(linked, 2).isCompiled());
    }

    @Test
    void loopsThatDoMoreThanArithmeticOnLocalsAreLeftToTheTreeWalker() {
        LinkedProgram linked = link("""
                let a = []
                for (let i = 0; i < 3; i++) { a.push(i) }
                let s = ""
                for (let i = 0; i < 3; i++) { s += 1 }
                let o = {n: 0}
                while (o.n < 3) { o.n++ }
                return [a, s, o]
                """, true);
        assertEquals("[[0,1,2],\"111\",{\"n\":3}]", dev.rondo.core.value.Json.write(run(linked, Long.MAX_VALUE).result()));
        assertNull(tierOf(linked, 1));
        assertNotNull(tierOf(linked, 3)); // numeric in form: the guard finds a string and leaves it to the tree-walker
        assertTrue(tierOf(linked, 3).isCompiled());
        assertNull(tierOf(linked, 5));
    }

    @Test
    void aLongLoopIsHandedOverWhileItRunsTheFirstTime() {
        LinkedProgram linked = link(BENCHMARK_LOOP, true, 100);
        assertEquals(2997.0, run(linked, Long.MAX_VALUE).result());
        assertTrue(tierOf(linked, 1).isCompiled());
    }

    @Test
    void offMeansNoTier() {
        LinkedProgram linked = link("let s = 0\nfor (let i = 0; i < 3; i++) { s += i }\nreturn s\n", false);
        assertNull(tierOf(linked, 1));
    }

    @Test
    void generatedProgramsGiveTheSameOutcomeCompiledAsInTheTreeWalker() {
        Random random = new Random(14);
        int compiled = 0;
        for (int p = 0; p < 300; p++) {
            String source = new ProgramWriter(random).program();
            LinkedProgram on = assertSameAsTheTreeWalker(source, random);
            for (XStmt s : ((StmtNodes.Block) on.body).body) {
                if (s instanceof LoopNodes.Loop loop && loop.tier != null && loop.tier.isCompiled()) {
                    compiled++;
                }
            }
        }
        assertTrue(compiled > 150, "only " + compiled + " loops ran compiled");
    }

    /**
     * Checks that {@code source} linked with the tier on (compiling at once, or after a random count) gives what
     * it gives with the tier off: its operations, and its outcome under no limit and under random budgets.
     * Gives the program linked with the tier on, having run.
     */
    static LinkedProgram assertSameAsTheTreeWalker(String source, Random random) {
        LinkedProgram on = link(source, true);
        LinkedProgram off = link(source, false);
        long operations = operations(off);
        assertEquals(operations, operations(on), () -> "operations of\n" + source);
        assertEquals(outcome(off, Long.MAX_VALUE), outcome(on, Long.MAX_VALUE), () -> "outcome of\n" + source);
        for (int i = 0; i < 6; i++) {
            long budget = 1 + random.nextLong(operations);
            assertEquals(outcome(off, budget), outcome(on, budget), () -> "outcome under " + budget + " of\n" + source);
            // the tree-walker hands a loop over between two passes, at the first run
            long after = random.nextLong(operations);
            assertEquals(outcome(off, budget), outcome(link(source, true, after), budget),
                    () -> "outcome under " + budget + ", compiled after " + after + ", of\n" + source);
        }
        return on;
    }

    /** The operations a program counts: the least budget it does not run out of. */
    static long operations(LinkedProgram linked) {
        long low = 1;
        long high = 1 << 22;
        while (low < high) {
            long mid = (low + high) / 2;
            if (ranOut(run(linked, mid))) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static boolean ranOut(Interpreter.Stretch stretch) {
        return stretch.error() != null && stretch.error().value() instanceof FlowObject o && "LimitError".equals(o.get("name"));
    }

    /** Everything a stretch tells (an error's helper stack too), with numbers told apart to the sign of zero. */
    static String outcome(LinkedProgram linked, long budget) {
        Interpreter.Stretch s = run(linked, budget);
        FlowThrow error = s.error();
        return s.status() + " " + exact(s.result()) + " "
                + (error == null ? "" : exact(error.value()) + " at " + error.span() + " calls " + error.calls())
                + " last " + s.waitingAt();
    }

    private static String exact(Object value) {
        if (value instanceof Double d) {
            return Double.toString(d); // -0.0 and 0.0 differ
        }
        if (value instanceof FlowArray a) {
            List<String> items = new ArrayList<>();
            for (Object item : a.view()) {
                items.add(exact(item));
            }
            return items.toString();
        }
        return String.valueOf(value);
    }

    /**
     * Writes random programs of numeric loops: counted for/while/do loops (so they end), nested, with
     * compound assignments of every operator (overflow and division by zero included), ifs, break, continue
     * (plain and labelled), return, -0 and fractions; some inside a try, so that a local changed before an
     * error is read after it.
     */
    static final class ProgramWriter {
        private final Random random;
        private final StringBuilder out = new StringBuilder();
        private final List<String> names = new ArrayList<>(List.of("a", "b", "c"));
        private final List<String> labels = new ArrayList<>();
        private int loops;
        private int depth;

        ProgramWriter(Random random) {
            this.random = random;
        }

        String program() {
            for (String name : names) {
                out.append("let ").append(name).append(" = ").append(literal()).append('\n');
            }
            boolean tryIt = random.nextInt(3) == 0;
            out.append(tryIt ? "let caught = \"none\"\ntry {\n" : "");
            loop();
            out.append(tryIt ? "} catch (e) { caught = e.name }\nreturn [a, b, c, caught]\n" : "return [a, b, c]\n");
            return out.toString();
        }

        private String literal() {
            return literal(random);
        }

        /** A number literal of the kinds that find the edges: -0, fractions, overflow, int limits. */
        static String literal(Random random) {
            return switch (random.nextInt(9)) {
                case 0 -> "-0";
                case 1 -> "0.5";
                case 2 -> "-3";
                case 3 -> "1e308";
                case 4 -> "7";
                case 5 -> "2147483647";
                case 6 -> "-2.25";
                default -> Integer.toString(random.nextInt(5));
            };
        }

        private void loop() {
            String counter = "i" + loops++;
            int passes = 1 + random.nextInt(depth == 0 ? 6 : 3);
            int kind = random.nextInt(3);
            if (kind != 0) {
                out.append("let ").append(counter).append(" = 0\n");
            }
            String label = null;
            if (random.nextInt(5) == 0) {
                label = "L" + counter;
                out.append(label).append(": ");
            }
            depth++;
            switch (kind) {
                case 0 -> {
                    out.append("for (let ").append(counter).append(" = 0; ").append(counter).append(" < ").append(passes)
                            .append("; ").append(counter).append("++) {\n");
                    body(label, counter);
                    out.append("}\n");
                }
                case 1 -> {
                    out.append("while (").append(counter).append(" < ").append(passes)
                            .append(") {\n").append(counter).append("++\n");
                    body(label, counter);
                    out.append("}\n");
                }
                default -> {
                    out.append("do {\n").append(counter).append("++\n");
                    body(label, counter);
                    out.append("} while (").append(counter).append(" < ").append(passes).append(")\n");
                }
            }
            depth--;
        }

        private void body(String label, String counter) {
            if (label != null) {
                labels.add(label);
            }
            names.add(counter);
            int statements = 1 + random.nextInt(4);
            for (int i = 0; i < statements; i++) {
                statement();
            }
            names.remove(counter);
            if (label != null) {
                labels.remove(label);
            }
        }

        private void statement() {
            int kind = random.nextInt(14);
            String x = names.get(random.nextInt(Math.min(3, names.size())));
            switch (kind) {
                case 0, 1, 2, 3 -> out.append(x).append(' ').append(List.of("+=", "-=", "*=", "/=", "%=").get(random.nextInt(5)))
                        .append(' ').append(expr(2)).append('\n');
                case 4 -> out.append(x).append(" = ").append(expr(2)).append('\n');
                case 5 -> out.append(x).append(random.nextBoolean() ? "++\n" : "--\n");
                case 6, 7 -> {
                    out.append("if (").append(test()).append(") {\n");
                    statement();
                    out.append("}");
                    if (random.nextBoolean()) {
                        out.append(" else {\n");
                        statement();
                        out.append("}");
                    }
                    out.append('\n');
                }
                case 8 -> {
                    if (depth < 3) {
                        loop();
                    }
                }
                case 9 -> out.append("if (").append(test()).append(") ").append(random.nextBoolean() ? "break" : "continue")
                        .append(labels.isEmpty() || random.nextBoolean() ? "" : " " + labels.get(random.nextInt(labels.size())))
                        .append('\n');
                case 10 -> out.append("if (").append(test()).append(") return ").append(expr(1)).append('\n');
                case 11 -> {
                    String t = "t" + loops++;
                    out.append("let ").append(t).append(" = ").append(expr(2)).append('\n');
                    out.append(x).append(" = ").append(t).append(" - ").append(expr(1)).append('\n');
                }
                default -> out.append("{\n").append(x).append(" += ").append(expr(1)).append("\n}\n");
            }
        }

        private String expr(int depth) {
            if (depth == 0 || random.nextInt(3) == 0) {
                return random.nextInt(3) == 0 ? literal() : names.get(random.nextInt(names.size()));
            }
            return switch (random.nextInt(8)) {
                case 0 -> "-(" + expr(depth - 1) + ")";
                case 1 -> "(" + test() + " ? " + expr(depth - 1) + " : " + expr(depth - 1) + ")";
                default -> "(" + expr(depth - 1) + " " + List.of("+", "-", "*", "/", "%").get(random.nextInt(5)) + " "
                        + expr(depth - 1) + ")";
            };
        }

        private String test() {
            return switch (random.nextInt(6)) {
                case 0 -> "!" + "(" + test() + ")";
                case 1 -> "(" + comparison() + (random.nextBoolean() ? " && " : " || ") + comparison() + ")";
                case 2 -> expr(1);
                default -> comparison();
            };
        }

        private String comparison() {
            return expr(1) + " " + List.of("<", "<=", ">", ">=", "==", "!=", "===", "!==").get(random.nextInt(8)) + " " + expr(1);
        }
    }
}
