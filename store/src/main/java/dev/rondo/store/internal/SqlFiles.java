package dev.rondo.store.internal;

import dev.rondo.store.Channels;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads the store's {@code .sql} files (under {@code dev/rondo/store/}) without their comments, with each
 * {@code {{name}}} replaced by its fragment: the NOTIFY channels and the wake-up rule are written once, and
 * every statement that uses them stays one statement. Not API.
 */
public final class SqlFiles {

    private static final String ROOT = "dev/rondo/store/";

    /**
     * The wake-up rule: a workflow that already has an unleased queue item keeps that one item, due at the
     * earlier of the two times (a wake-up never delays one already due); a leased item (a slice running now)
     * does not conflict, so the workflow gets a second item and runs again after the running slice.
     */
    private static final String WAKE_UP = """
            ON CONFLICT (execution_id) WHERE lease_owner IS NULL
                DO UPDATE SET run_at = LEAST(queue_items.run_at, excluded.run_at)""";

    /**
     * The per-queue finished counts (queue_throughput, V18): a statement that ends executions adds them to
     * the counter of the running 10-second bucket, its queue and its own server process, so that no two
     * transactions ever update the same counter row (a counter per queue alone would make every end of a
     * queue wait for the commit of the one before). Used as
     * {@code counted AS ({{count_ended}} FROM ended GROUP BY queue {{add_to_throughput}})}, where {@code ended}
     * has a row with the queue of each execution the statement ended.
     */
    private static final String COUNT_ENDED = """
            INSERT INTO queue_throughput (queue, bucket, backend, finished)
                SELECT queue, to_timestamp(floor(extract(EPOCH FROM now()) / 10) * 10), pg_backend_pid(), count(*)""";

    private static final String ADD_TO_THROUGHPUT = """
            ON CONFLICT (queue, bucket, backend)
                DO UPDATE SET finished = queue_throughput.finished + excluded.finished""";

    private static final Map<String, String> FRAGMENTS = Map.of(
            "wake_up", WAKE_UP,
            "count_ended", COUNT_ENDED,
            "add_to_throughput", ADD_TO_THROUGHPUT,
            "work_channel", "'" + Channels.WORK + "'",
            "done_channel", "'" + Channels.DONE + "'",
            "schedules_channel", "'" + Channels.SCHEDULES + "'",
            "admit_channel", "'" + Channels.ADMIT + "'");

    private SqlFiles() {}

    /** {@code path} relative to {@code dev/rondo/store/}, e.g. {@code QueueStatements/claim.sql}. */
    public static String read(String path) {
        String resource = ROOT + path;
        try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from rondo-store's jar");
            }
            return expand(resource, SqlText.withoutComments(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String expand(String resource, String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 128);
        int at = 0;
        for (int open = sql.indexOf("{{"); open >= 0; open = sql.indexOf("{{", at)) {
            int close = sql.indexOf("}}", open);
            String name = close < 0 ? null : sql.substring(open + 2, close);
            String fragment = name == null ? null : FRAGMENTS.get(name);
            if (fragment == null) {
                throw new IllegalStateException(resource + " names an unknown fragment at " + sql.substring(open, Math.min(sql.length(), open + 30)));
            }
            out.append(sql, at, open).append(fragment);
            at = close + 2;
        }
        return out.append(sql, at, sql.length()).toString();
    }
}
