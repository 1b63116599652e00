package dev.rondo.examples.batch;

import dev.rondo.worker.TaskFailure;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A fake image service held in memory: makes thumbnails (once per idempotency key) and keeps batch
 * reports. Failures can be injected: corrupt images fail for good, flaky ones fail a number of times
 * before they work.
 */
public final class ImageService {

    private final Map<String, String> thumbnailByKey = new LinkedHashMap<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private final Set<String> corrupt = new HashSet<>();
    private final Map<String, Integer> failuresLeft = new HashMap<>();
    private final Map<String, Object> reports = new LinkedHashMap<>();

    /** Image {@code id} cannot be read: every attempt fails for good. */
    public synchronized ImageService corrupt(String id) {
        corrupt.add(id);
        return this;
    }

    /** The first {@code times} attempts on image {@code id} time out (and may be retried). */
    public synchronized ImageService flaky(String id, int times) {
        failuresLeft.put(id, times);
        return this;
    }

    /** Makes the thumbnail of image {@code id} once per {@code idempotencyKey}; returns its URL. */
    public synchronized String thumbnail(String idempotencyKey, String id, String url, int width) {
        attempts.merge(id, 1, Integer::sum);
        if (corrupt.contains(id)) {
            throw TaskFailure.permanent("Not an image: " + url);
        }
        if (failuresLeft.getOrDefault(id, 0) > 0) {
            failuresLeft.merge(id, -1, Integer::sum);
            throw new IllegalStateException("Storage timed out reading " + url);
        }
        return thumbnailByKey.computeIfAbsent(idempotencyKey, key -> "https://cdn.example.com/thumbs/" + width + "/" + id + ".jpg");
    }

    /** Keeps the report of batch {@code batchId} (the last one written wins, so a retry is harmless). */
    public synchronized void record(String batchId, Object report) {
        reports.put(batchId, report);
    }

    /** How many thumbnails were made. */
    public synchronized int thumbnailCount() {
        return thumbnailByKey.size();
    }

    /** How many attempts image {@code id} had. */
    public synchronized int attempts(String id) {
        return attempts.getOrDefault(id, 0);
    }

    /** The report recorded for {@code batchId}, or null. */
    public synchronized Object report(String batchId) {
        return reports.get(batchId);
    }
}
