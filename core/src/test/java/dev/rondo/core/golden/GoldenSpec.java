package dev.rondo.core.golden;

import dev.rondo.core.Limits;
import dev.rondo.core.Slice;
import dev.rondo.core.driver.MockResult;
import dev.rondo.core.value.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a golden {@code .flow} file expects and how it is to be run, read from its comments (the comment
 * language is described in {@code src/test/resources/corpus/README.md}). Public for the worker's tests,
 * which run the corpus on the engine.
 */
public record GoldenSpec(
        String name,
        String source,
        boolean child,
        List<String> expectedLog,
        String expectedResultJson,
        ExpectedError runtimeError,
        List<ExpectedError> compileErrors,
        Object input,
        Map<String, List<MockResult>> mocks,
        Map<String, MockResult> workflowMocks,
        List<Signal> signals,
        List<Double> cancels,
        Long operationLimit,
        Limits limits,
        String expectedAttributesJson,
        Slice.Status expectedStatus) {

    /** When the first cancellation is requested (seconds of virtual time), or null when none is. */
    public Double cancelAt() {
        return cancels.isEmpty() ? null : cancels.getFirst();
    }

    public record ExpectedError(int line, String text) {}

    public record Signal(String name, double at, Object payload) {}

    private static final Pattern DIRECTIVE = Pattern.compile(
            "//\\s*(expect runtime error|expect result|expect attributes|expect status|expect|error|input|mock-workflow-error|mock-workflow|mock-error|mock-fatal|mock|signal|cancel at|limit operations|limit string length|limit array length|limit checkpoint bytes|limit log bytes|limit starts|child)\\b(.*)$");
    private static final Pattern NAMED = Pattern.compile("\\s+([A-Za-z0-9_./-]+)(?:\\s+(?:after|at)\\s+([0-9.]+))?\\s*:\\s?(.*)$");

    public static GoldenSpec parse(String name, String source) {
        List<String> log = new ArrayList<>();
        String result = null;
        String attributes = null;
        Slice.Status status = null;
        ExpectedError runtime = null;
        List<ExpectedError> compile = new ArrayList<>();
        Object input = null;
        boolean child = false;
        Map<String, List<MockResult>> mocks = new HashMap<>();
        Map<String, MockResult> workflowMocks = new HashMap<>();
        List<Signal> signals = new ArrayList<>();
        List<Double> cancels = new ArrayList<>();
        Long limit = null;
        Limits limits = null;
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            Matcher m = DIRECTIVE.matcher(lines[i]);
            if (!m.find()) {
                continue;
            }
            String kind = m.group(1);
            String rest = m.group(2);
            switch (kind) {
                case "child" -> child = true;
                case "expect" -> log.add(afterColon(rest, lineNo));
                case "expect status" -> status = Slice.Status.valueOf(afterColon(rest, lineNo).strip().toUpperCase(java.util.Locale.ROOT));
                case "expect attributes" -> attributes = afterColon(rest, lineNo).strip();
                case "expect result" -> result = afterColon(rest, lineNo).strip();
                case "expect runtime error" -> runtime = new ExpectedError(lineNo, afterColon(rest, lineNo).strip());
                case "error" -> compile.add(new ExpectedError(lineNo, afterColon(rest, lineNo).strip()));
                case "input" -> input = Json.parse(afterColon(rest, lineNo));
                case "cancel at" -> cancels.add(Double.parseDouble(rest.strip())); // each line one more request
                case "limit operations" -> {
                    limit = number(afterColon(rest, lineNo));
                    limits = (limits == null ? Limits.DEFAULTS : limits).withMaxOperations(limit);
                }
                case "limit string length" -> limits = (limits == null ? Limits.DEFAULTS : limits)
                        .withMaxStringLength((int) number(afterColon(rest, lineNo)));
                case "limit array length" -> limits = (limits == null ? Limits.DEFAULTS : limits)
                        .withMaxArrayLength((int) number(afterColon(rest, lineNo)));
                case "limit checkpoint bytes" -> limits = (limits == null ? Limits.DEFAULTS : limits)
                        .withMaxCheckpointBytes((int) number(afterColon(rest, lineNo)));
                case "limit starts" -> limits = (limits == null ? Limits.DEFAULTS : limits)
                        .withMaxStarts(number(afterColon(rest, lineNo)));
                case "limit log bytes" -> {
                    // per stretch, then per execution
                    String[] both = afterColon(rest, lineNo).strip().split("\\s+");
                    limits = (limits == null ? Limits.DEFAULTS : limits).withMaxLogBytes(number(both[0]), number(both[1]));
                }
                default -> {
                    Matcher n = NAMED.matcher(rest);
                    if (!n.matches()) {
                        throw new IllegalArgumentException(name + ":" + lineNo + ": cannot read directive '" + kind + rest + "'");
                    }
                    String target = n.group(1);
                    double seconds = n.group(2) == null ? 0 : Double.parseDouble(n.group(2));
                    String value = n.group(3);
                    switch (kind) {
                        case "mock" -> mocks.computeIfAbsent(target, k -> new ArrayList<>())
                                .add(MockResult.success(Json.parse(value), seconds));
                        case "mock-error" -> mocks.computeIfAbsent(target, k -> new ArrayList<>())
                                .add(MockResult.failure(value.strip(), true, seconds));
                        case "mock-fatal" -> mocks.computeIfAbsent(target, k -> new ArrayList<>())
                                .add(MockResult.failure(value.strip(), false, seconds));
                        case "mock-workflow" -> workflowMocks.put(target, MockResult.success(Json.parse(value), seconds));
                        case "mock-workflow-error" -> workflowMocks.put(target, MockResult.failure(value.strip(), false, seconds));
                        case "signal" -> signals.add(new Signal(target, seconds, Json.parse(value)));
                        default -> throw new IllegalStateException(kind);
                    }
                }
            }
        }
        return new GoldenSpec(name, source, child, log, result, runtime, compile, input, mocks, workflowMocks,
                signals, List.copyOf(cancels), limit, limits, attributes, status);
    }

    private static long number(String text) {
        return Long.parseLong(text.strip().replace("_", "").replace(",", ""));
    }

    private static String afterColon(String rest, int line) {
        int colon = rest.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("line " + line + ": a directive needs ':'");
        }
        String value = rest.substring(colon + 1);
        return value.startsWith(" ") ? value.substring(1) : value;
    }
}
