package dev.rondo.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reads and writes of moving executions onto a workflow's current version (docs/operations.md;
 * SQL in {@code UpgradeDao/*.sql}), on the caller's connection. The mapping itself is
 * {@link dev.rondo.core.CheckpointUpgrade}'s; this class only finds the executions, locks one as a slice
 * does, and writes its new version and checkpoint.
 */
public final class UpgradeDao {

    private static final Sql HEAD = Sql.load("UpgradeDao/head.sql");
    private static final Sql DEFINITION = Sql.load("UpgradeDao/definition.sql");
    private static final Sql CANDIDATES = Sql.load("UpgradeDao/candidates.sql");
    private static final Sql LOCK = Sql.load("UpgradeDao/lock.sql");
    private static final Sql CHECKPOINT = Sql.load("UpgradeDao/checkpoint.sql");
    private static final Sql MOVE = Sql.load("UpgradeDao/move.sql");

    /** The statuses whose executions an upgrade moves (they stand at a checkpoint and no slice runs them). */
    public static final List<String> MOVABLE = List.of("waiting", "paused", "failed");

    /** A workflow's current version and its compiled program (AstCodec JSON). */
    public record Head(String hash, String ast) {}

    /** An execution an upgrade may move, as read before locking it. */
    public record Candidate(String id, String hash, String status, String state) {}

    /** A locked execution's status and version, re-read under the lock. */
    public record Locked(String status, String hash) {}

    private final Connection connection;

    public UpgradeDao(Connection connection) {
        this.connection = connection;
    }

    public Optional<Head> head(String name) throws SQLException {
        try (Sql.Bound s = HEAD.prepare(connection).text("name", name); ResultSet rs = s.query()) {
            return rs.next() ? Optional.of(new Head(rs.getString("hash"), rs.getString("ast"))) : Optional.empty();
        }
    }

    /** The compiled program of one version, empty when that version was never deployed. */
    public Optional<String> definition(String name, String hash) throws SQLException {
        try (Sql.Bound s = DEFINITION.prepare(connection).text("name", name).text("hash", hash); ResultSet rs = s.query()) {
            return rs.next() ? Optional.of(rs.getString("ast")) : Optional.empty();
        }
    }

    /** The next {@code limit} executions of {@code name} off {@code head} (only on {@code from} if not null), by id after {@code after}. */
    public List<Candidate> candidates(String name, String head, String from, String after, int limit) throws SQLException {
        List<Candidate> out = new ArrayList<>();
        try (Sql.Bound s = CANDIDATES.prepare(connection).text("name", name).text("head", head).text("from", from)
                .text("after", after == null ? "" : after).set("limit", limit); ResultSet rs = s.query()) {
            while (rs.next()) {
                out.add(new Candidate(rs.getString("id"), rs.getString("definition_hash"), rs.getString("status"),
                        rs.getString("state")));
            }
        }
        return out;
    }

    /** Locks the execution as a slice does and reads its status and version as they are once locked. */
    public Optional<Locked> lock(String id) throws SQLException {
        try (Sql.Bound s = LOCK.prepare(connection).text("id", id); ResultSet rs = s.query()) {
            return rs.next() ? Optional.of(new Locked(rs.getString("status"), rs.getString("definition_hash"))) : Optional.empty();
        }
    }

    /** The checkpoint of an execution this transaction has locked, or null. */
    public String checkpoint(String id) throws SQLException {
        try (Sql.Bound s = CHECKPOINT.prepare(connection).text("id", id); ResultSet rs = s.query()) {
            return rs.next() ? rs.getString("state") : null;
        }
    }

    /** Puts the locked execution on version {@code hash} with its mapped checkpoint. */
    public void move(String id, String hash, String state, String waitingAt) throws SQLException {
        try (Sql.Bound s = MOVE.prepare(connection).text("id", id).text("hash", hash).text("state", state)
                .text("waitingAt", waitingAt)) {
            s.update();
        }
    }
}
