package dev.rondo.core.internal.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.Limits;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bytecode tier's numeric functions ({@link NumericFunctions}): the functions they are meant for run
 * compiled, and give what the tree-walker gives, to the last operation counted: the same result (to the sign of
 * zero), the same error with the same message, position and helper stack, the same count of operations and the
 * same last statement, over generated programs of numeric functions calling each other.
 */
class NumericFunctionsTest {

    /** The program of the interpreter benchmark (bench/run interpreter 5 fib). */
    private static final String FIB = """
            function fib(k) { return k < 2 ? k : fib(k - 1) + fib(k - 2) }
            return fib(Inputs.n)
            """;

    private static Interpreter.Stretch run(LinkedProgram linked, long maxOperations) {
        FlowObject input = new FlowObject();
        input.put("n", 15.0);
        return Interpreter.start(linked, input, new FlowObject(), Limits.DEFAULTS.withMaxOperations(maxOperations))
                .run(List.of(), 0);
    }

    @Test
    void theInterpreterBenchmarksFibRunsCompiled() {
        LinkedProgram linked = NumericTierTest.link(FIB, true);
        assertEquals(610.0, run(linked, Long.MAX_VALUE).result());
        assertTrue(linked.numericFunctions.has(0));
        assertTrue(linked.numericFunctions.isCompiled());
    }

    @Test
    void anErrorInsideACompiledFunctionCarriesTheTreeWalkersHelperStack() {
        String source = """
                function ratio(a, b) { return a / b }
                function scaled(a, b) { return 2 * ratio(a, b - 1) }
                return scaled(3, 1)
                """;
        LinkedProgram on = NumericTierTest.link(source, true);
        FlowThrow error = run(on, Long.MAX_VALUE).error();
        assertTrue(on.numericFunctions.isCompiled());
        assertEquals("RangeError", ((FlowObject) error.value()).get("name"));
        assertEquals("1:31", error.span().toString().substring(0, 4));
        assertEquals(String.valueOf(run(NumericTierTest.link(source, false), Long.MAX_VALUE).error().calls()),
                String.valueOf(error.calls()));
        assertEquals(2, error.calls().size());
    }

    @Test
    void offMeansNoCompiledFunctions() {
        assertNull(NumericTierTest.link(FIB, false).numericFunctions);
    }

    @Test
    void functionsThatDoMoreThanArithmeticAreLeftToTheTreeWalker() {
        LinkedProgram linked = NumericTierTest.link("""
                function text(k) { return k + "" }
                function calls(k) { return text(k) }
                function maybe(k) { if (k > 0) { return k } }
                function numeric(k, m = 2) { return k * m }
                async function later(k) { return k }
                return [calls(1), maybe(-1), numeric(3), numeric(2, 5)]
                """, true);
        assertEquals("[\"1\",null,6,10]", dev.rondo.core.value.Json.write(run(linked, Long.MAX_VALUE).result()));
        NumericFunctions numeric = linked.numericFunctions;
        assertFalse(numeric.has(0));
        assertFalse(numeric.has(1));
        assertFalse(numeric.has(2));
        assertTrue(numeric.has(3));
        assertFalse(numeric.has(4));
    }

    @Test
    void generatedFunctionsGiveTheSameOutcomeCompiledAsInTheTreeWalker() {
        Random random = new Random(29);
        int compiled = 0;
        for (int p = 0; p < 300; p++) {
            String source = new FunctionWriter(random).program();
            LinkedProgram on = NumericTierTest.assertSameAsTheTreeWalker(source, random);
            if (on.numericFunctions != null && on.numericFunctions.isCompiled()) {
                compiled++;
            }
        }
        assertTrue(compiled > 150, "only " + compiled + " programs ran compiled functions");
    }

    /**
     * Writes random programs of numeric functions: recursive ones (bounded by a counter parameter, some deep
     * enough to pass the depth limit), calls between them with missing, defaulted and extra arguments, lets,
     * ifs, compound assignments, every operator (overflow and division by zero included), -0 and fractions;
     * sometimes called with a string, sometimes inside a try whose catch reads the error.
     */
    static final class FunctionWriter {
        private final Random random;
        private final StringBuilder out = new StringBuilder();
        private List<String> names;
        private int functions;
        private int lets;

