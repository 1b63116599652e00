package dev.rondo.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Fires schedules: the due ones (a worker's firer), one now ({@code trigger}) or a range of past fire times
 * ({@code backfill}). Each runs on the caller's connection inside the caller's transaction, so the
 * schedule's lock, its fire rows, the runs it starts and its next fire time commit together or not at all.
 * A fire time is started at most once, whatever the number of firers and however they die: it is the key
 * of its {@code schedule_fires} row ({@code fire.sql}).
 *
 * <p>The overlap policy applies when the run a schedule started last is still going: {@code skip} records
 * the fire time as skipped; {@code buffer} keeps the newest such fire time and starts it once that run
 * ends; {@code allow} starts it anyway; {@code cancel} requests the cancellation of the running one and
 * starts the new one. After downtime, of the fire times that came due meanwhile the newest {@code catchup}
 * go through that policy, in order; the older ones are passed over.
 */
public final class ScheduleFiring {

    /** A backfill fires at most this many times in one call, so one command cannot start millions of runs. */
    public static final int MAX_BACKFILL = 10_000;
    /** Fire times looked at when catching up after a long downtime, before jumping to now. */
    private static final int MAX_CATCHUP_WALK = 100_000;

    private static final Sql DUE = ScheduleStatements.load("due.sql");
    private static final Sql LOCK = ScheduleStatements.load("lock.sql");
    private static final Sql FIRE = ScheduleStatements.load("fire.sql");
    private static final Sql SKIP = ScheduleStatements.load("skip.sql");
    private static final Sql ADVANCE = ScheduleStatements.load("advance.sql");
    private static final Sql CANCEL = Sql.load("ExecutionDao/request_cancel.sql");

    private ScheduleFiring() {}

    /** A locked schedule and the state its overlap policy reads and changes. */
    private static final class Locked {
        final String name;
        final String workflow;
        final String queue;
        final String input;
        final String overlap;
        final int catchup;
        final Instant anchor;
        final Instant nextFireAt;
        final Instant now;
        final ScheduleSpec spec;
        Instant buffered;
        String lastExecutionId;
        boolean lastRunning;

        Locked(ResultSet rs) throws SQLException {
            name = rs.getString("name");
            workflow = rs.getString("workflow");
            queue = rs.getString("queue");
            input = rs.getString("input");
            overlap = rs.getString("overlap");
            catchup = rs.getInt("catchup");
            anchor = ScheduleStatements.instant(rs, "anchor");
            nextFireAt = ScheduleStatements.instant(rs, "next_fire_at");
            now = ScheduleStatements.instant(rs, "now");
            buffered = ScheduleStatements.instant(rs, "buffered_fire_at");
            lastExecutionId = rs.getString("last_execution_id");
            lastRunning = rs.getBoolean("last_running"); // null (no run, or pruned) reads as false
            long every = rs.getLong("every_seconds");
            Long everySeconds = rs.wasNull() ? null : every;
            spec = ScheduleSpec.of(rs.getString("cron"), everySeconds, rs.getString("time_zone"));
        }
    }

    /** The id of the run a schedule starts for a fire time: the same for every firer, so a start is idempotent too. */
    public static String executionId(String schedule, Instant fireAt) {
        return schedule + "@" + fireAt;
    }

    /**
     * Fires up to {@code limit} due schedules that no other firer holds (SKIP LOCKED); returns how many
     * were handled. Run it in a transaction and commit.
     */
    public static int fireDue(Connection connection, int limit) throws SQLException {
        List<Locked> due = new ArrayList<>();
        try (Sql.Bound s = DUE.prepare(connection).set("limit", limit); ResultSet rs = s.query()) {
            while (rs.next()) {
                due.add(new Locked(rs));
            }
        }
        for (Locked schedule : due) {
            fireDue(connection, schedule);
        }
        return due.size();
    }

    private static void fireDue(Connection connection, Locked s) throws SQLException {
        if (s.buffered != null && !s.lastRunning) {
            Instant buffered = s.buffered;
            s.buffered = null;
            start(connection, s, buffered, "schedule");
        }
        Instant next = s.nextFireAt;
        if (next != null && !next.isAfter(s.now)) {
            Deque<Instant> newest = new ArrayDeque<>(s.catchup);
            for (int walked = 0; next != null && !next.isAfter(s.now); walked++) {
                if (walked == MAX_CATCHUP_WALK) {
                    // down for very long: jump near now rather than walk every missed time
                    next = s.spec.nextAfter(s.now.minusNanos(1), s.anchor).orElse(null);
                    newest.clear();
                    continue;
                }
                if (newest.size() == s.catchup) {
                    newest.removeFirst();
                }
                newest.addLast(next);
                next = s.spec.nextAfter(next, s.anchor).orElse(null);
            }
            for (Instant fireAt : newest) {
                fireWithPolicy(connection, s, fireAt, "schedule");
            }
        }
        advance(connection, s, next);
    }

    /**
     * Starts a run of schedule {@code name} now (the database's clock is its fire time), through its overlap
     * policy; empty when there is no such schedule, else the id of the run started (or empty string when the
     * policy skipped or buffered it).
     */
    public static Optional<String> trigger(Connection connection, String name) throws SQLException {
        Locked s = lock(connection, name);
        if (s == null) {
            return Optional.empty();
        }
        String before = s.lastExecutionId;
        fireWithPolicy(connection, s, s.now, "trigger");
        advance(connection, s, s.nextFireAt);
        return Optional.of(s.lastExecutionId != null && !s.lastExecutionId.equals(before) ? s.lastExecutionId : "");
    }

    /**
     * Starts a run for every fire time of schedule {@code name} in {@code [from, to]} that has none yet
     * (all of them, whatever the overlap policy: a backfill asks for each); returns how many were started,
     * or -1 when there is no such schedule.
     *
     * @throws IllegalArgumentException when the range holds more than {@link #MAX_BACKFILL} fire times
     */
    public static int backfill(Connection connection, String name, Instant from, Instant to) throws SQLException {
        Locked s = lock(connection, name);
        if (s == null) {
            return -1;
        }
        List<Instant> times = new ArrayList<>();
        Optional<Instant> next = s.spec.nextAfter(from.minusNanos(1), s.anchor);
        while (next.isPresent() && !next.get().isAfter(to)) {
            if (times.size() == MAX_BACKFILL) {
                throw new IllegalArgumentException("The range " + from + " to " + to + " holds more than " + MAX_BACKFILL
                        + " fire times of schedule '" + name + "'; backfill a shorter range at a time.");
            }
            times.add(next.get());
            next = s.spec.nextAfter(next.get(), s.anchor);
        }
        int started = 0;
        String last = s.lastExecutionId; // backfilled runs are the past: the overlap policy does not wait for them
        for (Instant fireAt : times) {
            started += start(connection, s, fireAt, "backfill") ? 1 : 0;
        }
        s.lastExecutionId = last;
        advance(connection, s, s.nextFireAt);
        return started;
    }

    private static Locked lock(Connection connection, String name) throws SQLException {
        try (Sql.Bound s = LOCK.prepare(connection).set("name", name); ResultSet rs = s.query()) {
            return rs.next() ? new Locked(rs) : null;
        }
    }

    private static void fireWithPolicy(Connection connection, Locked s, Instant fireAt, String reason) throws SQLException {
        if (s.lastRunning) {
            switch (s.overlap) {
                case "skip" -> {
                    record(connection, s, fireAt, reason);
                    return;
                }
                case "buffer" -> {
                    if (s.buffered != null) {
                        record(connection, s, s.buffered, reason); // buffer one: the newer fire time replaces it
                    }
                    s.buffered = fireAt;
                    return;
                }
                case "cancel" -> cancel(connection, s.lastExecutionId);
                default -> { } // allow
            }
        }
        start(connection, s, fireAt, reason);
    }

    /** Records and starts one fire time; false when it had been fired before (nothing started). */
    private static boolean start(Connection connection, Locked s, Instant fireAt, String reason) throws SQLException {
        String id = executionId(s.name, fireAt);
        try (Sql.Bound f = FIRE.prepare(connection).set("schedule", s.name).set("fireAt", ScheduleStatements.time(fireAt))
                .set("reason", reason).set("id", id).set("workflow", s.workflow).set("queue", s.queue).set("input", s.input);
             ResultSet rs = f.query()) {
            rs.next();
            boolean started = rs.getBoolean("started");
            if (started) {
                s.lastExecutionId = id;
                s.lastRunning = true;
            }
            return started;
        }
    }

    private static void record(Connection connection, Locked s, Instant fireAt, String reason) throws SQLException {
        try (Sql.Bound f = SKIP.prepare(connection).set("schedule", s.name).set("fireAt", ScheduleStatements.time(fireAt))
                .set("reason", reason)) {
            f.update();
        }
    }

    private static void cancel(Connection connection, String executionId) throws SQLException {
        try (Sql.Bound c = CANCEL.prepare(connection).set("id", executionId).set("handling", false); ResultSet rs = c.query()) {
            rs.next();
        }
    }

    private static void advance(Connection connection, Locked s, Instant next) throws SQLException {
        try (Sql.Bound a = ADVANCE.prepare(connection).set("name", s.name).set("nextFireAt", ScheduleStatements.time(next))
                .set("bufferedFireAt", ScheduleStatements.time(s.buffered)).text("lastExecutionId", s.lastExecutionId)) {
            a.update();
        }
    }
}
