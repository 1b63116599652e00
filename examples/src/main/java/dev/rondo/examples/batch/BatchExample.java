package dev.rondo.examples.batch;

import dev.rondo.client.RondoClient;
import dev.rondo.client.WorkflowResult;
import dev.rondo.examples.Examples;
import dev.rondo.worker.Worker;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Runs {@code batch/thumbnails.flow} twice over 12 images, two of them corrupt and one flaky: once with a
 * budget of 2 failures (completes and reports them), once with a budget of 1 (fails, the last chunk
 * never starts).
 */
public final class BatchExample {

    private BatchExample() {}

    public static void main(String[] args) throws Exception {
        Examples.main(BatchExample::demo);
    }

    /** Deploys the flows, runs both batches on a worker of its own, prints and returns their results. */
    public static List<WorkflowResult> demo(RondoClient rondo) {
        ImageService images = new ImageService().corrupt("img-3").corrupt("img-5").flaky("img-8", 1);
        rondo.deploy(Examples.flows());
        try (Worker worker = Examples.startWorker(rondo, new BatchTasks(images)::register)) {
            WorkflowResult tolerant = Examples.awaitAndPrint(
                    Examples.start(rondo, "batch/thumbnails", batch("tolerant", 12, 2, 5)));
            WorkflowResult strict = Examples.awaitAndPrint(
                    Examples.start(rondo, "batch/thumbnails", batch("strict", 12, 1, 5)));
            System.out.println("report of the strict batch: " + images.report("strict"));
            return List.of(tolerant, strict);
        }
    }

    /** A batch of {@code count} images {@code img-1…}, with its failure budget and parallelism. */
    static String batch(String batchId, int count, int maxFailures, int parallelism) {
        String images = IntStream.rangeClosed(1, count)
                .mapToObj(i -> "{\"id\": \"img-%d\", \"url\": \"s3://photos/%s/%d.jpg\"}".formatted(i, batchId, i))
                .collect(Collectors.joining(", "));
        return """
                {"batchId": "%s", "images": [%s], "maxFailures": %d, "parallelism": %d}"""
                .formatted(batchId, images, maxFailures, parallelism);
    }
}