        FunctionWriter(Random random) {
            this.random = random;
        }

        String program() {
            functions = 1 + random.nextInt(3);
            for (int f = 0; f < functions; f++) {
                function(f);
            }
            boolean tryIt = random.nextInt(3) == 0;
            out.append("let r = \"none\"\n");
            out.append(tryIt ? "try {\n" : "");
            out.append("r = [").append(topCall()).append(", ").append(topCall()).append("]\n");
            out.append(tryIt ? "} catch (e) { r = [e.name, e.message] }\n" : "");
            out.append("return r\n");
            return out.toString();
        }

        private String topCall() {
            int f = random.nextInt(functions);
            String depth = random.nextInt(8) == 0 ? "205" : Integer.toString(random.nextInt(6));
            String first = random.nextInt(10) == 0 ? "\"s\"" : depth;
            return "f" + f + "(" + first + (random.nextBoolean() ? ", " + literal() : "") + ")";
        }

        private void function(int f) {
            names = new ArrayList<>(List.of("n", "x"));
            out.append("function f").append(f).append("(n, x").append(random.nextBoolean() ? " = " + literal() : " = 1")
                    .append(") {\n");
            out.append("if (n <= 0) { return ").append(expr(1, f)).append(" }\n");
            int statements = random.nextInt(4);
            for (int i = 0; i < statements; i++) {
                statement(f);
            }
            out.append("return ").append(expr(2, f)).append("\n}\n");
        }

        private String literal() {
            return NumericTierTest.ProgramWriter.literal(random);
        }

        private void statement(int f) {
            String x = names.get(1 + random.nextInt(names.size() - 1)); // never n: it bounds the recursion
            switch (random.nextInt(6)) {
                case 0 -> out.append(x).append(' ').append(List.of("+=", "-=", "*=", "/=", "%=").get(random.nextInt(5)))
                        .append(' ').append(expr(2, f)).append('\n');
                case 1 -> out.append(x).append(" = ").append(expr(2, f)).append('\n');
                case 2 -> out.append("if (").append(test(f)).append(") { return ").append(expr(1, f)).append(" } else { ")
                        .append(x).append("++ }\n");
                case 3 -> {
                    String t = "t" + lets++;
                    out.append("let ").append(t).append(" = ").append(expr(2, f)).append('\n');
                    names.add(t);
                }
                default -> out.append("1 * ").append(expr(2, f)).append('\n'); // a line starting "(" would be a call
            }
        }

        private String expr(int depth, int f) {
            if (depth == 0 || random.nextInt(3) == 0) {
                return random.nextInt(3) == 0 ? literal() : names.get(random.nextInt(names.size()));
            }
            return switch (random.nextInt(9)) {
                case 0 -> "-(" + expr(depth - 1, f) + ")";
                case 1 -> "(" + test(f) + " ? " + expr(depth - 1, f) + " : " + expr(depth - 1, f) + ")";
                case 2, 3 -> call(depth, f);
                default -> "(" + expr(depth - 1, f) + " " + List.of("+", "-", "*", "/", "%").get(random.nextInt(5)) + " "
                        + expr(depth - 1, f) + ")";
            };
        }

        /** A call of this function (on n - 1: it ends) or of one written before it (one after could recurse back). */
        private String call(int depth, int f) {
            int g = random.nextInt(f + 1);
            String first = g == f ? "n - 1" : "n";
            return switch (random.nextInt(4)) {
                case 0 -> "f" + g + "(" + first + ")";
                case 1 -> "f" + g + "(" + first + ", " + expr(depth - 1, f) + ", " + expr(depth - 1, f) + ")";
                default -> "f" + g + "(" + first + ", " + expr(depth - 1, f) + ")";
            };
        }

        private String test(int f) {
            return switch (random.nextInt(5)) {
                case 0 -> "!(" + test(f) + ")";
                case 1 -> "(" + comparison(f) + (random.nextBoolean() ? " && " : " || ") + comparison(f) + ")";
                case 2 -> expr(1, f);
                default -> comparison(f);
            };
        }

        private String comparison(int f) {
            return expr(1, f) + " " + List.of("<", "<=", ">", ">=", "==", "!=", "===", "!==").get(random.nextInt(8)) + " "
                    + expr(1, f);
        }
    }
}
