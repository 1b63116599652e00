package dev.rondo.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The worker's statements on queue items, over plain JDBC (SQL in {@code QueueStatements/*.sql} beside this
 * class): the claim and the batched task end, which every task runs through, the idle worker's next-due
 * query, and the lease renewal, cancellation check, rescue, retry and drop. Each is one statement; the caller decides whether it runs
 * alone (in auto-commit mode) or inside a transaction.
 */
public final class QueueStatements {

    private static final Sql CLAIM = load("claim.sql");
    private static final Sql CLAIM_FAIR = load("claim_fair.sql");
    private static final Sql HAS_DUE_KEYED = load("has_due_keyed.sql");
    private static final Sql FINISH_TASKS = load("finish_tasks.sql");
    private static final Sql NEXT_DUE = load("next_due.sql");
    private static final Sql RENEW_LEASES = load("renew_leases.sql");
    private static final Sql CANCELLED_ITEMS = load("cancelled_items.sql");
    private static final Sql EXPIRED_LEASES = load("expired_leases.sql");
    private static final Sql NEXT_LEASE_EXPIRY = load("next_lease_expiry.sql");
    private static final Sql REQUEUE_WORKFLOW = load("requeue_workflow.sql");
    private static final Sql DELETE_ITEM = load("delete_item.sql");
    private static final Sql RETRY_TASK = load("retry_task.sql");
    private static final Sql QUEUE_DEPTHS = load("queue_depths.sql");

    /** A queue's items due now that nobody holds, and the age of the oldest of them in seconds (0 when none). */
    public record Depth(String queue, long depth, double oldestSeconds) {}

    /** An item this worker now holds, with what running it needs; {@code kind} is null when the execution is gone. */
    public record Claimed(long itemId, String executionId, ExecutionKind kind, String name, String input, int attempt,
                   String options, String parentId, boolean cancelRequested, boolean finished, String traceContext) {

        /** A claimed item without a trace context. */
        public Claimed(long itemId, String executionId, ExecutionKind kind, String name, String input, int attempt,
                       String options, String parentId, boolean cancelRequested, boolean finished) {
            this(itemId, executionId, kind, name, input, attempt, options, parentId, cancelRequested, finished, null);
        }
    }

    /** An item whose lease ran out; {@code kind} is null when the execution is gone. */
    public record Expired(long itemId, String executionId, ExecutionKind kind, String name, String queue, int priority,
                   int attempt, String options, boolean finished) {}

    /** An item whose lease this worker still holds, and whether its execution has been cancelled. */
    public record Renewed(long itemId, boolean cancelRequested) {}

    /** The task attempts a batch ended (those still held), and the queues of the parents they woke. */
    public record Ended(Set<Long> items, Set<String> wokenQueues) {}

    private QueueStatements() {}

    private static Sql load(String file) {
        return Sql.load("QueueStatements/" + file);
    }

    public static List<Claimed> claim(Connection connection, String queue, String owner, int limit, double leaseSeconds)
            throws SQLException {
        return claim(connection, queue, owner, limit, leaseSeconds, false);
    }

    /** The claim of workflow slices only, for a worker that cannot run task attempts now. */
    public static List<Claimed> claimWorkflows(Connection connection, String queue, String owner, int limit, double leaseSeconds)
            throws SQLException {
        return claim(connection, queue, owner, limit, leaseSeconds, true);
    }

    private static List<Claimed> claim(Connection connection, String queue, String owner, int limit,
                                       double leaseSeconds, boolean workflowsOnly) throws SQLException {
        List<Claimed> claimed = new ArrayList<>(limit);
        try (Sql.Bound s = CLAIM.prepare(connection).set("workflowsOnly", workflowsOnly).set("queue", queue).set("owner", owner).set("limit", limit)
                .set("leaseSeconds", leaseSeconds);
             ResultSet rs = s.query()) {
            while (rs.next()) {
                claimed.add(claimed(rs));
            }
        }
        return claimed;
    }

