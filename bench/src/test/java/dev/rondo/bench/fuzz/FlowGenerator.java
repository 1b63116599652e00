package dev.rondo.bench.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.util.List;

/**
 * Writes a Flow program from fuzzer bytes: statements and expressions of the language's everyday kinds
 * (variables, loops with small bounds, try/catch/finally, arrays, objects, strings, built-ins, arrow
 * functions) around durable awaits (tasks, timers, children, Promise.all/race), so that the interpreter
 * and its checkpoints are exercised far more than random text could. Programs need not be correct: a
 * runtime error is one of the outcomes under test. Loop bounds and literals stay small, so a program's
 * work is bounded by its length.
 */
final class FlowGenerator {

    private static final List<String> NAMES = List.of("a", "b", "c", "d");
    private static final List<String> BINARY = List.of("+", "-", "*", "/", "%", "==", "!=", "===", "<", "<=", ">",
            "&&", "||", "??", "**");
    private static final List<String> METHODS = List.of(".length", ".slice(1)", ".concat([1])", ".includes(1)",
            ".indexOf(2)", ".join(\",\")", ".reverse()", ".flat(2)", ".at(-1)", ".toUpperCase()", ".split(\"\")",
            ".trim()", ".padStart(3, \"x\")", ".repeat(2)", ".map(x => x + 1)", ".filter(x => x)", ".sort()",
            ".some(x => x == 1)", ".reduce((s, x) => s + x, 0)", ".charAt(0)", ".replace(\"a\", \"b\")", "[0]", ".k",
            "[\"k\"]");

    private final FuzzedDataProvider data;
    private final StringBuilder out = new StringBuilder();
    private int budget;
    private int loopVar;

    private FlowGenerator(FuzzedDataProvider data, int budget) {
        this.data = data;
        this.budget = budget;
    }

    /** A program of at most about {@code budget} statements and expressions. */
    static String program(FuzzedDataProvider data, int budget) {
        FlowGenerator generator = new FlowGenerator(data, budget);
        for (String name : NAMES) {
            generator.out.append("let ").append(name).append(" = ").append(generator.literal()).append('\n');
        }
        generator.block(0);
        generator.out.append("return [a, b, c, d]\n");
        return generator.out.toString();
    }

    private void block(int depth) {
        int statements = data.consumeInt(0, 6);
        for (int i = 0; i < statements && budget > 0 && data.remainingBytes() > 0; i++) {
            statement(depth);
        }
    }

    private void statement(int depth) {
        budget--;
        String name = pick(NAMES);
        switch (data.consumeInt(0, depth >= 3 ? 6 : 12)) {
            case 0 -> line(name + " = " + expression(2));
            case 1 -> line("print(" + expression(2) + ")");
            case 2 -> line(name + " = await Task.run(\"t\", {v: " + expression(1) + "})");
            case 3 -> line("await Timer.delay(" + data.consumeInt(0, 3) + ")");
            case 4 -> line(name + " = await Promise.all([Task.run(\"t\", " + expression(1) + "), Timer.delay(1), Task.run(\"u\", 1)])");
            case 5 -> line(name + " = await Promise.race([Task.run(\"t\", " + expression(1) + "), Timer.delay(2)])");
            case 6 -> line(name + " += " + expression(1));
            case 7 -> {
                out.append("if (").append(expression(2)).append(") {\n");
                block(depth + 1);
                out.append("} else {\n");
                block(depth + 1);
                out.append("}\n");
            }
            case 8 -> {
                String i = "i" + loopVar++;
                out.append("for (let ").append(i).append(" = 0; ").append(i).append(" < ").append(data.consumeInt(0, 4))
                        .append("; ").append(i).append("++) {\n");
                block(depth + 1);
                out.append("}\n");
            }
            case 9 -> {
                out.append("try {\n");
                block(depth + 1);
                if (data.consumeBoolean()) {
                    line("throw " + expression(1));
                }
                out.append("} catch (e) {\n");
                line(name + " = e");
                block(depth + 1);
                out.append("} finally {\n");
                block(depth + 1);
                out.append("}\n");
            }
            case 10 -> line(name + " = await Workflow.run(\"child\", " + expression(1) + ")");
            case 11 -> line(name + " = await Promise.all([" + expression(1) + "].map(async (x) => await Task.run(\"t\", x)))");
            default -> line(name + ".push(" + expression(1) + ")");
        }
    }

    private String expression(int depth) {
        budget--;
        if (depth <= 0 || budget <= 0) {
            return data.consumeBoolean() ? pick(NAMES) : literal();
        }
        return switch (data.consumeInt(0, 9)) {
            case 0 -> pick(NAMES);
            case 1 -> literal();
            case 2 -> "(" + expression(depth - 1) + " " + pick(BINARY) + " " + expression(depth - 1) + ")";
            case 3 -> "[" + expression(depth - 1) + ", " + expression(depth - 1) + "]";
            case 4 -> "{k: " + expression(depth - 1) + ", n: " + expression(depth - 1) + "}";
            case 5 -> expression(depth - 1) + pick(METHODS);
            case 6 -> "JSON.parse(JSON.stringify(" + expression(depth - 1) + "))";
            case 7 -> "`<${" + expression(depth - 1) + "}>`";
            case 8 -> "(" + expression(depth - 1) + " ? " + expression(depth - 1) + " : " + expression(depth - 1) + ")";
            default -> "typeof " + expression(depth - 1);
        };
    }

    private String literal() {
        return switch (data.consumeInt(0, 6)) {
            case 0 -> String.valueOf(data.consumeInt(-3, 9));
            case 1 -> "\"" + data.consumeString(4).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                    .replace("\r", "\\r").replace("`", "").replace("$", "") + "\"";
            case 2 -> "null";
            case 3 -> data.consumeBoolean() ? "true" : "false";
            case 4 -> "[1, 2, [3]]";
            case 5 -> "{k: 1, n: \"s\"}";
            default -> {
                double d = data.consumeDouble();
                yield Double.isFinite(d) ? String.valueOf(d) : "0.5";
            }
        };
    }

    private void line(String statement) {
        out.append(statement).append('\n');
    }

    private <T> T pick(List<T> items) {
        return items.get(data.consumeInt(0, items.size() - 1));
    }
}
