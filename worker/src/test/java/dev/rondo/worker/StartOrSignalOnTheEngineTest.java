package dev.rondo.worker;

import static dev.rondo.worker.Engine.assertCompleted;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.client.StartOrSignal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signal-with-start with a worker running: calls racing on one new id make one execution, which takes
 * every signal once, in the order they were recorded; a call on a running execution only signals it.
 */
class StartOrSignalOnTheEngineTest {

    @TempDir
    Path flows;

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = new Engine("startorsignal", flows);
        engine.worker(b -> b.pollInterval(Duration.ofMinutes(1)));
        engine.flow("collect", """
                let got = []
                for (let i = 0; i < 3; i++) {
                  got.push(await Signal.next("add"))
                }
                return got
                """);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    @Test
    void racingCallsMakeOneExecutionThatTakesEverySignalInOrder() throws Exception {
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        for (int round = 0; round < 5; round++) {
            String id = "collect-" + round;
            CyclicBarrier together = new CyclicBarrier(3);
            List<CompletableFuture<StartOrSignal>> calls = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                String payload = String.valueOf(n);
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return engine.client.startOrSignal(id, "collect", "{}", "add", payload);
                }, threads));
            }
            int started = 0;
            for (CompletableFuture<StartOrSignal> call : calls) {
                started += call.get(60, TimeUnit.SECONDS).started() ? 1 : 0;
            }
            assertEquals(1, started, "one of the three started it");
            List<String> recorded = engine.column("SELECT payload FROM signals WHERE execution_id = '" + id + "' ORDER BY sent_at, id");
            assertEquals(3, recorded.size());
            assertCompleted("[" + String.join(",", recorded) + "]", engine.client.handle(id).result(Duration.ofSeconds(30)));
        }
        threads.close();
        assertEquals("5", engine.one("SELECT count(*) FROM executions"));
    }
}