    /** A claimed item as claim.sql and claim_fair.sql return it, with what running it needs. */
    private static Claimed claimed(ResultSet rs) throws SQLException {
        return new Claimed(rs.getLong("item_id"), rs.getString("execution_id"), ExecutionKind.of(rs.getString("kind")),
                rs.getString("name"), rs.getString("input"), rs.getInt("attempt"), rs.getString("options"),
                rs.getString("parent_id"), rs.getBoolean("cancel_requested"), rs.getBoolean("finished"),
                rs.getString("trace_context"));
    }

    /**
     * Where a worker's turns among a queue's fairness keys stand: the key it served last ({@code ""} for
     * unkeyed work, null before its first fair claim) and how many items of that key's current round it took.
     */
    public record FairCursor(String key, int used) {

        /** A worker's first fair claim of a queue starts the circle from the beginning. */
        public static final FairCursor START = new FairCursor(null, 0);
    }

    /**
     * A fair claim's items and where the next one starts; {@code keyed}: whether the queue had due items with a
     * fairness key (false too when nothing was claimed).
     */
    public record FairClaim(List<Claimed> items, FairCursor next, boolean keyed) {}

    /** Whether {@code queue} has a due, unleased item with a fairness key (one probe of queue_items_fair_due). */
    public static boolean hasDueKeyed(Connection connection, String queue) throws SQLException {
        try (Sql.Bound s = HAS_DUE_KEYED.prepare(connection).set("queue", queue); ResultSet rs = s.query()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * The claim of a queue that has items with fairness keys (claim_fair.sql): up to {@code limit} items taken
     * in turns among the keys, starting after {@code cursor}; {@code workflowsOnly} as in {@link #claimWorkflows}.
     */
    public static FairClaim claimFair(Connection connection, String queue, String owner, int limit, double leaseSeconds,
                                      boolean workflowsOnly, FairCursor cursor) throws SQLException {
        List<Claimed> claimed = new ArrayList<>(limit);
        FairCursor next = cursor;
        long lastRound = -1;
        int lastTurn = -1;
        boolean keyed = false;
        try (Sql.Bound s = CLAIM_FAIR.prepare(connection).set("workflowsOnly", workflowsOnly).set("queue", queue)
                .set("owner", owner).set("limit", limit).set("leaseSeconds", leaseSeconds).text("cursor", cursor.key())
                .set("used", cursor.used());
             ResultSet rs = s.query()) {
            while (rs.next()) {
                claimed.add(claimed(rs));
                String key = rs.getString("fair_key");
                keyed |= rs.getBoolean("keyed");
                long round = rs.getLong("fair_round");
                int turn = rs.getInt("fair_turn");
                // the last turn served: the latest round, and in it the latest turn; its items of that round
                if (round > lastRound || (round == lastRound && turn > lastTurn)) {
                    lastRound = round;
                    lastTurn = turn;
                    int weight = key.isEmpty() ? 1 : rs.getInt("fair_weight");
                    next = new FairCursor(key, (int) (rs.getLong("fair_place") - round * weight));
                }
            }
        }
        return new FairClaim(claimed, next, keyed);
    }

    /**
     * Ends task attempts for good ({@code owner} null: whoever holds them); returns the items that were still
     * held by {@code owner} (and so ended), with the queues of the parents they woke, to be notified after
     * the commit.
     */
    public static Ended finishTasks(Connection connection, String owner, List<Long> items, List<String> outcomes,
                             List<String> payloads, List<Integer> attempts) throws SQLException {
        try (Sql.Bound s = FINISH_TASKS.prepare(connection).text("owner", owner).array("items", "int8", items)
                .array("outcomes", "text", outcomes).array("payloads", "text", payloads)
                .array("attempts", "int4", attempts);
             ResultSet rs = s.query()) {
            rs.next();
            return new Ended(Set.of((Long[]) rs.getArray("ended").getArray()),
                    Set.of((String[]) rs.getArray("woken").getArray()));
        }
    }

    /** Milliseconds until the earliest unclaimed item of {@code queues} (negative when due), null when there is none. */
    public static Long nextDue(Connection connection, List<String> queues) throws SQLException {
        try (Sql.Bound s = NEXT_DUE.prepare(connection).array("queues", "text", queues); ResultSet rs = s.query()) {
            rs.next();
            return rs.getObject(1, Long.class);
        }
    }

    /** The waiting items of each of {@code queues}, in one statement. */
    public static List<Depth> queueDepths(Connection connection, List<String> queues) throws SQLException {
        List<Depth> depths = new ArrayList<>(queues.size());
        try (Sql.Bound s = QUEUE_DEPTHS.prepare(connection).array("queues", "text", queues); ResultSet rs = s.query()) {
            while (rs.next()) {
                depths.add(new Depth(rs.getString("queue"), rs.getLong("depth"), rs.getDouble("oldest_seconds")));
            }
        }
        return depths;
    }

    /** Extends the leases {@code owner} still holds among {@code items}; a missing item was rescued by another worker. */
    public static List<Renewed> renewLeases(Connection connection, String owner, List<Long> items, double leaseSeconds)
            throws SQLException {
        List<Renewed> renewed = new ArrayList<>(items.size());
        try (Sql.Bound s = RENEW_LEASES.prepare(connection).set("owner", owner).array("items", "int8", items)
                .set("leaseSeconds", leaseSeconds);
             ResultSet rs = s.query()) {
            while (rs.next()) {
                renewed.add(new Renewed(rs.getLong("item_id"), rs.getBoolean("cancel_requested")));
            }
        }
        return renewed;
    }

    /** The items among {@code items} whose execution has been cancelled. */
    public static List<Long> cancelledItems(Connection connection, List<Long> items) throws SQLException {
        List<Long> cancelled = new ArrayList<>();
        try (Sql.Bound s = CANCELLED_ITEMS.prepare(connection).array("items", "int8", items); ResultSet rs = s.query()) {
            while (rs.next()) {
                cancelled.add(rs.getLong(1));
            }
        }
        return cancelled;
    }

    /**
     * Milliseconds until the earliest lease of any worker runs out (negative when one has run out), null when
     * no item is leased.
     */
    public static Long nextLeaseExpiry(Connection connection) throws SQLException {
        try (Sql.Bound s = NEXT_LEASE_EXPIRY.prepare(connection); ResultSet rs = s.query()) {
            rs.next();
            return rs.getObject(1, Long.class);
        }
    }

    /** Up to {@code limit} items whose lease ran out, locked for the caller's transaction (others skip them). */
    public static List<Expired> expiredLeases(Connection connection, int limit) throws SQLException {
        List<Expired> expired = new ArrayList<>();
        try (Sql.Bound s = EXPIRED_LEASES.prepare(connection).set("limit", limit); ResultSet rs = s.query()) {
            while (rs.next()) {
                expired.add(new Expired(rs.getLong("item_id"), rs.getString("execution_id"), ExecutionKind.of(rs.getString("kind")),
                        rs.getString("name"), rs.getString("queue"), rs.getInt("priority"), rs.getInt("attempt"),
                        rs.getString("options"), rs.getBoolean("finished")));
            }
        }
        return expired;
    }

    /** Replaces a workflow's expired item with an unclaimed wake-up (its slice is redone) and wakes its queue. */
    public static void requeueWorkflow(Connection connection, long item, String executionId, String queue, int priority)
            throws SQLException {
        try (Sql.Bound s = REQUEUE_WORKFLOW.prepare(connection).set("item", item).set("executionId", executionId)
                .set("queue", queue).set("priority", priority);
             ResultSet rs = s.query()) {
            rs.next();
        }
    }

    public static void deleteItem(Connection connection, long item) throws SQLException {
        try (Sql.Bound s = DELETE_ITEM.prepare(connection).set("item", item)) {
            s.update();
        }
    }

    /**
     * Hands a task's item back, claimable after {@code delaySeconds}, with its attempt count and last error
     * ({@code error} null: none); {@code owner} null: whoever holds it. Does nothing when {@code owner} no
     * longer holds it, or when the task's attempt count is no longer {@code priorAttempts} (a later attempt
     * of the same task runs).
     */
    public static void retryTask(Connection connection, String owner, long item, int priorAttempts, int attempt, String error,
                          double delaySeconds) throws SQLException {
        try (Sql.Bound s = RETRY_TASK.prepare(connection).text("owner", owner).set("item", item)
                .set("priorAttempts", priorAttempts).set("attempt", attempt).text("error", error)
                .set("delaySeconds", delaySeconds);
             ResultSet rs = s.query()) {
            rs.next();
        }
    }
}
