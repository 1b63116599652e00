package dev.rondo.examples.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rondo.examples.Examples;
import dev.rondo.examples.batch.BatchTasks.BatchReport;
import dev.rondo.examples.batch.BatchTasks.Failure;
import dev.rondo.testing.FlowRun;
import dev.rondo.testing.FlowTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code batch/thumbnails.flow} on virtual time with the real {@link BatchTasks} handlers: the failure
 * budget at its boundary (exactly {@code maxFailures} failures complete, one more fails), the chunks that
 * never start, and the retry schedule of a flaky image.
 */
class BatchFlowTest {

    private final ImageService images = new ImageService();
    private final FlowTest env = FlowTest.of(Examples.flows()).handlers(new BatchTasks(images)::register);

    private static List<String> thumbnailed(FlowRun run) {
        return run.tasks("makeThumbnail").stream().map(a -> a.input().get("image").get("id").asText()).toList();
    }

    @Test
    void exactlyAsManyFailuresAsTheBudgetAllowsCompleteTheBatch() {
        images.corrupt("img-1").corrupt("img-2");

        FlowRun run = env.run("batch/thumbnails", BatchExample.batch("b", 6, 2, 2));

        BatchReport report = run.result(BatchReport.class);
        assertEquals("completed with failures", report.status());
        assertEquals(4, report.done());
        assertEquals(0, report.skipped());
        assertEquals(List.of(new Failure("img-1", "Not an image: s3://photos/b/1.jpg", 1),
                new Failure("img-2", "Not an image: s3://photos/b/2.jpg", 1)), report.failures());
        assertEquals(report, images.report("b"));
    }

    @Test
    void oneFailureMoreFailsTheBatchAndStartsNoFurtherChunk() {
        images.corrupt("img-1").corrupt("img-2").corrupt("img-3");

        FlowRun run = env.run("batch/thumbnails", BatchExample.batch("b", 6, 2, 2));

        assertEquals("BatchFailed", run.error().name());
        assertEquals("3 images failed, more than the 2 allowed (first: img-1: Not an image: s3://photos/b/1.jpg)",
                run.error().message());
        assertEquals(List.of("img-1", "img-2", "img-3", "img-4"), thumbnailed(run), "the third chunk never starts");
        BatchReport report = (BatchReport) images.report("b");
        assertEquals("failed", report.status());
        assertEquals(2, report.skipped());
        assertEquals(1, report.done());
    }

    @Test
    void aBudgetOfZeroFailsOnTheFirstFailure() {
        images.corrupt("img-4");

        FlowRun run = env.run("batch/thumbnails", BatchExample.batch("b", 4, 0, 10));

        assertEquals("BatchFailed", run.error().name());
        assertEquals(3, ((BatchReport) images.report("b")).done());
    }

    @Test
    void aFlakyImageIsRetriedAfterPointTwoAndPointFourSecondsAndTheNextChunkWaitsForIt() {
        images.flaky("img-2", 2);

        FlowRun run = env.run("batch/thumbnails", BatchExample.batch("b", 4, 0, 2));

        assertEquals("completed", run.result(BatchReport.class).status());
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(List.of(start, start.plusMillis(200), start.plusMillis(600)),
                run.tasks("makeThumbnail").stream().filter(a -> a.input().get("image").get("id").asText().equals("img-2"))
                        .map(FlowRun.Attempt::at).toList());
        assertEquals(List.of(start.plusMillis(600), start.plusMillis(600)), run.tasks("makeThumbnail").stream()
                .filter(a -> a.input().get("image").get("id").asText().compareTo("img-3") >= 0)
                .map(FlowRun.Attempt::at).toList(), "chunk two starts when chunk one has settled");
        assertEquals(List.of("local-1/thumbnail-img-2"), run.tasks("makeThumbnail").stream()
                .filter(a -> a.attempt() > 1).map(FlowRun.Attempt::idempotencyKey).distinct().toList());
    }

    @Test
    void anImageStillFailingAfterThreeAttemptsCountsAgainstTheBudget() {
        images.flaky("img-1", 3);

        FlowRun run = env.run("batch/thumbnails", BatchExample.batch("b", 2, 1, 2));

        assertEquals(List.of(new Failure("img-1", "Storage timed out reading s3://photos/b/1.jpg", 3)),
                run.result(BatchReport.class).failures());
        assertEquals(Duration.ofMillis(600), run.elapsed());
    }
}
