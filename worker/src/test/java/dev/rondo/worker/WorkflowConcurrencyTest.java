package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.Description;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workflow concurrency key: a start over the limit waits, says so in describe, and runs when the holder ends. */
class WorkflowConcurrencyTest {

    @TempDir
    Path flows;

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = new Engine("workflow_concurrency", flows);
        engine.flow("hold", """
                await Signal.next("go")
                return Inputs.n
                """);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    @Test
    void aSecondStartOfAKeyWaitsForTheFirstToEnd() throws Exception {
        engine.worker(b -> b);
        engine.worker(b -> b);
        StartOptions acct42 = StartOptions.DEFAULT.withConcurrency("acct-42", 1);
        WorkflowHandle first = engine.client.start("hold", "{\"n\": 1}", acct42);
        WorkflowHandle second = engine.client.start("hold", "{\"n\": 2}", acct42);
        WorkflowHandle other = engine.client.start("hold", "{\"n\": 3}", StartOptions.DEFAULT.withConcurrency("acct-7", 1));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!first.describe().status().equals("waiting") || !other.describe().status().equals("waiting")) {
            assertTrue(System.nanoTime() < deadline, "the first of each key runs");
            Thread.sleep(20);
        }
        Description waiting = second.describe();
        assertEquals("queued", waiting.status());
        assertEquals(List.of("waiting for concurrency slot acct-42 (1/1 in use)"), waiting.hints());
        first.signal("go", "true");
        Engine.assertCompleted("1", first.result(Duration.ofSeconds(10)));
        deadline = System.nanoTime() + 10_000_000_000L;
        while (!second.describe().status().equals("waiting")) {
            assertTrue(System.nanoTime() < deadline, "the second runs once the first ended");
            Thread.sleep(20);
        }
        second.signal("go", "true");
        other.signal("go", "true");
        Engine.assertCompleted("2", second.result(Duration.ofSeconds(10)));
        Engine.assertCompleted("3", other.result(Duration.ofSeconds(10)));
    }
}
