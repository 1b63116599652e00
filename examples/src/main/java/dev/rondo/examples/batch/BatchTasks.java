package dev.rondo.examples.batch;

import dev.rondo.worker.Worker;
import java.util.List;

/** The tasks of {@code batch/thumbnails.flow}, over a fake {@link ImageService}. */
public record BatchTasks(ImageService images) {

    public record Image(String id, String url) {}

    public record MakeThumbnail(Image image, int width) {}

    public record Thumbnail(String id, String url) {}

    public record Failure(String id, String error, int attempts) {}

    public record BatchReport(String batchId, String status, int done, List<Failure> failures, int skipped) {}

    /** Registers every task of the batch workflow on {@code worker}. */
    public Worker.Builder register(Worker.Builder worker) {
        return worker
                .task("makeThumbnail", MakeThumbnail.class, (make, ctx) -> new Thumbnail(make.image().id(),
                        images.thumbnail(ctx.idempotencyKey(), make.image().id(), make.image().url(), make.width())))
                .task("recordBatch", BatchReport.class, (report, ctx) -> {
                    images.record(report.batchId(), report);
                    return null;
                });
    }
}
