package dev.rondo.bench;

import dev.rondo.core.Executable;
import dev.rondo.core.Execution;
import dev.rondo.core.Limits;
import dev.rondo.core.Slice;
import dev.rondo.core.value.FlowObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.Scriptable;

/**
 * The interpreter on a set of programs (a loop, string building, arrays, object properties, function calls,
 * closures through map/filter/reduce, JSON of a 1 MB document), each beside the same program in JavaScript on
 * Rhino interpreted, Rhino compiled and, when {@code node} is on the PATH, node, measured in the same run
 * (runs alternate, so all see the same machine). Each engine's answer is checked against Rondo's. Prints the
 * median seconds of each and Rondo's speed as a ratio to each peer (above 1: Rondo is faster).
 *
 * <p>Rhino compiled is measured two ways. "rhino-c" compiles the script in each timed run (evaluateString: the
 * compile, and a new class that the JVM starts cold); "rhino-cp" compiles it once before the runs and times
 * only running it, as Rondo's program is compiled once ({@link Executable#compile}) outside its timing and as
 * node's function is made once: the like-for-like figure.
 */
public final class InterpreterSuite {

    /** One program: Flow text, and JavaScript as a function body reading {@code n} and {@code text}; its size. */
    record Program(String name, String flow, String js, int n) {}

    static final List<Program> PROGRAMS = List.of(
            new Program("loop s += i % 7", """
                    let s = 0
                    for (let i = 0; i < Inputs.n; i++) { s += i % 7 }
                    return s
                    """, """
                    var s = 0; for (var i = 0; i < n; i++) { s += i % 7 } return s;
                    """, 3_000_000),
            new Program("string building", """
                    let s = ""
                    for (let i = 0; i < Inputs.n; i++) { s += "x" + (i % 10) }
                    return s.length
                    """, """
                    var s = ""; for (var i = 0; i < n; i++) { s += "x" + (i % 10) } return s.length;
                    """, 300_000),
            new Program("array push/index/for-of", """
                    let a = []
                    for (let i = 0; i < Inputs.n; i++) { a.push(i) }
                    let s = 0
                    for (let i = 0; i < a.length; i++) { s += a[i] }
                    for (const x of a) { s += x }
                    return s
                    """, """
                    var a = []; for (var i = 0; i < n; i++) { a.push(i) }
                    var s = 0; for (var i = 0; i < a.length; i++) { s += a[i] }
                    for (var j = 0; j < a.length; j++) { var x = a[j]; s += x } return s;
                    """, 1_000_000),
            new Program("array to a helper, then push", """
                    function last(list) { return list[list.length - 1] }
                    let a = []
                    let s = 0
                    for (let i = 0; i < Inputs.n; i++) { a.push(i); s += last(a) }
                    return s
                    """, """
                    function last(list) { return list[list.length - 1] }
                    var a = []; var s = 0; for (var i = 0; i < n; i++) { a.push(i); s += last(a) } return s;
                    """, 100_000),
            new Program("object property reads/writes", """
                    let o = {a: 0, b: 1, c: 2}
                    for (let i = 0; i < Inputs.n; i++) { o.a = o.b + o.c + i % 3; o.b = o.a % 5 }
                    return o.a + o.b
                    """, """
                    var o = {a: 0, b: 1, c: 2};
                    for (var i = 0; i < n; i++) { o.a = o.b + o.c + i % 3; o.b = o.a % 5 } return o.a + o.b;
                    """, 1_000_000),
            new Program("function calls: fib(25)", """
                    function fib(k) { return k < 2 ? k : fib(k - 1) + fib(k - 2) }
                    return fib(Inputs.n)
                    """, """
                    function fib(k) { return k < 2 ? k : fib(k - 1) + fib(k - 2) } return fib(n);
                    """, 25),
            new Program("closures: map/filter/reduce", """
                    let a = []
                    for (let i = 0; i < Inputs.n; i++) { a.push(i) }
                    const k = 3
                    return a.map(x => x * k).filter(x => x % 2 == 0).reduce((s, x) => s + x, 0)
                    """, """
                    var a = []; for (var i = 0; i < n; i++) { a.push(i) } var k = 3;
                    return a.map(function (x) { return x * k }).filter(function (x) { return x % 2 == 0 })
                     .reduce(function (s, x) { return s + x }, 0);
                    """, 300_000),
            new Program("JSON.parse + stringify, 1 MB", """
                    let total = 0
                    for (let i = 0; i < Inputs.n; i++) { total += JSON.stringify(JSON.parse(Inputs.text)).length }
                    return total
                    """, """
                    var total = 0; for (var i = 0; i < n; i++) { total += JSON.stringify(JSON.parse(text)).length } return total;
                    """, 5));

