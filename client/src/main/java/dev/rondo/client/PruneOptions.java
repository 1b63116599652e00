package dev.rondo.client;

import dev.rondo.client.internal.Lookups;
import dev.rondo.core.Identifiers;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * What {@link RondoClient#prune} deletes: workflow executions that finished more than {@code olderThan}
 * ago, optionally only those of one workflow, {@code batchSize} trees per transaction. With
 * {@code dryRun} nothing is deleted and {@code prune} returns how many would be. {@code onBatch}, if set,
 * is told the running total after each batch (for progress on long runs).
 *
 * <pre>{@code
 * long deleted = rondo.prune(PruneOptions.olderThan(Duration.ofDays(30)).withWorkflow("orders/process"));
 * }</pre>
 */
public record PruneOptions(Duration olderThan, String workflow, int batchSize, boolean dryRun, LongConsumer onBatch) {

    /** Trees deleted per transaction unless {@link #withBatchSize} says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final int MAX_BATCH_SIZE = 10_000;

    public PruneOptions {
        Objects.requireNonNull(olderThan, "olderThan");
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("The age to prune must not be negative, not " + olderThan + ".");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("The batch size must be between 1 and " + MAX_BATCH_SIZE + ", not " + batchSize + ".");
        }
        Lookups.check(Identifiers.Kind.WORKFLOW_NAME, workflow);
    }

    /** Every workflow's executions finished more than {@code age} ago, in batches of {@link #DEFAULT_BATCH_SIZE}. */
    public static PruneOptions olderThan(Duration age) {
        return new PruneOptions(age, null, DEFAULT_BATCH_SIZE, false, null);
    }

    /** Only executions of workflow {@code name}. */
    public PruneOptions withWorkflow(String name) {
        return new PruneOptions(olderThan, name, batchSize, dryRun, onBatch);
    }

    public PruneOptions withBatchSize(int size) {
        return new PruneOptions(olderThan, workflow, size, dryRun, onBatch);
    }

    /** Count what would be deleted, delete nothing. */
    public PruneOptions withDryRun(boolean dry) {
        return new PruneOptions(olderThan, workflow, batchSize, dry, onBatch);
    }

    /** Called after each committed batch with the number of executions deleted so far. */
    public PruneOptions withOnBatch(LongConsumer listener) {
        return new PruneOptions(olderThan, workflow, batchSize, dryRun, listener);
    }
}
