package dev.rondo.client;

import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Which executions {@link RondoClient#bulk} acts on and how: those {@code filter} selects (its status,
 * workflow and attributes; its limit and {@code after} are ignored), created at or after {@code since}
 * (null: any time), newest first, {@code batchSize} at a time, starting after execution {@code resumeAfter}
 * (the cursor a previous, interrupted run reported; null: from the newest). With {@code dryRun} nothing is
 * changed: the result has the count and a sample of ids. {@code onBatch} (or null) hears of each batch;
 * {@code stop} (or null) is asked before each execution and ends the run early, with a cursor to resume from.
 *
 * <pre>{@code
 * BulkResult r = rondo.bulk(BulkAction.PAUSE, BulkOptions.of(ListFilter.ALL.where("workflow=orders/process")));
 * }</pre>
 */
public record BulkOptions(ListFilter filter, Instant since, int batchSize, boolean dryRun, String resumeAfter,
                          Consumer<BulkResult> onBatch, BooleanSupplier stop) {

    public static final int DEFAULT_BATCH_SIZE = 100;
    /** How many ids a result's sample holds at most. */
    public static final int SAMPLE_SIZE = 10;

    public BulkOptions {
        Objects.requireNonNull(filter, "filter");
        if (batchSize < 1 || batchSize > ListFilter.MAX_LIMIT) {
            throw new IllegalArgumentException("The batch size must be between 1 and " + ListFilter.MAX_LIMIT + ", not " + batchSize + ".");
        }
        dev.rondo.client.internal.Lookups.check(dev.rondo.core.Identifiers.Kind.EXECUTION_ID, resumeAfter);
    }

    /** Every execution {@code filter} selects, in batches of {@link #DEFAULT_BATCH_SIZE}. */
    public static BulkOptions of(ListFilter filter) {
        return new BulkOptions(filter, null, DEFAULT_BATCH_SIZE, false, null, null, null);
    }

    public BulkOptions withSince(Instant since) {
        return new BulkOptions(filter, since, batchSize, dryRun, resumeAfter, onBatch, stop);
    }

    public BulkOptions withBatchSize(int batchSize) {
        return new BulkOptions(filter, since, batchSize, dryRun, resumeAfter, onBatch, stop);
    }

    public BulkOptions withDryRun(boolean dryRun) {
        return new BulkOptions(filter, since, batchSize, dryRun, resumeAfter, onBatch, stop);
    }

    public BulkOptions withResumeAfter(String executionId) {
        return new BulkOptions(filter, since, batchSize, dryRun, executionId, onBatch, stop);
    }

    public BulkOptions withOnBatch(Consumer<BulkResult> onBatch) {
        return new BulkOptions(filter, since, batchSize, dryRun, resumeAfter, onBatch, stop);
    }

    public BulkOptions withStop(BooleanSupplier stop) {
        return new BulkOptions(filter, since, batchSize, dryRun, resumeAfter, onBatch, stop);
    }
}
