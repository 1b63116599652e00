package dev.rondo.client;

import java.util.function.Consumer;

/**
 * What {@link RondoClient#upgrade} moves and how: only executions on version {@code fromHash} (all older
 * versions when null), nothing at all with {@code dryRun} (the report says what would move),
 * {@code batchSize} executions read per batch, and {@code onProgress}, if set, told the counts so far after
 * each batch (for progress on long runs).
 *
 * <pre>{@code
 * UpgradeReport report = rondo.upgrade("orders/process", UpgradeOptions.DEFAULTS.withDryRun(true));
 * }</pre>
 */
public record UpgradeOptions(String fromHash, boolean dryRun, int batchSize, Consumer<UpgradeReport.Progress> onProgress) {

    public static final int DEFAULT_BATCH_SIZE = 200;
    public static final int MAX_BATCH_SIZE = 10_000;

    /** Every older version, moved for real, in batches of {@link #DEFAULT_BATCH_SIZE}. */
    public static final UpgradeOptions DEFAULTS = new UpgradeOptions(null, false, DEFAULT_BATCH_SIZE, null);

    public UpgradeOptions {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("The batch size must be between 1 and " + MAX_BATCH_SIZE + ", not " + batchSize + ".");
        }
        if (fromHash != null && !fromHash.matches("[0-9a-f]{4,64}")) {
            throw new IllegalArgumentException("'" + fromHash + "' is not a version hash: a hash is hexadecimal"
                    + " (rondo list or the dashboard show the versions of a workflow).");
        }
    }

    /** Only executions of this version (a full hash, or a prefix of at least 4 characters). */
    public UpgradeOptions withFromHash(String hash) {
        return new UpgradeOptions(hash, dryRun, batchSize, onProgress);
    }

    /** Report what would move; move nothing. */
    public UpgradeOptions withDryRun(boolean dry) {
        return new UpgradeOptions(fromHash, dry, batchSize, onProgress);
    }

    public UpgradeOptions withBatchSize(int size) {
        return new UpgradeOptions(fromHash, dryRun, size, onProgress);
    }

    public UpgradeOptions withOnProgress(Consumer<UpgradeReport.Progress> listener) {
        return new UpgradeOptions(fromHash, dryRun, batchSize, listener);
    }
}
