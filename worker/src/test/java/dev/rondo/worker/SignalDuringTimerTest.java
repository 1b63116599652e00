package dev.rondo.worker;

import static dev.rondo.worker.Engine.assertCompleted;
import static dev.rondo.worker.WorkflowsOnTheEngineTest.awaitTrue;

import dev.rondo.client.WorkflowHandle;
import dev.rondo.core.ExecutionStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by the chaos suite (bench/run chaos), without any fault: a signal that comes while its workflow
 * waits on a timer moves the workflow's one wake-up to now; the slice it wakes has nothing to do (no await
 * takes the signal yet) and must still leave a wake-up at the timer, or the workflow waits forever.
 */
class SignalDuringTimerTest {

    @TempDir
    Path flows;

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = new Engine("signal_timer", flows);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    @Test
    void aSignalSentWhileTheWorkflowWaitsOnATimerDoesNotCostTheTimer() {
        engine.flow("later", """
                await Timer.delay(2)
                let s = await Signal.next("go")
                return s
                """);
        engine.worker(b -> b);
        WorkflowHandle handle = engine.start("later", "{}");
        awaitTrue(() -> ExecutionStatus.WAITING.equals(handle.status()));
        handle.signal("go", "\"early\"");
        assertCompleted("\"early\"", handle.result(Duration.ofSeconds(30)));
    }
}
