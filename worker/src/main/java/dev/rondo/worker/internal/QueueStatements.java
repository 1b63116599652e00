package dev.rondo.worker.internal;

import dev.rondo.client.internal.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The two queue statements every task runs through, the claim and the batched end, over plain JDBC (the
 * SQL is {@code QueueDao/claim.sql} and {@code QueueDao/finish_tasks.sql}; {@link QueueDao} runs them for
 * the rarer callers). Each is one statement, so it runs without a transaction around it.
 */
final class QueueStatements {

    private static final Sql CLAIM = Sql.load(QueueStatements.class, "QueueDao/claim.sql");
    private static final Sql FINISH_TASKS = Sql.load(QueueStatements.class, "QueueDao/finish_tasks.sql");

    private QueueStatements() {}

    static List<QueueDao.Claimed> claim(Connection connection, String queue, String owner, int limit,
                                        double leaseSeconds) throws SQLException {
        List<QueueDao.Claimed> claimed = new ArrayList<>(limit);
        try (Sql.Bound s = CLAIM.prepare(connection).set("queue", queue).set("owner", owner).set("limit", limit)
                .set("leaseSeconds", leaseSeconds);
             ResultSet rs = s.query()) {
            while (rs.next()) {
                claimed.add(new QueueDao.Claimed(rs.getLong("item_id"), rs.getString("execution_id"),
                        rs.getString("kind"), rs.getString("name"), rs.getString("input"), rs.getInt("attempt"),
                        rs.getString("options"), rs.getString("parent_id"), rs.getBoolean("cancel_requested"),
                        rs.getBoolean("finished")));
            }
        }
        return claimed;
    }

    /**
     * Ends task attempts for good ({@code owner} null: whoever holds them); returns the items that were still
     * held by {@code owner} (and so ended), with the queues of the parents they woke, to be notified after
     * the commit.
     */
    static QueueDao.Ended finishTasks(Connection connection, String owner, List<Long> items, List<String> outcomes,
                                      List<String> payloads, List<Integer> attempts) throws SQLException {
        try (Sql.Bound s = FINISH_TASKS.prepare(connection).text("owner", owner).array("items", "int8", items)
                .array("outcomes", "text", outcomes).array("payloads", "text", payloads)
                .array("attempts", "int4", attempts);
             ResultSet rs = s.query()) {
            rs.next();
            return new QueueDao.Ended(Set.of((Long[]) rs.getArray("ended").getArray()),
                    Set.of((String[]) rs.getArray("woken").getArray()));
        }
    }
}
