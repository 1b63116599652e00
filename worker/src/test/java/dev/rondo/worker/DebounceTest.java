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

    // Trailing windows (StartOptions.withDebounce(key, delay, maxWait)): each start pushes the run back to
    // delay after it, never past maxWait after the window's first start.

    /** Starts every 100 ms for {@code millis}, each recording the database's clock after its commit; returns the ids. */
    private List<String> startEvery100Ms(String key, long millis, Duration delay, Duration maxWait) throws Exception {
        engine.one("SELECT 1 FROM pg_class LIMIT 1"); // a warm pool: the first start is not slower than the rest
        List<String> ids = new ArrayList<>();
        long began = System.nanoTime();
        for (int n = 1; (System.nanoTime() - began) / 1_000_000 < millis; n++) {
            long due = began + (n - 1) * 100_000_000L;
            Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
            ids.add(engine.client.start("echo", "{\"n\": " + n + "}", StartOptions.DEFAULT.withDebounce(key, delay, maxWait)).id());
            try (var c = engine.dataSource.getConnection(); var st = c.createStatement()) {
                st.execute("INSERT INTO debounce_starts VALUES ('" + ids.getLast() + "', " + n + ", clock_timestamp())");
            }
        }
        return ids;
    }

    private void recordStarts() throws java.sql.SQLException {
        try (var c = engine.dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS debounce_starts (execution_id text, n int, at timestamptz)");
        }
    }

    @Test
    void aTrailingWindowRunsOnceAfterTheLastStart() throws Exception {
        recordStarts();
        List<String> ids = startEvery100Ms("trail", 1_000, Duration.ofMillis(300), Duration.ofSeconds(5));
        assertEquals(1, new HashSet<>(ids).size(), "one window: " + ids);
        WorkflowHandle run = engine.client.handle(ids.getFirst());
        Engine.assertCompleted("{\"n\":" + ids.size() + "}", run.result(Duration.ofSeconds(30)));
        // it ran once, after the last start's delay, not after the first start's
        String afterLast = engine.one("SELECT round(EXTRACT(EPOCH FROM e.started_at - (SELECT max(at) FROM debounce_starts)) * 1000)"
                + " FROM executions e WHERE e.id = '" + run.id() + "'");
        System.out.println("DebounceTest: " + ids.size() + " starts 100 ms apart, delay 300 ms: one run, " + afterLast
                + " ms after the last start");
        assertTrue(Long.parseLong(afterLast) >= 250, "the run began " + afterLast + " ms after the last start (delay 300 ms)");
        assertTrue(Long.parseLong(afterLast) < 2_000, "the run began " + afterLast + " ms after the last start");
        assertEquals("1", engine.one("SELECT count(*) FROM executions WHERE name = 'echo'"));
    }

    @Test
    void aTrailingWindowRunsAtItsMaximumWaitAndANewOneOpens() throws Exception {
        recordStarts();
        List<String> ids = startEvery100Ms("capped", 1_000, Duration.ofMillis(300), Duration.ofMillis(500));
        List<String> windows = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        for (String id : windows) {
            assertEquals(dev.rondo.core.ExecutionStatus.COMPLETED, engine.client.handle(id).result(Duration.ofSeconds(30)).status());
        }
        // each window ran no later than 500 ms after its first start (plus the claim's lag), and its last input won
        List<String> late = engine.column("SELECT e.id || ' ' || round(EXTRACT(EPOCH FROM e.started_at - min(s.at)) * 1000)"
                + " FROM executions e JOIN debounce_starts s ON s.execution_id = e.id GROUP BY e.id, e.started_at ORDER BY min(s.at)");
        System.out.println("DebounceTest: " + ids.size() + " starts 100 ms apart, delay 300 ms, max wait 500 ms: "
                + windows.size() + " windows, each run this long after its first start: " + late);
        assertTrue(windows.size() >= 2 && windows.size() <= 3, "windows: " + windows.size());
        for (String row : late) {
            long ms = Long.parseLong(row.substring(row.lastIndexOf(' ') + 1));
            assertTrue(ms >= 450 || row.startsWith(windows.getLast()), "a window ran before its maximum wait: " + row);
            assertTrue(ms < 1_200, "a window ran " + ms + " ms after its first start (max wait 500 ms)");
        }
        for (String id : windows) {
            String lastInput = engine.one("SELECT max(n) FROM debounce_starts WHERE execution_id = '" + id + "'");
            assertEquals("{\"n\":" + lastInput + "}", engine.client.handle(id).result(Duration.ofSeconds(30)).resultJson());
        }
        assertEquals(String.valueOf(windows.size()), engine.one("SELECT count(*) FROM executions WHERE name = 'echo'"));
    }

    @Test
    void clientsRacingOnATrailingWindowMakeOneExecutionPerWindow() throws Exception {
        try (var c = engine.dataSource.getConnection(); var st = c.createStatement()) {
            st.execute("CREATE TABLE windows (execution_id text, due_at timestamptz, at timestamptz)");
            st.execute("""
                    CREATE FUNCTION record_window() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      INSERT INTO windows VALUES (NEW.execution_id, NEW.due_at, clock_timestamp());
                      RETURN NEW;
                    END $$""");
            st.execute("CREATE TRIGGER record_window AFTER INSERT OR UPDATE ON debounces FOR EACH ROW EXECUTE FUNCTION record_window()");
        }
        int clients = 6;
        List<RondoClient> own = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<String>>> starts = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                RondoClient client = RondoClient.create(engine.dataSource);
                own.add(client);
                int c = i;
                starts.add(pool.submit(() -> {
                    go.await();
                    List<String> ids = new ArrayList<>();
                    for (int k = 0; k < 10; k++) {
                        ids.add(client.start("echo", "{\"n\": " + (c * 100 + k) + "}",
                                StartOptions.DEFAULT.withDebounce("race-trail", Duration.ofMillis(200), Duration.ofMillis(400))).id());
                        Thread.sleep(60);
                    }
                    return ids;
                }));
            }
            go.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<List<String>> start : starts) {
                ids.addAll(start.get());
            }
            for (String id : ids) {
                assertEquals(dev.rondo.core.ExecutionStatus.COMPLETED, engine.client.handle(id).result(Duration.ofSeconds(30)).status());
            }
            // every id a start returned is an execution, and no execution was made that no start returned
            assertEquals(String.valueOf(ids.size()), engine.one("SELECT count(*) FROM executions WHERE name = 'echo'"));
            // the windows do not overlap: each opened (its debounces row written, on the database's clock) once
            // the one before it was due; none ran before its due time, or was due later than its max wait
            String windows = "SELECT execution_id, min(at) AS opened, max(due_at) AS due FROM windows GROUP BY execution_id";
            String overlapping = engine.one("SELECT count(*) FROM (" + windows + ") a JOIN (" + windows + ") b"
                    + " ON b.opened > a.opened AND b.opened < a.due");
            String early = engine.one("SELECT count(*) FROM (" + windows + ") w JOIN executions e ON e.id = w.execution_id"
                    + " WHERE e.started_at < w.due OR w.due > w.opened + interval '400 milliseconds'");
            String pushed = engine.one("SELECT count(*) FROM (SELECT execution_id FROM windows GROUP BY execution_id"
                    + " HAVING count(DISTINCT due_at) > 1) p");
            System.out.println("DebounceTest: 6 clients x 10 starts 60 ms apart, delay 200 ms, max wait 400 ms: " + ids.size()
                    + " windows (" + pushed + " pushed back), " + overlapping + " overlapping, " + early + " early or past the max wait");
            assertEquals("0", overlapping);
            assertEquals("0", early);
            assertEquals(String.valueOf(ids.size()), engine.one("SELECT count(DISTINCT execution_id) FROM windows"));
            assertTrue(ids.size() >= 2, "a max wait of 400 ms over ~600 ms of starts makes at least two windows: " + ids.size());
        } finally {
            pool.shutdownNow();
            own.forEach(RondoClient::close);
        }
    }
}
