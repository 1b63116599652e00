package dev.rondo.core;

/**
 * The limits of LANGUAGE.md §10. A stretch between two checkpoints may run {@code maxOperations}
 * statements and loop iterations; task inputs, results and signal payloads are at most
 * {@code maxPayloadBytes} of JSON; a checkpoint at most {@code maxCheckpointBytes}.
 */
public record Limits(long maxOperations, int maxCheckpointBytes, int maxPayloadBytes, int maxPendingPromises) {

    public static final long DEFAULT_MAX_OPERATIONS = 10_000_000;
    public static final int DEFAULT_MAX_CHECKPOINT_BYTES = 16 * 1024 * 1024;
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
    public static final int DEFAULT_MAX_PENDING_PROMISES = 10_000;

    public static final Limits DEFAULTS = new Limits(DEFAULT_MAX_OPERATIONS, DEFAULT_MAX_CHECKPOINT_BYTES,
            DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_MAX_PENDING_PROMISES);

    public Limits {
        if (maxOperations <= 0 || maxCheckpointBytes <= 0 || maxPayloadBytes <= 0 || maxPendingPromises <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Whether JSON text is over {@link #maxPayloadBytes()} of UTF-8 (encodes only when it could be). */
    public boolean payloadTooLarge(String json) {
        // A UTF-16 unit is at most 3 bytes of UTF-8, so short text needs no encoding to be known small.
        return json.length() > maxPayloadBytes / 3
                && json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxPayloadBytes;
    }

    /** "4 MiB": the payload limit as the error messages say it. */
    public String payloadLimitText() {
        return maxPayloadBytes % (1024 * 1024) == 0 ? maxPayloadBytes / (1024 * 1024) + " MiB" : maxPayloadBytes + " bytes";
    }

    public Limits withMaxOperations(long operations) {
        return new Limits(operations, maxCheckpointBytes, maxPayloadBytes, maxPendingPromises);
    }
}
