package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debounced starts: starts of one key within its window make one execution, which runs when the window
 * closes with the last input (or the first, when asked); clients racing on a new key make one execution;
 * a start after the window opens a new one.
 */
class DebounceTest {

    @TempDir
    Path flows;

    private Engine engine;

    @BeforeEach
    void setUp() {
        engine = new Engine("debounce", flows);
        engine.flow("echo", "return Inputs");
        engine.worker(b -> b.concurrency(4));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    private WorkflowHandle start(String key, int n, boolean keepFirst) {
        StartOptions options = keepFirst ? StartOptions.DEFAULT.withDebounceKeepingFirst(key, Duration.ofSeconds(1))
                : StartOptions.DEFAULT.withDebounce(key, Duration.ofSeconds(1));
        return engine.client.start("echo", "{\"n\": " + n + "}", options);
    }

    @Test
    void startsWithinTheWindowMakeOneExecutionWithTheLastInput() {
        Set<String> ids = new HashSet<>();
        for (int n = 1; n <= 5; n++) {
            ids.add(start("orders", n, false).id());
        }
        assertEquals(1, ids.size(), ids.toString());
        WorkflowHandle run = engine.client.handle(ids.iterator().next());
        Engine.assertCompleted("{\"n\":5}", run.result(Duration.ofSeconds(30)));
        assertEquals("1", engine.one("SELECT count(*) FROM executions WHERE name = 'echo'"));
        // the window has closed: the next start opens a new one
        WorkflowHandle next = start("orders", 6, false);
        assertNotEquals(run.id(), next.id());
        Engine.assertCompleted("{\"n\":6}", next.result(Duration.ofSeconds(30)));
        // pruning the finished runs takes their windows' rows with them
        assertEquals(2, engine.client.prune(dev.rondo.client.PruneOptions.olderThan(Duration.ZERO)));
        assertEquals("0", engine.one("SELECT count(*) FROM debounces"));
    }

    @Test
    void keepingTheFirstInputIgnoresTheLaterOnes() {
        Set<String> ids = new HashSet<>();
        for (int n = 1; n <= 3; n++) {
            ids.add(start("first", n, true).id());
        }
        assertEquals(1, ids.size(), ids.toString());
        Engine.assertCompleted("{\"n\":1}", engine.client.handle(ids.iterator().next()).result(Duration.ofSeconds(30)));
    }

    @Test
    void clientsRacingOnANewKeyMakeOneExecution() throws Exception {
        int clients = 6;
        List<RondoClient> own = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> starts = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                RondoClient client = RondoClient.create(engine.dataSource);
                own.add(client);
                int n = i;
                starts.add(pool.submit(() -> {
                    go.await();
                    return client.start("echo", "{\"n\": " + n + "}", StartOptions.DEFAULT.withDebounce("race", Duration.ofSeconds(1)))
                            .id();
                }));
            }
            go.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<String> start : starts) {
                ids.add(start.get());
            }
            assertEquals(1, ids.size(), ids.toString());
            String result = engine.client.handle(ids.iterator().next()).result(Duration.ofSeconds(30)).resultJson();
            assertTrue(result.matches("\\{\"n\":[0-5]\\}"), result);
            assertEquals("1", engine.one("SELECT count(*) FROM executions WHERE name = 'echo'"));
        } finally {
            pool.shutdownNow();
            own.forEach(RondoClient::close);
        }
    }
}