    private InterpreterSuite() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5; // then, optionally, part of a program's name
        String text = document();
        boolean node = nodeExists();
        System.out.printf("interpreter suite: median seconds of %d runs each (after a warm-up run); ratio = peer time / Rondo time%n", runs);
        System.out.printf("%-32s %9s %9s %9s %9s %9s   %7s %7s %7s %7s%n", "program", "rondo", "rhino-i", "rhino-c",
                "rhino-cp", "node", "vs r-i", "vs r-c", "vs r-cp", "vs node");
        String only = args.length > 1 ? args[1] : null;
        for (Program p : PROGRAMS) {
            if (only != null && !p.name().contains(only)) {
                continue;
            }
            Executable executable = Executable.compile("bench.flow", p.flow());
            FlowObject input = new FlowObject();
            input.put("n", (double) p.n());
            input.put("text", text);
            double[] rondo = new double[runs];
            double[] interpreted = new double[runs];
            double[] compiled = new double[runs];
            double[] precompiled = new double[runs];
            Script script = rhinoCompile(p);
            double expected = rondo(executable, input, rondo, -1);
            check(p, "rhino interpreted", rhino(p, text, true, interpreted, -1), expected);
            check(p, "rhino compiled", rhino(p, text, false, compiled, -1), expected);
            check(p, "rhino precompiled", rhinoRun(script, p, text, precompiled, -1), expected);
            for (int r = 0; r < runs; r++) {
                rondo(executable, input, rondo, r);
                rhino(p, text, true, interpreted, r);
                rhino(p, text, false, compiled, r);
                rhinoRun(script, p, text, precompiled, r);
            }
            double[] nodeTimes = node ? node(p, text, runs, expected) : null;
            double mine = Stats.median(rondo);
            double ri = Stats.median(interpreted);
            double rc = Stats.median(compiled);
            double rp = Stats.median(precompiled);
            double nd = nodeTimes == null ? Double.NaN : Stats.median(nodeTimes);
            System.out.printf(Locale.ROOT, "%-32s %9.4f %9.4f %9.4f %9.4f %9.4f   %7.2f %7.2f %7.2f %7.2f%n", p.name(), mine,
                    ri, rc, rp, nd, ri / mine, rc / mine, rp / mine, nd / mine);
        }
    }

    private static void check(Program p, String engine, double got, double expected) {
        if (got != expected) {
            throw new IllegalStateException(p.name() + ": " + engine + " computed " + got + ", Rondo " + expected);
        }
    }

    /** A 1 MB JSON document: an object with an array of small records. */
    static String document() {
        StringBuilder json = new StringBuilder("{\"name\":\"bench\",\"items\":[");
        int i = 0;
        while (json.length() < 1_000_000) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"id\":").append(i).append(",\"sku\":\"SKU-").append(i * 7919 % 100000)
                    .append("\",\"price\":").append(i % 1000).append(".5,\"tags\":[\"a\",\"b\"],\"ok\":true}");
            i++;
        }
        return json.append("]}").toString();
    }

    /** Runs once; stores the seconds at {@code slot} (unless -1) and gives the answer. */
    private static double rondo(Executable executable, FlowObject input, double[] times, int slot) {
        Limits limits = Limits.DEFAULTS.withMaxOperations(Long.MAX_VALUE);
        long start = System.nanoTime();
        Slice slice = Execution.start(executable, input, new FlowObject(), limits).run(List.of(), 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (slice.status() != Slice.Status.COMPLETED || !(slice.result() instanceof Double result)) {
            throw new IllegalStateException("rondo: " + slice.status() + " " + slice.error());
        }
        if (slot >= 0) {
            times[slot] = seconds;
        }
        return result;
    }

    private static double rhino(Program p, String text, boolean interpreted, double[] times, int slot) {
        return rhinoTimed(p, text, interpreted, times, slot, (cx, scope) -> cx.evaluateString(scope, wrapped(p), "bench.js", 1, null));
    }

    /** The program as one expression Rhino evaluates to its result. */
    private static String wrapped(Program p) {
        return "(function () {\n" + p.js() + "\n})()";
    }

    /** Times {@code body} in a fresh scope holding the program's inputs; its result as a number. */
    private static double rhinoTimed(Program p, String text, boolean interpreted, double[] times, int slot,
                                     java.util.function.BiFunction<Context, Scriptable, Object> body) {
        Context cx = Context.enter();
        try {
            cx.setInterpretedMode(interpreted);
            cx.setLanguageVersion(Context.VERSION_ES6);
            Scriptable scope = cx.initStandardObjects();
            scope.put("n", scope, p.n());
            scope.put("text", scope, text);
            long start = System.nanoTime();
            Object result = body.apply(cx, scope);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (slot >= 0) {
                times[slot] = seconds;
            }
            return Context.toNumber(result);
        } finally {
            Context.exit();
        }
    }

    /** The program compiled by Rhino to JVM bytecode once, outside any timing. */
    private static Script rhinoCompile(Program p) {
        Context cx = Context.enter();
        try {
            cx.setInterpretedMode(false);
            cx.setLanguageVersion(Context.VERSION_ES6);
            return cx.compileString(wrapped(p), "bench.js", 1, null);
        } finally {
            Context.exit();
        }
    }

    /** Runs a script compiled by {@link #rhinoCompile} once, in a fresh scope; as {@link #rhino} for the rest. */
    private static double rhinoRun(Script script, Program p, String text, double[] times, int slot) {
        return rhinoTimed(p, text, false, times, slot, (cx, scope) -> script.exec(cx, scope));
    }

    private static boolean nodeExists() {
        try {
            Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Node runs a warm-up and then {@code runs} timed runs in one process (its start-up is not measured). */
    private static double[] node(Program p, String text, int runs, double expected) throws Exception {
        Path doc = Files.createTempFile("rondo-bench", ".json");
        Path script = Files.createTempFile("rondo-bench", ".js");
        try {
            Files.writeString(doc, text, StandardCharsets.UTF_8);
            String js = "const text = require('fs').readFileSync(" + quoted(doc.toString()) + ", 'utf8');\n"
                    + "const n = " + p.n() + ";\n"
                    + "const body = new Function('n', 'text', " + quoted(p.js()) + ");\n"
                    + "function once() { return body(n, text); }\n"
                    + "const out = [once()];\n"
                    + "for (let r = 0; r < " + runs + "; r++) { const t = process.hrtime.bigint(); out.push(once());"
                    + " out.push(Number(process.hrtime.bigint() - t) / 1e9); }\n"
                    + "console.log(out.join(' '));\n";
            Files.writeString(script, js, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder("node", script.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor();
            String[] parts = output.split(" ");
            check(p, "node", Double.parseDouble(parts[0]), expected);
            List<Double> times = new ArrayList<>();
            for (int i = 1; i + 1 < parts.length; i += 2) {
                check(p, "node", Double.parseDouble(parts[i]), expected);
                times.add(Double.parseDouble(parts[i + 1]));
            }
            return times.stream().mapToDouble(Double::doubleValue).toArray();
        } finally {
            Files.deleteIfExists(doc);
            Files.deleteIfExists(script);
        }
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
