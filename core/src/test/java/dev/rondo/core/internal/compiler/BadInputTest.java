package dev.rondo.core.internal.compiler;

import static dev.rondo.core.internal.compiler.ParserTestSupport.format;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.Compilation;
import dev.rondo.core.FlowCompiler;
import dev.rondo.core.SourceFiles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Input that is broken, huge or hostile gives diagnostics, never an exception, a stack overflow or a hang.
 * Every test runs under a generous time limit that only a hang would reach.
 */
class BadInputTest {

    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    /** Parses under the hang guard; any exception fails the test. */
    private static Parser.Result parse(String source) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> Parser.parse("bad.flow", source));
    }

    private static SourceFiles.Decoded decode(byte[] bytes) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> SourceFiles.decode("bad.flow", bytes));
    }

    private static List<String> errors(String source) {
        Parser.Result result = parse(source);
        assertTrue(result.body().isEmpty());
        return result.diagnostics().stream().map(ParserTestSupport::format).toList();
    }

    private static String onlyError(String source) {
        List<String> errors = errors(source);
        assertEquals(1, errors.size(), () -> errors.toString());
        return errors.get(0);
    }

    @Test
    void refusesTenThousandNestedParenthesesAtTheFirstLevelPastTheLimit() {
        String source = "x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000);
        assertEquals("1:505: Expressions nest too deeply (more than 500 levels).", onlyError(source));
    }

    @Test
    void refusesEveryKindOfDeepNesting() {
        assertEquals("1:501: Blocks and objects nest too deeply (more than 500 levels).",
                onlyError("{".repeat(10_000) + "}".repeat(10_000)));
        assertEquals("1:505: Expressions nest too deeply (more than 500 levels).",
                onlyError("x = " + "[".repeat(10_000) + "]".repeat(10_000)));
        assertEquals("1:505: Expressions nest too deeply (more than 500 levels).",
                onlyError("x = " + "!".repeat(10_000) + "a"));
        assertEquals("1:1005: Expressions nest too deeply (more than 500 levels).",
                onlyError("x = " + "- ".repeat(10_000) + "a"));
        assertEquals("1:2007: Expressions nest too deeply (more than 500 levels).",
                onlyError("x = " + "a ? ".repeat(10_000) + "1" + " : 2".repeat(10_000)));
        assertEquals("1:1506: Expressions nest too deeply (more than 500 levels).",
                onlyError("x = " + "`${".repeat(10_000) + "1" + "}`".repeat(10_000)));
        assertTrue(onlyError("if (a) ".repeat(10_000) + "x = 1").endsWith(": Statements nest too deeply (more than 500 levels)."));
        assertTrue(onlyError("if (a) {}" + " else if (a) {}".repeat(10_000))
                .endsWith(": Statements nest too deeply (more than 500 levels)."));
        assertEquals("1:1: Statements nest too deeply (more than 500 levels).", onlyError("a: ".repeat(100_000) + "x = 1"));
        assertTrue(onlyError("if (a) l: ".repeat(10_000) + "x = 1").endsWith(": Statements nest too deeply (more than 500 levels)."));
        assertTrue(onlyError("do ".repeat(10_000) + "x++" + " while (a)".repeat(10_000))
                .endsWith(": Statements nest too deeply (more than 500 levels)."));
    }

    @Test
    void refusesOperatorChainsThatWouldMakeTheTreeTooDeep() {
        assertEquals("1:5: Expressions nest too deeply (more than 500 levels).",
                onlyError("x = " + String.join(" + ", java.util.Collections.nCopies(10_000, "a"))));
        assertEquals("1:5: Expressions nest too deeply (more than 500 levels).", onlyError("x = a" + ".b".repeat(10_000)));
        assertEquals("1:5: Expressions nest too deeply (more than 500 levels).",
                onlyError("x = " + "a ? 1 : ".repeat(10_000) + "2"));
        assertEquals("1:5: Expressions nest too deeply (more than 500 levels).",
                onlyError("x = " + String.join(" ** ", java.util.Collections.nCopies(10_000, "a"))));
    }

    @Test
    void parsesNestingJustUnderTheLimitEvenFromAThreadWithASmallStack() throws InterruptedException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        String parens = "x = " + "(".repeat(480) + "1" + ")".repeat(480);
        String calls = "x = " + "f([{a: ".repeat(150) + "1" + "}])".repeat(150);
        Thread small = new Thread(null, () -> {
            try {
                outcome.set(List.of(Parser.parse("deep.flow", parens), Parser.parse("deep.flow", calls)));
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join(HANG_GUARD.toMillis());
        assertFalse(small.isAlive(), "parsing hung");
        assertTrue(outcome.get() instanceof List<?>, () -> "failed: " + outcome.get());
        for (Object result : (List<?>) outcome.get()) {
            assertEquals(List.of(), ((Parser.Result) result).diagnostics());
            assertEquals(1, ((Parser.Result) result).body().size());
        }
    }

    @Test
    void reportsUnterminatedConstructsOnce() {
        assertEquals("2:9: Unterminated string.", onlyError("let a = 1\nlet s = \"never closed"));
        assertEquals("1:9: Unterminated string.", onlyError("let s = 'ends with a backslash\\"));
        assertEquals("2:1: Unterminated comment.", onlyError("let a = 1\n/* never closed\nlet b = 2\n"));
        assertEquals("1:9: Unterminated template literal.", onlyError("let t = `never ${closed}\nprint(t)\n"));
        assertEquals("1:9: Unterminated template literal.", onlyError("let t = `never ${ {a: 1} "));
        assertEquals("1:9: Unterminated template literal.", onlyError("let t = `ends with a backslash\\"));
    }

    @Test
    void survivesUnbalancedBrackets() {
        for (String source : List.of("(((", ")))", "]]]", "}}}", "{{{", "[[[", "((]]", "{[(})]", "f(a, [b, {c: (d",
                "x = ())(", "if (a) { (((( }", "}{" .repeat(1000), ")".repeat(5_000) + "(".repeat(400))) {
            Parser.Result result = parse(source);
            assertFalse(result.diagnostics().isEmpty(), () -> "no error for " + source);
        }
        assertEquals(List.of("1:1: Unexpected '}'.", "2:1: Unexpected ')'.", "3:8: Expect an expression."),
                errors("}\n)\nx = 1 +\n"));
    }

    @Test
    void reportsANulByteAsAnUnexpectedCharacter() {
        assertEquals("1:10: Unexpected character U+0000.", onlyError("let x = 1\u0000\nprint(x)\n"));
        assertEquals("1:1: Unexpected character U+0007.", onlyError("\u0007"));
    }

    @Test
    void refusesAFileOverOneMebibyteWithItsSizeAndTheLimit() {
        String source = "print(\"0123456789\")\n".repeat(262_144); // 5 MiB
        long start = System.nanoTime();
        assertEquals("1:1: The file is 5,242,880 bytes; a .flow file may be at most 1,048,576 bytes (1 MiB).",
                onlyError(source));
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "refusing a large file must be quick");
        assertEquals("1:1: The file is 1,048,577 bytes; a .flow file may be at most 1,048,576 bytes (1 MiB).",
                onlyError("x".repeat(SourceLimits.MAX_BYTES + 1)));
        assertEquals("1:1: The file is 1,048,578 bytes; a .flow file may be at most 1,048,576 bytes (1 MiB).",
                onlyError("é".repeat(SourceLimits.MAX_BYTES / 2 + 1)));
    }

    @Test
    void parsesAFileJustUnderTheLimitInAFewSeconds() {
        StringBuilder source = new StringBuilder();
        for (int i = 0; source.length() < SourceLimits.MAX_BYTES - 1_000; i++) {
            source.append("const order").append(i).append(" = await Task.run(\"charge\", {amount: Inputs.amount * ")
                    .append(i).append(", id: `o-${Context.executionId}-").append(i).append("`}, {maxAttempts: 3})\n")
                    .append("if (order").append(i).append(".status === \"ok\" && !(order").append(i).append(".total > ")
                    .append(i).append(" - 1)) {\n  results.push({id: order").append(i).append(".id, n: -order")
                    .append(i).append(".count ?? 0})\n} else {\n  throw Error(\"failed \" + order").append(i)
                    .append(".reason)\n}\n");
        }
        Parser.Result result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Parser.parse("big.flow", source.toString()));
        assertEquals(List.of(), result.diagnostics());
        assertTrue(result.body().size() > 5_000);
    }

    @Test
    void capsTheDiagnosticsOfAFileOfGarbage() {
        Random random = new Random(42);
        byte[] bytes = new byte[200_000];
        random.nextBytes(bytes);
        Parser.Result result = parse(new String(bytes, StandardCharsets.ISO_8859_1));
        assertEquals(Reporter.MAX_ERRORS + 1, result.diagnostics().size());
        assertEquals("Too many errors; only the first 100 are shown.",
                result.diagnostics().get(Reporter.MAX_ERRORS).message());
        assertEquals(Reporter.MAX_ERRORS + 1, errors("let = \n".repeat(5_000)).size());
    }

    @Test
    void survivesRandomTokenSoup() {
        String[] words = {"let", "x", "=", "(", ")", "{", "}", "[", "]", "if", "else", "for", "while", "1", "\"s\"",
            "+", "-", "*", "?", "?.", ":", ",", ";", "\n", "return", "throw", "=>", ".", "++", "--", "await",
            "typeof", "function", "async", "case", "switch", "try", "catch", "finally", "!", "&&", "||", "??", "**",
            "...", "0x1F", ".5", "of", "in", "do", "break", "label:", "default", "const", "var", "new", "class",
            "`a${", "}`", "`", "${"};
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            StringBuilder source = new StringBuilder();
            int length = 1 + random.nextInt(60);
            for (int i = 0; i < length; i++) {
                source.append(words[random.nextInt(words.length)]).append(' ');
            }
            parse(source.toString());
        }
    }

    @Test
    void survivesEveryEditOfAValidProgram() {
        String program = """
                async function main() {
                  const {items = [], id} = Inputs
                  let total = 0, seen = {}
                  outer: for (const [i, item] of items.entries?.() ?? []) {
                    switch (item.kind) {
                      case "a": total += item.n ** 2; break
                      default: continue outer
                    }
                    try { seen[`k${i}`] = await Task.run("t", {...item, i}) } catch { seen[i] = null } finally { i++ }
                  }
                  do { total-- } while (total > 100 && !(id ?? false))
                  return typeof total === "number" ? {total, ok: true} : null
                }
                """;
        Random random = new Random(11);
        String[] insertions = {"(", ")", "{", "}", "[", "]", "`", "${", "\"", "'", "/*", "//", "\n", ";", ",", "=",
            "=>", "?.", "\\", "\u0000", "😀", "let", "if", " ", "0x", "1e", "**", "++"};
        for (int round = 0; round < 400; round++) {
            StringBuilder source = new StringBuilder(program);
            for (int edit = 0; edit < 1 + random.nextInt(3); edit++) {
                int at = random.nextInt(source.length());
                if (random.nextBoolean()) {
                    source.delete(at, Math.min(source.length(), at + 1 + random.nextInt(8)));
                } else {
                    source.insert(at, insertions[random.nextInt(insertions.length)]);
                }
            }
            Parser.Result result = parse(source.toString());
            assertTrue(result.body().isEmpty() == !result.diagnostics().isEmpty());
            for (var diagnostic : result.diagnostics()) {
                assertTrue(diagnostic.line() >= 1 && diagnostic.column() >= 1, () -> format(diagnostic));
            }
        }
    }

    @Test
    void decodesUtf8AndDropsAByteOrderMark() {
        byte[] bytes = "let s = \"héllo 😀\"".getBytes(StandardCharsets.UTF_8);
        SourceFiles.Decoded decoded = decode(bytes);
        assertTrue(decoded.ok());
        assertEquals("let s = \"héllo 😀\"", decoded.text());
        byte[] withMark = new byte[bytes.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, withMark, 3, bytes.length);
        assertEquals("let s = \"héllo 😀\"", decode(withMark).text());
    }

    @Test
    void reportsInvalidUtf8WithTheLineAndColumnOfTheBadByte() {
        byte[] bytes = concat("let a = 1\r\nlet é = \"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF},
                "\"\n".getBytes(StandardCharsets.UTF_8));
        SourceFiles.Decoded decoded = decode(bytes);
        assertFalse(decoded.ok());
        assertNull(decoded.text());
        assertEquals("2:10: The file is not valid UTF-8 (byte 0xFF); save it as UTF-8.", format(decoded.diagnostics().get(0)));

        byte[] truncated = concat("x = \"".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE2, (byte) 0x82});
        assertEquals("1:6: The file is not valid UTF-8: it ends in the middle of a character.",
                format(decode(truncated).diagnostics().get(0)));

        byte[] surrogate = {'x', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertEquals("1:2: The file is not valid UTF-8 (byte 0xED); save it as UTF-8.",
                format(decode(surrogate).diagnostics().get(0)));
    }

    @Test
    void compilesFileBytesThroughTheSameChecks() {
        Compilation invalid = assertTimeoutPreemptively(HANG_GUARD,
                () -> FlowCompiler.compile("bad.flow", new byte[] {'x', ' ', '=', ' ', (byte) 0xC3, '('}));
        assertFalse(invalid.ok());
        assertEquals("bad.flow:1:5: error: The file is not valid UTF-8 (byte 0xC3); save it as UTF-8.",
                invalid.diagnostics().get(0).toString());
        Compilation large = FlowCompiler.compile("big.flow", new byte[SourceFiles.MAX_BYTES + 1]);
        assertEquals("big.flow:1:1: error: The file is 1,048,577 bytes; a .flow file may be at most 1,048,576 bytes (1 MiB).",
                large.diagnostics().get(0).toString());
        Compilation nul = FlowCompiler.compile("nul.flow", new byte[] {'x', ' ', '=', ' ', '1', 0});
        assertEquals("nul.flow:1:6: error: Unexpected character U+0000.", nul.diagnostics().get(0).toString());
    }

    private static byte[] concat(byte[]... parts) {
        List<Byte> all = new ArrayList<>();
        for (byte[] part : parts) {
            for (byte b : part) {
                all.add(b);
            }
        }
        byte[] result = new byte[all.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = all.get(i);
        }
        return result;
    }
}
