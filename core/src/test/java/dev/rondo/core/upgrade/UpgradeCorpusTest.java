package dev.rondo.core.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.CheckpointUpgrade;
import dev.rondo.core.Effect;
import dev.rondo.core.Executable;
import dev.rondo.core.Execution;
import dev.rondo.core.Limits;
import dev.rondo.core.Outcome;
import dev.rondo.core.Slice;
import dev.rondo.core.internal.codec.CheckpointCodec;
import dev.rondo.core.internal.interp.PromiseEntry;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The upgrade corpus: each folder under {@code src/test/resources/upgrade} holds {@code old.flow},
 * {@code new.flow} and {@code expected.txt}. An execution of the old version runs to an await (after
 * {@code // steps: N} rounds in which every pending task, timer and signal is settled), its checkpoint is
 * mapped onto the new version, and the report is compared: {@code refused <reason>}, or {@code moved FROM -> TO}
 * followed by what the moved execution printed and returned when run on to its end with the new code.
 * Run with {@code -Dupgrade.write=true} to (re)write the expected files, then read them.
 */
class UpgradeCorpusTest {

    static final Path ROOT = Path.of("src/test/resources/upgrade");
    private static final Pattern STEPS = Pattern.compile("//\\s*steps:\\s*(\\d+)");

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        try (Stream<Path> cases = Files.list(ROOT)) {
            return cases.filter(Files::isDirectory).sorted().toList().stream()
                    .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
        }
    }

    @Test
    void corpusCoversTheCasesOfTheIssue() throws IOException {
        for (String name : List.of("insert_before", "insert_after", "rename_local", "delete_await", "loop_body_changed",
                "move_into_try", "helper_function", "loop_mid_iteration", "promise_all")) {
            assertTrue(Files.isDirectory(ROOT.resolve(name)), name);
        }
    }

    private static void check(Path dir) throws IOException {
        String oldSource = Files.readString(dir.resolve("old.flow"));
        String newSource = Files.readString(dir.resolve("new.flow"));
        String actual = report(oldSource, newSource);
        Path expected = dir.resolve("expected.txt");
        if (Boolean.getBoolean("upgrade.write")) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(expected).strip(), actual.strip(), dir.getFileName().toString());
    }

    /** The report for one pair: the mapping, and how the moved execution goes on. */
    static String report(String oldSource, String newSource) {
        Executable old = Executable.compile("process.flow", oldSource);
        Executable now = Executable.compile("process.flow", newSource);
        Matcher m = STEPS.matcher(oldSource);
        int steps = m.find() ? Integer.parseInt(m.group(1)) : 0;
        FlowObject context = Execution.context("e1", "process", "default", null, "2026-12-07T10:00:00.000Z");
        Execution execution = Execution.start(old, new FlowObject(), context, Limits.DEFAULTS);
        Slice slice = execution.run(List.of(), 0);
        for (int i = 0; i < steps; i++) {
            require(slice);
            slice = execution.run(settleAll(execution.checkpointJson()), 0);
        }
        require(slice);
        String checkpoint = execution.checkpointJson();
        CheckpointUpgrade.Result result = CheckpointUpgrade.between(old.program(), now.program()).map(checkpoint);
        StringBuilder out = new StringBuilder();
        if (!result.moved()) {
            return out.append("refused ").append(result.reason()).append('\n').toString();
        }
        out.append("moved ").append(result.from()).append(" -> ").append(result.to()).append('\n');
        Execution moved = Execution.restore(now, result.checkpoint(), Limits.DEFAULTS);
        slice = moved.run(settleAll(result.checkpoint()), 0);
        for (int round = 0; ; round++) {
            for (Effect effect : slice.effects()) {
                if (effect instanceof Effect.Log log) {
                    out.append("log: ").append(log.line()).append('\n');
                }
            }
            if (slice.status() != Slice.Status.SUSPENDED || round > 20) {
                break;
            }
            slice = moved.run(settleAll(moved.checkpointJson()), 0);
        }
        out.append(slice.status().name().toLowerCase()).append(": ")
                .append(slice.error() != null ? slice.error().message() : Json.write(slice.result())).append('\n');
        return out.toString();
    }

    private static void require(Slice slice) {
        if (slice.status() != Slice.Status.SUSPENDED) {
            throw new AssertionError("the old version did not wait where the case wants it: " + slice.status()
                    + (slice.error() != null ? " " + slice.error().message() : ""));
        }
    }

    /** Settles every pending task, child, timer and signal wait: a task or signal gives "<label> done". */
    static List<Outcome> settleAll(String checkpoint) {
        List<Outcome> outcomes = new ArrayList<>();
        long seq = 1;
        for (PromiseEntry e : CheckpointCodec.read(checkpoint).promises().entries()) {
            if (e.state() != PromiseEntry.State.PENDING) {
                continue;
            }
            switch (e.kind()) {
                case TASK, WORKFLOW -> outcomes.add(new Outcome.Resolved(e.id(), e.label() + " done"));
                case TIMER -> outcomes.add(new Outcome.TimerFired(e.id()));
                case SIGNAL -> outcomes.add(new Outcome.SignalArrived(e.label(), seq++, e.label() + " done"));
                default -> { }
            }
        }
        return outcomes;
    }
}
