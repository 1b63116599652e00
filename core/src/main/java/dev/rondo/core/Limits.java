package dev.rondo.core;

import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.Strings;

/**
 * The limits of LANGUAGE.md §10, the same in the engine and the in-process driver. A stretch between two
 * checkpoints may run {@code maxOperations} operations (statements, loop iterations, and the elements and
 * characters built-ins touch); task inputs, results and signal payloads are at most {@code maxPayloadBytes}
 * of JSON; a checkpoint at most {@code maxCheckpointBytes}; a string at most {@code maxStringLength} UTF-16
 * code units and an array at most {@code maxArrayLength} elements; {@code print} may write at most
 * {@code maxLogBytesPerSlice} bytes of UTF-8 in one stretch and {@code maxLogBytesPerExecution} in all; one
 * execution may start at most {@code maxStarts} tasks and child workflows in all.
 *
 * <pre>{@code
 * Limits strict = Limits.DEFAULTS.withMaxOperations(1_000_000).withMaxStarts(500);
 * }</pre>
 */
public record Limits(long maxOperations, int maxCheckpointBytes, int maxPayloadBytes, int maxPendingPromises,
                     int maxStringLength, int maxArrayLength, long maxLogBytesPerSlice, long maxLogBytesPerExecution,
                     long maxStarts) {

    public static final long DEFAULT_MAX_OPERATIONS = 10_000_000;
    public static final int DEFAULT_MAX_CHECKPOINT_BYTES = 16 * 1024 * 1024;
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
    public static final int DEFAULT_MAX_PENDING_PROMISES = 10_000;
    public static final int DEFAULT_MAX_STRING_LENGTH = Strings.MAX_LENGTH;
    public static final int DEFAULT_MAX_ARRAY_LENGTH = FlowArray.MAX_LENGTH;
    public static final long DEFAULT_MAX_LOG_BYTES_PER_SLICE = 1024 * 1024;
    public static final long DEFAULT_MAX_LOG_BYTES_PER_EXECUTION = 16 * 1024 * 1024;
    public static final long DEFAULT_MAX_STARTS = 100_000;

    public static final Limits DEFAULTS = new Limits(DEFAULT_MAX_OPERATIONS, DEFAULT_MAX_CHECKPOINT_BYTES,
            DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_MAX_PENDING_PROMISES, DEFAULT_MAX_STRING_LENGTH,
            DEFAULT_MAX_ARRAY_LENGTH, DEFAULT_MAX_LOG_BYTES_PER_SLICE, DEFAULT_MAX_LOG_BYTES_PER_EXECUTION,
            DEFAULT_MAX_STARTS);

    public Limits {
        if (maxOperations <= 0 || maxCheckpointBytes <= 0 || maxPayloadBytes <= 0 || maxPendingPromises <= 0
                || maxStringLength <= 0 || maxArrayLength <= 0 || maxLogBytesPerSlice <= 0
                || maxLogBytesPerExecution <= 0 || maxStarts <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** The first four limits, the others at their defaults. */
    public Limits(long maxOperations, int maxCheckpointBytes, int maxPayloadBytes, int maxPendingPromises) {
        this(maxOperations, maxCheckpointBytes, maxPayloadBytes, maxPendingPromises, DEFAULT_MAX_STRING_LENGTH,
                DEFAULT_MAX_ARRAY_LENGTH, DEFAULT_MAX_LOG_BYTES_PER_SLICE, DEFAULT_MAX_LOG_BYTES_PER_EXECUTION,
                DEFAULT_MAX_STARTS);
    }

    /** Whether JSON text is over {@link #maxPayloadBytes()} of UTF-8 (encodes only when it could be). */
    public boolean payloadTooLarge(String json) {
        // A UTF-16 unit is at most 3 bytes of UTF-8, so short text needs no encoding to be known small.
        return json.length() > maxPayloadBytes / 3
                && json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxPayloadBytes;
    }

    /** "4 MiB": the payload limit as the error messages say it. */
    public String payloadLimitText() {
        return bytesText(maxPayloadBytes);
    }

    /** "16 MiB", or "1,000 bytes" when not a whole number of MiB. */
    public static String bytesText(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : String.format("%,d bytes", bytes);
    }

    public Limits withMaxOperations(long operations) {
        return new Limits(operations, maxCheckpointBytes, maxPayloadBytes, maxPendingPromises, maxStringLength,
                maxArrayLength, maxLogBytesPerSlice, maxLogBytesPerExecution, maxStarts);
    }

    public Limits withMaxCheckpointBytes(int bytes) {
        return new Limits(maxOperations, bytes, maxPayloadBytes, maxPendingPromises, maxStringLength,
                maxArrayLength, maxLogBytesPerSlice, maxLogBytesPerExecution, maxStarts);
    }

    public Limits withMaxStringLength(int length) {
        return new Limits(maxOperations, maxCheckpointBytes, maxPayloadBytes, maxPendingPromises, length,
                maxArrayLength, maxLogBytesPerSlice, maxLogBytesPerExecution, maxStarts);
    }

    public Limits withMaxArrayLength(int length) {
        return new Limits(maxOperations, maxCheckpointBytes, maxPayloadBytes, maxPendingPromises, maxStringLength,
                length, maxLogBytesPerSlice, maxLogBytesPerExecution, maxStarts);
    }

    public Limits withMaxLogBytes(long perSlice, long perExecution) {
        return new Limits(maxOperations, maxCheckpointBytes, maxPayloadBytes, maxPendingPromises, maxStringLength,
                maxArrayLength, perSlice, perExecution, maxStarts);
    }

    public Limits withMaxStarts(long starts) {
        return new Limits(maxOperations, maxCheckpointBytes, maxPayloadBytes, maxPendingPromises, maxStringLength,
                maxArrayLength, maxLogBytesPerSlice, maxLogBytesPerExecution, starts);
    }
}
