package dev.rondo.core;

import dev.rondo.core.ast.Program;
import dev.rondo.core.internal.upgrade.Mapper;

/**
 * Moves checkpoints of one version of a workflow onto another (docs/operations.md), without a database:
 * the store's upgrade reads each execution's checkpoint, maps it here, and writes the result back.
 *
 * <pre>{@code
 * CheckpointUpgrade upgrade = CheckpointUpgrade.between(oldProgram, newProgram); // analyse both once
 * CheckpointUpgrade.Result r = upgrade.map(checkpointJson);
 * if (r.moved()) save(r.checkpoint(), r.waitingAt());
 * else System.err.println(r.reason());   // orders/process.flow:14:9: the await at 12:5 in the old version has no counterpart …
 * }</pre>
 *
 * The await the execution stands at (and, for every async call that waits, the await inside it) must have a
 * counterpart in the new version: the same path of enclosing statements (loops, branches, catch/finally,
 * switch cases, the function), matched by structure and names rather than line numbers, awaiting the same
 * thing ({@code Task.run("chargeCard", …)}); every local it holds must be declared there, and no new one.
 * Loop iterations, promises and values carry over unchanged. What does not map is refused with one reason.
 */
public final class CheckpointUpgrade {

    /**
     * The outcome for one checkpoint. Moved: {@code checkpoint} is the new text, {@code from}/{@code to} the
     * old and new await ({@code line:col}). Refused: {@code checkpoint} is null and {@code reason} reads
     * {@code file:line:col: why}, pointing into the new version.
     */
    public record Result(String checkpoint, String from, String to, String waitingAt, String reason) {
        public boolean moved() {
            return checkpoint != null;
        }
    }

    private final Program to;
    private final Mapper mapper;

    private CheckpointUpgrade(Program from, Program to) {
        this.to = to;
        this.mapper = new Mapper(from, to);
    }

    /** Prepares the mapping from {@code from} to {@code to} (both as compiled, e.g. {@link AstCodec#fromJson}). */
    public static CheckpointUpgrade between(Program from, Program to) {
        return new CheckpointUpgrade(from, to);
    }

    /** Maps one checkpoint of the old version; never throws for a checkpoint that does not fit, but refuses it. */
    public Result map(String checkpointJson) {
        Mapper.Outcome o = mapper.map(checkpointJson);
        String fromAt = o.from() == null ? null : o.from().toString();
        if (o.moved()) {
            return new Result(o.checkpoint(), fromAt, o.to().toString(), to.file() + ":" + o.to(), null);
        }
        return new Result(null, fromAt, null, null, to.file() + ":" + o.where() + ": " + o.reason());
    }
}
