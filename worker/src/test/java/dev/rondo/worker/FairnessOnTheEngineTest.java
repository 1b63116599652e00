package dev.rondo.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.StartOptions;
import dev.rondo.client.WorkflowHandle;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fairness on the engine, with one worker of concurrency 1 recording the order its task handlers start in:
 * tasks of a small tenant started after a large tenant's are run in turns with them, not after them; and a
 * workflow started with a fairness key gives it to its tasks and wake-ups. (Without the fair claim, the small
 * tenant's tasks run after all of the large one's, in the order they were queued.)
 */
class FairnessOnTheEngineTest {

    @TempDir
    Path flows;

    private Engine engine;

    @BeforeEach
    void setUp() throws SQLException {
        engine = new Engine("fairness", flows);
        engine.flow("fanout", """
                const promises = []
                for (let i = 0; i < Inputs.big; i++) {
                  promises.push(Task.run("work", {tenant: "big"}, {fairness: {key: "big"}}))
                }
                for (let i = 0; i < Inputs.small; i++) {
                  promises.push(Task.run("work", {tenant: "small"}, {fairness: {key: "small", weight: 1}}))
                }
                const done = await Promise.all(promises)
                return done.length
                """);
        engine.flow("tenant", """
                await Task.run("work", {tenant: Inputs.tenant})
                return Inputs.tenant
                """);
        try (Connection c = engine.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE runs (n serial, tenant text, task text)");
        }
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        engine.close();
    }

    private Object work(com.fasterxml.jackson.databind.JsonNode input, TaskContext ctx) throws Exception {
        try (Connection c = engine.dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO runs (tenant, task) VALUES (?, ?)")) {
            s.setString(1, input.get("tenant").asText());
            s.setString(2, ctx.idempotencyKey());
            s.executeUpdate();
        }
        return input;
    }

    /** The places (1, 2, …) in start order of the tasks of {@code tenant}. */
    private List<Integer> places(String tenant) {
        return engine.column("SELECT place FROM (SELECT tenant, row_number() OVER (ORDER BY n) AS place FROM runs) r"
                + " WHERE tenant = '" + tenant + "' ORDER BY place").stream().map(Integer::parseInt).toList();
    }

    @Test
    void aSmallTenantsTasksRunInTurnsWithALargeOnesOnOneSlot() {
        WorkflowHandle run = engine.start("fanout", "{\"big\": 40, \"small\": 4}");
        engine.worker(b -> b.concurrency(1).task("work", this::work));
        Engine.assertCompleted("44", run.result(Duration.ofSeconds(60)));
        List<Integer> small = places("small");
        System.out.println("FairnessOnTheEngineTest: the small tenant's 4 tasks started at places " + small + " of 44");
        assertEquals(4, small.size());
        assertTrue(small.getLast() <= 2 * 4 + 1, "the small tenant's tasks ran at " + small + " of 44");
        assertEquals("0", engine.one("SELECT count(*) FROM queue_items"));
        assertEquals("4", engine.one("SELECT count(*) FROM executions WHERE kind = 'task' AND fair_key = 'small'"));
    }

    @Test
    void aWorkflowsFairnessKeyIsItsTasksAndTurnsAlternateAmongWorkflows() {
        List<WorkflowHandle> runs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            runs.add(engine.client.start("tenant", "{\"tenant\": \"big\"}", StartOptions.DEFAULT.withFairness("big")));
        }
        for (int i = 0; i < 3; i++) {
            runs.add(engine.client.start("tenant", "{\"tenant\": \"small\"}", StartOptions.DEFAULT.withFairness("small", 2)));
        }
        assertEquals("23", engine.one("SELECT count(*) FROM queue_items WHERE fair_key IS NOT NULL"));
        engine.worker(b -> b.concurrency(1).task("work", this::work));
        for (WorkflowHandle run : runs) {
            assertEquals(dev.rondo.core.ExecutionStatus.COMPLETED, run.result(Duration.ofSeconds(60)).status());
        }
        List<Integer> small = places("small");
        System.out.println("FairnessOnTheEngineTest: the small tenant's 3 workflows' tasks started at places " + small + " of 23");
        assertTrue(small.getLast() <= 2 * 3 + 2, "the small tenant's tasks ran at " + small + " of 23");
        // the tasks took their workflow's key and weight (write_slice.sql)
        assertEquals("3", engine.one("SELECT count(*) FROM executions WHERE kind = 'task' AND fair_key = 'small' AND fair_weight = 2"));
    }
}
