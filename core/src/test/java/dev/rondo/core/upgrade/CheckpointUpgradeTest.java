package dev.rondo.core.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.core.CheckpointUpgrade;
import dev.rondo.core.Executable;
import dev.rondo.core.Execution;
import dev.rondo.core.Limits;
import dev.rondo.core.value.FlowObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping's entry point: a checkpoint that does not fit is refused, never thrown; unchanged code maps to itself. */
class CheckpointUpgradeTest {

    private static final String FLOW = "let a = 1\nlet b = await Task.run(\"t\", {a})\nprint(b)\n";

    private static String checkpoint(Executable executable) {
        Execution e = Execution.start(executable, new FlowObject(), new FlowObject(), Limits.DEFAULTS);
        e.run(List.of(), 0);
        return e.checkpointJson();
    }

    @Test
    void theSameProgramMapsEveryCheckpointOntoItself() {
        Executable v1 = Executable.compile("p.flow", FLOW);
        String saved = checkpoint(v1);
        CheckpointUpgrade.Result r = CheckpointUpgrade.between(v1.program(), Executable.compile("p.flow", FLOW).program()).map(saved);
        assertTrue(r.moved(), r.reason());
        assertEquals(saved, r.checkpoint());
        assertEquals("p.flow:2:9", r.waitingAt());
    }

    @Test
    void aCheckpointThatDoesNotFitIsRefusedWithAReason() {
        Executable v1 = Executable.compile("p.flow", FLOW);
        CheckpointUpgrade upgrade = CheckpointUpgrade.between(v1.program(), v1.program());
        CheckpointUpgrade.Result garbage = upgrade.map("{not json");
        assertFalse(garbage.moved());
        assertTrue(garbage.reason().startsWith("p.flow:1:1: the checkpoint does not fit the old version"), garbage.reason());
        String other = checkpoint(Executable.compile("q.flow", "print(1)\nprint(2)\nprint(3)\nprint(4)\nawait Timer.delay(5)\n"));
        CheckpointUpgrade.Result wrong = upgrade.map(other);
        assertFalse(wrong.moved());
        assertTrue(wrong.reason().contains("does not fit"), wrong.reason());
    }
}
