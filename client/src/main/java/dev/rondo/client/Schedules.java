package dev.rondo.client;

import dev.rondo.core.RondoException;
import dev.rondo.core.Identifiers;
import dev.rondo.client.internal.Lookups;
import dev.rondo.store.ScheduleFiring;
import dev.rondo.store.ScheduleStatements;
import dev.rondo.store.Transactions;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The schedules of a database ({@link RondoClient#schedules()}): create, list, describe, pause, resume,
 * trigger, backfill and delete. Workers fire them (docs/scheduling.md); each fire time starts one run,
 * whose id is {@code <schedule>@<fire time>} and whose {@code Context.scheduledAt} is the fire time.
 *
 * <pre>{@code
 * Schedules schedules = rondo.schedules();
 * schedules.create(Schedule.cron("nightly-report", "reports/nightly", "0 2 * * *").withTimeZone("Europe/Berlin"));
 * schedules.pause("nightly-report");
 * schedules.backfill("nightly-report", Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-05T00:00:00Z"));
 * }</pre>
 */
public final class Schedules {

    /** Fire times {@link #describe} returns. */
    public static final int RECENT_FIRES = 10;

    private final DataSource dataSource;
    /** The client's mapper for the handles of the runs it starts (null: the default one). */
    private final ObjectMapper mapper;

    Schedules(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /**
     * Creates the schedule; its first fire time is the first after now (the database's clock).
     *
     * @throws RondoException.ScheduleExists when the name is taken
     */
    public ScheduleDescription create(Schedule schedule) {
        Objects.requireNonNull(schedule, "schedule");
        boolean created = Transactions.retrying(dataSource, c -> {
            Instant now = ScheduleStatements.now(c);
            Instant next = schedule.spec().nextAfter(now, now).orElse(null);
            return ScheduleStatements.insert(c, definition(schedule), false, now, next);
        });
        if (!created) {
            throw new RondoException.ScheduleExists(schedule.name());
        }
        return describe(schedule.name());
    }

    /**
     * Creates or changes the schedules a deploy declares ({@code schedules.json}), and deletes the declared
     * schedules of {@code workflows} that are no longer declared; in the caller's transaction.
     */
    static void declare(java.sql.Connection c, List<Schedule> declared, List<String> workflows) {
        try {
            declareOn(c, declared, workflows);
        } catch (SQLException e) {
            throw new Transactions.DatabaseException(e);
        }
    }

    private static void declareOn(java.sql.Connection c, List<Schedule> declared, List<String> workflows) throws SQLException {
        Instant now = ScheduleStatements.now(c);
        for (Schedule s : declared) {
            if (ScheduleStatements.upsert(c, definition(s), true, now, s.spec().nextAfter(now, now).orElse(null)) == null) {
                throw new IllegalArgumentException("Nothing was deployed: " + ScheduleFiles.FILE + " declares schedule '" + s.name()
                        + "', which was made by hand (rondo schedule create); delete that one first, or rename the declared one.");
            }
        }
        ScheduleStatements.deleteUndeclared(c, workflows, declared.stream().map(Schedule::name).toList());
    }

    static ScheduleStatements.Definition definition(Schedule s) {
        return new ScheduleStatements.Definition(s.name(), s.workflow(), s.queue(), s.cron(), s.everySeconds(),
                s.timeZone(), s.input(), s.overlap().shortName(), s.catchup());
    }

    /** Every schedule, by name (without their fire times). */
    public List<ScheduleDescription> list() {
        return Transactions.autocommit(dataSource, c -> ScheduleStatements.list(c, null)).stream()
                .map(r -> description(r, List.of())).toList();
    }

    /**
     * The schedule with its state and its newest {@link #RECENT_FIRES} fire times.
     *
     * @throws RondoException.UnknownSchedule when there is none of that name
     */
    public ScheduleDescription describe(String name) {
        checkName(name);
        return Transactions.retrying(dataSource, c -> {
            List<ScheduleStatements.Row> rows = ScheduleStatements.list(c, name);
            if (rows.isEmpty()) {
                throw new RondoException.UnknownSchedule(name);
            }
            List<ScheduleDescription.Fire> fires = ScheduleStatements.recentFires(c, name, RECENT_FIRES).stream()
                    .map(f -> new ScheduleDescription.Fire(f.fireAt(), f.reason(), f.outcome(), f.executionId(), f.status()))
                    .toList();
            return description(rows.getFirst(), fires);
        });
    }

    /** Stops firing until {@link #resume}; runs going on are left alone. */
    public void pause(String name) {
        checkName(name);
        if (!Transactions.autocommit(dataSource, c -> ScheduleStatements.setPaused(c, name, true, null))) {
            throw new RondoException.UnknownSchedule(name);
        }
    }

    /** Fires again, from the first fire time after now: the times missed while paused are not run (backfill them). */
    public void resume(String name) {
        ScheduleDescription d = describe(name);
        boolean found = Transactions.retrying(dataSource, c -> {
            Instant now = ScheduleStatements.now(c);
            Instant next = d.schedule().spec().nextAfter(now, anchorOf(c, name)).orElse(null);
            return ScheduleStatements.setPaused(c, name, false, next);
        });
        if (!found) {
            throw new RondoException.UnknownSchedule(name);
        }
    }

    private static Instant anchorOf(java.sql.Connection c, String name) throws SQLException {
        List<ScheduleStatements.Row> rows = ScheduleStatements.list(c, name);
        return rows.isEmpty() ? Instant.EPOCH : rows.getFirst().anchor();
    }

    /**
     * Fires the schedule now (the fire time is the database's clock), through its overlap policy, paused or
     * not. Returns the run it started, or empty when the policy skipped or buffered it.
     */
    public Optional<WorkflowHandle> trigger(String name) {
        checkName(name);
        Optional<String> id = Transactions.retrying(dataSource, c -> ScheduleFiring.trigger(c, name));
        if (id.isEmpty()) {
            throw new RondoException.UnknownSchedule(name);
        }
        return id.get().isEmpty() ? Optional.empty() : Optional.of(new WorkflowHandle(dataSource, mapper, null, id.get()));
    }

    /**
     * Starts a run for every fire time of the schedule from {@code from} to {@code to} (both included) that
     * has none yet, whatever the overlap policy; returns how many were started. A second backfill of the same
     * range starts nothing.
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from}, or the range holds more than
     *                                  {@link ScheduleFiring#MAX_BACKFILL} fire times
     */
    public int backfill(String name, Instant from, Instant to) {
        checkName(name);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The backfill ends (" + to + ") before it begins (" + from + ").");
        }
        int started = Transactions.retrying(dataSource, c -> ScheduleFiring.backfill(c, name, from, to));
        if (started < 0) {
            throw new RondoException.UnknownSchedule(name);
        }
        return started;
    }

    /** Deletes the schedule and its record of fire times; runs it started go on. False when there was none. */
    public boolean delete(String name) {
        checkName(name);
        return Transactions.autocommit(dataSource, c -> ScheduleStatements.delete(c, name));
    }

    private static void checkName(String name) {
        Lookups.check(Identifiers.Kind.SCHEDULE_NAME, Objects.requireNonNull(name, "name"));
    }

    private static ScheduleDescription description(ScheduleStatements.Row r, List<ScheduleDescription.Fire> fires) {
        ScheduleStatements.Definition d = r.definition();
        Schedule schedule = new Schedule(d.name(), d.workflow(), d.cron(), d.everySeconds(), d.timeZone(), d.input(),
                Overlap.parse(d.overlap()), d.catchup(), d.queue());
        return new ScheduleDescription(schedule, r.paused(), r.declared(), r.nextFireAt(), r.bufferedFireAt(),
                r.lastExecutionId(), r.lastStatus(), fires);
    }
}
