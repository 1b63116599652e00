package dev.rondo.client;

import dev.rondo.core.RondoException;
import java.time.Instant;
import java.util.List;

/**
 * A schedule with its state: whether it is paused or declared by a deploy ({@code schedules.json}), its
 * next fire time (null: it never fires again), a fire time buffered by {@link Overlap#BUFFER_ONE}, the run it
 * started last and how that stands, and its newest fire times (newest first; empty in {@code list}).
 */
public record ScheduleDescription(Schedule schedule, boolean paused, boolean declared, Instant nextFireAt,
                                  Instant bufferedFireAt, String lastExecutionId, String lastStatus,
                                  List<Fire> recentFires) {

    /**
     * One fire time: why it fired ({@code schedule}, {@code trigger}, {@code backfill}), what came of it
     * ({@code started}, {@code skipped} by the overlap policy, {@code not_deployed}), the run and its status.
     */
    public record Fire(Instant fireAt, String reason, String outcome, String executionId, String status) {}
}
