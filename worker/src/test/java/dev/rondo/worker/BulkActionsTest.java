package dev.rondo.worker;

import static dev.rondo.worker.WorkflowsOnTheEngineTest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.BulkAction;
import dev.rondo.client.BulkOptions;
import dev.rondo.client.BulkResult;
import dev.rondo.client.ListFilter;
import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.core.ExecutionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk actions (RondoClient.bulk, docs/operations.md): a dry run changes nothing and counts; a run goes in
 * batches, can be stopped and resumed from its cursor, and acts on each execution once.
 */
class BulkActionsTest {

    @TempDir
    Path flows;

    private Engine engine;
    private final List<WorkflowHandle> handles = new ArrayList<>();

    @BeforeEach
    void setUp() {
        engine = new Engine("bulk", flows);
        engine.worker(b -> b.pollInterval(Duration.ofMinutes(1)));
        engine.flow("waits", "let s = await Signal.next(\"go\")\nreturn s");
        engine.flow("other", "await Signal.next(\"go\")");
        for (int i = 0; i < 7; i++) {
            handles.add(engine.client.start("waits", "{}", StartOptions.DEFAULT.withAttributes(Map.of("batch", i < 5 ? "a" : "b"))));
        }
        handles.add(engine.start("other", "{}"));
        awaitTrue(() -> handles.stream().allMatch(h -> h.status() == ExecutionStatus.WAITING));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    private int pauses(String id) {
        return Integer.parseInt(engine.one("SELECT count(*) FROM history WHERE execution_id = '" + id + "' AND kind = 'operator.pause'"));
    }

    @Test
    void aDryRunCountsAndChangesNothing() {
        BulkResult dry = engine.client.bulk(BulkAction.PAUSE,
                BulkOptions.of(ListFilter.ALL.where("workflow=waits").where("batch=a")).withDryRun(true).withBatchSize(2));
        assertTrue(dry.dryRun());
        assertEquals(5, dry.matched());
        assertEquals(0, dry.changed());
        assertEquals(handles.subList(0, 5).stream().map(WorkflowHandle::id).collect(java.util.stream.Collectors.toSet()),
                new HashSet<>(dry.sample()));
        assertTrue(handles.stream().allMatch(h -> h.status() == ExecutionStatus.WAITING));
    }

    @Test
    void anInterruptedRunResumesFromItsCursorAndActsOnEachExecutionOnce() {
        BulkOptions options = BulkOptions.of(ListFilter.ALL.where("workflow=waits")).withBatchSize(2);
        List<BulkResult> progress = new ArrayList<>();
        AtomicInteger asked = new AtomicInteger();
        BulkResult first = engine.client.bulk(BulkAction.PAUSE,
                options.withOnBatch(progress::add).withStop(() -> asked.incrementAndGet() > 3)); // Ctrl-C after 3
        assertTrue(first.interrupted());
        assertEquals(3, first.matched());
        assertEquals(3, first.changed());
        assertEquals(2, progress.size(), "one report per batch");
        assertEquals(2, progress.getFirst().changed());

        BulkResult rest = engine.client.bulk(BulkAction.PAUSE, options.withResumeAfter(first.cursor()));
        assertFalse(rest.interrupted());
        assertEquals(4, rest.matched());
        assertEquals(4, rest.changed());
        assertEquals(2, rest.batches());
        for (WorkflowHandle h : handles.subList(0, 7)) {
            assertEquals(ExecutionStatus.PAUSED, h.status(), h.id());
            assertEquals(1, pauses(h.id()), h.id());
        }
        assertEquals(ExecutionStatus.WAITING, handles.get(7).status(), "another workflow is not selected");

        // again over everything: nothing new is done or recorded
        BulkResult again = engine.client.bulk(BulkAction.PAUSE, options);
        assertEquals(7, again.unchanged());
        Set<Integer> counts = new HashSet<>();
        handles.subList(0, 7).forEach(h -> counts.add(pauses(h.id())));
        assertEquals(Set.of(1), counts);

        BulkResult resumed = engine.client.bulk(BulkAction.RESUME, BulkOptions.of(ListFilter.ALL.where("status=paused")));
        assertEquals(7, resumed.changed());
        handles.getFirst().signal("go", "1");
        assertEquals(ExecutionStatus.COMPLETED, handles.getFirst().result(Duration.ofSeconds(30)).status());
    }

    @Test
    void refusalsAreCountedNotFatal() {
        handles.getFirst().terminate();
        BulkResult r = engine.client.bulk(BulkAction.PAUSE, BulkOptions.of(ListFilter.ALL.where("workflow=waits")));
        assertEquals(7, r.matched());
        assertEquals(6, r.changed());
        assertEquals(1, r.refused());
        assertTrue(r.refusals().getFirst().contains("has already terminated"), r.refusals().toString());
        BulkResult t = engine.client.bulk(BulkAction.TERMINATE, BulkOptions.of(ListFilter.ALL.where("batch=b")));
        assertEquals(2, t.changed());
    }
}
