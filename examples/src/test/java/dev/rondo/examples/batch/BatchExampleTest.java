package dev.rondo.examples.batch;

import static dev.rondo.examples.Json.completed;
import static dev.rondo.examples.Json.failed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rondo.client.WorkflowResult;
import dev.rondo.examples.ExampleEngine;
import dev.rondo.examples.batch.BatchTasks.BatchReport;
import dev.rondo.examples.batch.BatchTasks.Failure;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code batch/thumbnails.flow} on the engine: fan-out in chunks, retries, and the failure budget. */
class BatchExampleTest {

    private final ImageService images = new ImageService();
    private final ExampleEngine engine = new ExampleEngine("batch");

    @AfterEach
    void close() {
        engine.close();
    }

    private WorkflowResult run(String input) {
        engine.worker(new BatchTasks(images)::register);
        return engine.run("batch/thumbnails", input);
    }

    @Test
    void everyImageGetsOneThumbnailAndAFlakyOneIsRetried() {
        images.flaky("img-7", 2);
        JsonNode report = completed(run(BatchExample.batch("b1", 12, 0, 5)));
        assertEquals("{\"batchId\":\"b1\",\"status\":\"completed\",\"done\":12,\"failures\":[],\"skipped\":0}",
                report.toString());
        assertEquals(12, images.thumbnailCount());
        assertEquals(3, images.attempts("img-7"));
        assertEquals(1, images.attempts("img-8"));
    }

    @Test
    void failuresWithinTheBudgetAreReportedAndTheBatchCompletes() {
        images.corrupt("img-2").flaky("img-9", 5);
        JsonNode report = completed(run(BatchExample.batch("b2", 12, 2, 5)));
        assertEquals("completed with failures", report.get("status").asText());
        assertEquals(10, report.get("done").asInt());
        assertEquals("""
                [{"id":"img-2","error":"Not an image: s3://photos/b2/2.jpg","attempts":1},\
                {"id":"img-9","error":"Storage timed out reading s3://photos/b2/9.jpg","attempts":3}]""",
                report.get("failures").toString());
        assertEquals(new BatchReport("b2", "completed with failures", 10, List.of(
                new Failure("img-2", "Not an image: s3://photos/b2/2.jpg", 1),
                new Failure("img-9", "Storage timed out reading s3://photos/b2/9.jpg", 3)), 0), images.report("b2"));
    }

    @Test
    void blowingTheBudgetFailsTheBatchAndStartsNoMoreChunks() {
        images.corrupt("img-1").corrupt("img-4");
        JsonNode error = failed(run(BatchExample.batch("b3", 12, 1, 5)));
        assertEquals("BatchFailed", error.get("name").asText());
        assertEquals("2 images failed, more than the 1 allowed (first: img-1: Not an image: s3://photos/b3/1.jpg)",
                error.get("message").asText());
        assertEquals(3, images.thumbnailCount(), "only the first chunk ran");
        assertEquals(0, images.attempts("img-6"));
        assertEquals(new BatchReport("b3", "failed", 3, List.of(
                new Failure("img-1", "Not an image: s3://photos/b3/1.jpg", 1),
                new Failure("img-4", "Not an image: s3://photos/b3/4.jpg", 1)), 7), images.report("b3"));
    }

    @Test
    void anEmptyBatchCompletesAtOnce() {
        assertEquals(0, completed(run(BatchExample.batch("b4", 0, 0, 5))).get("done").asInt());
    }

    @Test
    void theDemoToleratesTwoFailuresButNotThree() {
        List<WorkflowResult> results = BatchExample.demo(engine.rondo);
        assertEquals("completed with failures", completed(results.get(0)).get("status").asText());
        assertEquals("BatchFailed", failed(results.get(1)).get("name").asText());
    }
}
