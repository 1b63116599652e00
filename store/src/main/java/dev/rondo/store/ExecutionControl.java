package dev.rondo.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Operator actions on one execution that stop or hold it: pause, resume and terminate (SQL in
 * {@code ExecutionControl/*.sql}), on the caller's connection and in its transaction. Each action first
 * locks the execution's row the way a slice does ({@link #lock}), so it waits for a slice in flight and then
 * decides on the state that slice left.
 */
public final class ExecutionControl {

    private static final Sql LOCK = Sql.load("ExecutionControl/lock.sql");
    private static final Sql PAUSE = Sql.load("ExecutionControl/pause.sql");
    private static final Sql RESUME = Sql.load("ExecutionControl/resume.sql");
    private static final Sql LOCK_TREE = Sql.load("ExecutionControl/lock_tree.sql");
    private static final Sql TERMINATE = Sql.load("ExecutionControl/terminate.sql");

    /** An execution's row as locked: its kind and status text, and whether a cancel was asked or a slice ran. */
    public record Locked(ExecutionKind kind, String status, boolean cancelRequested, boolean hasCheckpoint) {}

    /** What a terminate did: how many executions ended (the root and its unfinished descendants). */
    public record Terminated(int ended) {}

    private final Connection connection;

    public ExecutionControl(Connection connection) {
        this.connection = connection;
    }

    /** The execution's row, locked FOR NO KEY UPDATE for the transaction; empty when no execution has the id. */
    public Optional<Locked> lock(String id) throws SQLException {
        try (Sql.Bound s = LOCK.prepare(connection).text("id", id); ResultSet rs = s.query()) {
            return rs.next()
                    ? Optional.of(new Locked(ExecutionKind.of(rs.getString("kind")), rs.getString("status"),
                            rs.getBoolean("cancel_requested"), rs.getBoolean("has_checkpoint")))
                    : Optional.empty();
        }
    }

    /** Pauses the locked, unfinished workflow; false when it was not queued, running or waiting. */
    public boolean pause(String id) throws SQLException {
        try (Sql.Bound s = PAUSE.prepare(connection).text("id", id)) {
            return s.update() > 0;
        }
    }

    /** Resumes the locked workflow and wakes it; the status it resumed to, empty when it was not paused. */
    public Optional<String> resume(String id) throws SQLException {
        try (Sql.Bound s = RESUME.prepare(connection).text("id", id); ResultSet rs = s.query()) {
            return rs.next() ? Optional.of(rs.getString("status")) : Optional.empty();
        }
    }

    /**
     * Locks every unfinished workflow of the tree under {@code id} until no slice can start more of it:
     * repeats the walk while it finds workflows it had not locked (children started by a slice it waited for).
     * Returns the ids locked.
     */
    public Set<String> lockTree(String id) throws SQLException {
        Set<String> locked = new LinkedHashSet<>();
        while (true) {
            boolean grew = false;
            try (Sql.Bound s = LOCK_TREE.prepare(connection).text("id", id); ResultSet rs = s.query()) {
                while (rs.next()) {
                    grew |= locked.add(rs.getString(1));
                }
            }
            if (!grew) {
                return locked;
            }
        }
    }

    /**
     * Ends the tree under {@code id} 'terminated' in one statement (see terminate.sql); call {@link #lockTree}
     * first. The errors are JSON text: {@code rootError} the root's, {@code error} its descendants',
     * {@code childError} the payload its parent's await fails with; {@code detail} the history row's detail.
     */
    public Terminated terminate(String id, String rootError, String error, String childError, String detail)
            throws SQLException {
        try (Sql.Bound s = TERMINATE.prepare(connection).text("id", id).text("rootError", rootError).text("error", error)
                .text("childError", childError).text("detail", detail); ResultSet rs = s.query()) {
            rs.next();
            return new Terminated(rs.getInt("ended"));
        }
    }
}
