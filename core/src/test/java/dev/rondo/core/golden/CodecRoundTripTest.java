package dev.rondo.core.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.core.AstCodec;
import dev.rondo.core.Compilation;
import dev.rondo.core.FlowCompiler;
import dev.rondo.core.Executable;
import dev.rondo.core.ast.Program;
import dev.rondo.core.driver.LocalDriver;
import dev.rondo.core.internal.codec.CheckpointCodec;
import dev.rondo.core.value.FlowObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Over the whole corpus: every compiled program survives the AST codec unchanged, and every checkpoint
 * written during a run reads back into the same state (written again, it is the same text).
 */
class CodecRoundTripTest {

    @TestFactory
    Stream<DynamicTest> astAndCheckpointsRoundTrip() throws IOException {
        return CorpusTest.files().stream().map(path -> {
            String name = CorpusTest.ROOT.relativize(path).toString().replace('\\', '/');
            return DynamicTest.dynamicTest(name, path.toUri(), () -> check(name, path));
        });
    }

    private static void check(String name, Path path) {
        GoldenSpec spec = GoldenSpec.parse(name, CorpusTest.read(path));
        Compilation compilation = FlowCompiler.compile(name, spec.source());
        if (!compilation.ok()) {
            return; // compile-error files have no program
        }
        Program program = compilation.program();
        String json = AstCodec.toJson(program);
        Program back = AstCodec.fromJson(json);
        assertEquals(program, back, "the AST changed through its JSON");
        assertEquals(json, AstCodec.toJson(back), "the AST's JSON is not stable");

        List<String> checkpoints = new ArrayList<>();
        LocalDriver.Builder driver = LocalDriver.builder().roundTrip(true).onCheckpoint(checkpoints::add)
                .children(CorpusTest::child)
                .childMocks(n -> spec.workflowMocks().get(n))
                .mocks(GoldenRunner.sequentialMocks(spec));
        spec.signals().forEach(s -> driver.signal(s.name(), s.at(), s.payload()));
        spec.cancels().forEach(driver::cancelAt);
        driver.build().run(Executable.of(back), spec.input() == null ? new FlowObject() : spec.input());
        for (String checkpoint : checkpoints) {
            assertEquals(checkpoint, CheckpointCodec.write(CheckpointCodec.read(checkpoint)),
                    "a checkpoint changed through its codec");
        }
    }
}
