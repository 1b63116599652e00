package dev.rondo.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** The worker registry's rows (SQL in {@code WorkerStatements/*.sql}): heartbeats, pruning, a clean exit. */
public final class WorkerStatements {

    private static final Sql HEARTBEAT = Sql.load("WorkerStatements/heartbeat.sql");
    private static final Sql PRUNE = Sql.load("WorkerStatements/prune.sql");
    private static final Sql REMOVE = Sql.load("WorkerStatements/remove.sql");

    private WorkerStatements() {}

    /** Writes the worker's row (inserted on the first beat, and again should it have been pruned). */
    public static void heartbeat(Connection connection, String id, String host, long pid, List<String> queues,
                                 int concurrency, int inFlight) throws SQLException {
        try (Sql.Bound s = HEARTBEAT.prepare(connection).set("id", id).set("host", host).set("pid", pid)
                .array("queues", "text", queues).set("concurrency", concurrency).set("inFlight", inFlight)) {
            s.update();
        }
    }

    /**
     * Deletes the rows of workers not seen for {@code olderThanSeconds}, and the dashboard's finished counters
     * older than two hours (in the same statement); returns how many worker rows went.
     */
    public static int prune(Connection connection, double olderThanSeconds) throws SQLException {
        try (Sql.Bound s = PRUNE.prepare(connection).set("olderThanSeconds", olderThanSeconds)) {
            return s.update();
        }
    }

    /** Deletes the worker's row: it serves nothing any more. */
    public static int remove(Connection connection, String id) throws SQLException {
        try (Sql.Bound s = REMOVE.prepare(connection).set("id", id)) {
            return s.update();
        }
    }
}
