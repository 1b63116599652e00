package dev.rondo.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Debounced workflow starts (docs/scheduling.md, "Debounce"), over plain JDBC (SQL in
 * {@code DebounceStatements/*.sql}). Run {@link #start} in a transaction of its own and commit: it locks the
 * key's row in {@code debounces} until the commit, which is what makes racing starts of one key make one
 * execution.
 */
public final class DebounceStatements {

    private static final Sql CLAIM_WINDOW = Sql.load("DebounceStatements/claim_window.sql");
    private static final Sql REPLACE_INPUT = Sql.load("DebounceStatements/replace_input.sql");
    private static final Sql TAKE_OVER = Sql.load("DebounceStatements/take_over.sql");
    private static final Sql PUSH_BACK = Sql.load("DebounceStatements/push_back.sql");

    /** What a debounced start did: the execution that will run, and whether this start created it. */
    public record Outcome(String executionId, boolean created, WorkflowStart.Outcome start) {}

    private DebounceStatements() {}

    /**
     * A start of workflow {@code name} debounced on {@code key}: the first start of a window creates an
     * execution due {@code delayMillis} later (with id {@code id}); a start while that window is open gives
     * it its input ({@code keepFirst} false) or changes nothing ({@code keepFirst} true), and returns its id;
     * a start after the window, or once its execution has been claimed, opens a new window.
     */
    public static Outcome start(Connection connection, String key, boolean keepFirst, String id, String name, String queue,
                                int priority, String input, long delayMillis, String attributesJson, String traceContext)
            throws SQLException {
        return start(connection, key, keepFirst, id, name, queue, priority, input, delayMillis, null, attributesJson, traceContext);
    }

    /**
     * {@link #start(Connection, String, boolean, String, String, String, int, String, long, String, String)}; with
     * {@code maxWaitMillis} (null: a fixed window) the window trails: each start within it pushes the run
     * back to {@code delayMillis} from now, never past {@code maxWaitMillis} after the window's first start.
     */
    public static Outcome start(Connection connection, String key, boolean keepFirst, String id, String name, String queue,
                                int priority, String input, long delayMillis, Long maxWaitMillis, String attributesJson,
                                String traceContext) throws SQLException {
        String maxWait = maxWaitMillis == null ? null : String.valueOf(maxWaitMillis);
        String window;
        try (Sql.Bound claim = CLAIM_WINDOW.prepare(connection).set("key", key).set("id", id).set("delayMillis", delayMillis)
                .text("maxWaitMillis", maxWait);
             ResultSet rs = claim.query()) {
            rs.next();
            window = rs.getString("execution_id");
        }
        if (!window.equals(id)) {
            if (maxWaitMillis != null) {
                try (Sql.Bound push = PUSH_BACK.prepare(connection).set("key", key).set("existing", window)
                        .set("delayMillis", delayMillis).set("input", input).set("keepFirst", keepFirst);
                     ResultSet rs = push.query()) {
                    if (rs.next()) {
                        return new Outcome(window, false, null);
                    }
                }
            } else if (keepFirst) {
                return new Outcome(window, false, null);
            } else {
                try (Sql.Bound replace = REPLACE_INPUT.prepare(connection).set("existing", window).set("input", input);
                     ResultSet rs = replace.query()) {
                    if (rs.next()) {
                        return new Outcome(window, false, null);
                    }
                }
            }
            try (Sql.Bound takeOver = TAKE_OVER.prepare(connection).set("key", key).set("id", id).set("delayMillis", delayMillis)
                    .text("maxWaitMillis", maxWait)) {
                takeOver.update();
            }
        }
        WorkflowStart.Outcome started = WorkflowStart.insert(connection, id, name, queue, priority, input, delayMillis,
                attributesJson, traceContext, null, 0);
        return new Outcome(id, true, started);
    }
}
