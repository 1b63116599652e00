package dev.rondo.core;

import dev.rondo.core.internal.codec.CheckpointCodec;
import dev.rondo.core.internal.interp.CheckpointState;
import dev.rondo.core.internal.interp.PromiseEntry;
import dev.rondo.core.internal.interp.PromiseTable;
import java.util.ArrayList;
import java.util.List;

/**
 * What an operator's retry, rewind or fork needs to know of a checkpoint without running it
 * (docs/operations.md): the promises its await waits on, and the number the next promise will get.
 */
public final class Checkpoints {

    private Checkpoints() {}

    /** What a pending promise stands for. */
    public enum Kind { TASK, WORKFLOW, TIMER, SIGNAL }

    /**
     * A promise of the checkpoint that has not settled and that an outcome settles (a task, a child workflow, a
     * timer or a {@code Signal.next}); {@code label} is the task's, workflow's or signal's name (null for a timer).
     */
    public record Pending(int promise, Kind kind, String label) {}

    /** The unsettled task, workflow, timer and signal promises of {@code checkpointJson}, by promise number. */
    public static List<Pending> pending(String checkpointJson) {
        List<Pending> pending = new ArrayList<>();
        for (PromiseEntry entry : CheckpointCodec.read(checkpointJson).promises().entries()) {
            if (entry.state() != PromiseEntry.State.PENDING) {
                continue;
            }
            Kind kind = switch (entry.kind()) {
                case TASK -> Kind.TASK;
                case WORKFLOW -> Kind.WORKFLOW;
                case TIMER -> Kind.TIMER;
                case SIGNAL -> Kind.SIGNAL;
                default -> null; // combinators and async calls settle from their parts
            };
            if (kind != null) {
                pending.add(new Pending(entry.id(), kind, entry.label()));
            }
        }
        return pending;
    }

    /** The number the checkpoint's next promise gets (and so the next engine-made task or child id). */
    public static int nextPromise(String checkpointJson) {
        return CheckpointCodec.read(checkpointJson).promises().nextId();
    }

    /**
     * The checkpoint with its promise counter moved to at least {@code atLeast}, so that the promises (and the
     * ids {@code <id>.t<n>}, {@code <id>.w<n>}) it makes from now on differ from any the execution made after
     * this checkpoint was taken. Everything else is kept exactly.
     */
    public static String withNextPromiseAtLeast(String checkpointJson, int atLeast) {
        CheckpointState state = CheckpointCodec.read(checkpointJson);
        PromiseTable table = state.promises();
        if (table.nextId() >= atLeast) {
            return checkpointJson;
        }
        PromiseTable moved = PromiseTable.restore(table.entries(), atLeast, table.nextSeq());
        return CheckpointCodec.write(new CheckpointState(state.path(), moved, state.keys(), state.inputs(), state.context(),
                state.cancelRequested(), state.cancelDelivered(), state.tally(), state.calls()));
    }

    /**
     * The checkpoint as a new top-level execution {@code executionId} (a fork) continues from it: its
     * {@code Context.executionId} is the new id and it has no parent; everything else is kept exactly.
     */
    public static String forExecution(String checkpointJson, String executionId) {
        CheckpointState state = CheckpointCodec.read(checkpointJson);
        dev.rondo.core.value.FlowObject context = state.context() == null ? new dev.rondo.core.value.FlowObject()
                : state.context();
        context.put("executionId", executionId);
        context.put("parentId", null);
        return CheckpointCodec.write(new CheckpointState(state.path(), state.promises(), state.keys(), state.inputs(),
                context, state.cancelRequested(), state.cancelDelivered(), state.tally(), state.calls()));
    }
}
