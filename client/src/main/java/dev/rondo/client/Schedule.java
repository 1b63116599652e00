package dev.rondo.client;

import dev.rondo.core.RondoException;
import dev.rondo.core.Payloads;
import dev.rondo.core.Identifiers;
import dev.rondo.store.ScheduleSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * A schedule: workflow {@code workflow} started with {@code input} on a cron expression ({@code cron}: 5
 * fields, or 6 with seconds first, read in {@code timeZone}) or every {@code everySeconds} seconds. Immutable,
 * checked when built: a bad expression, zone, name or input throws {@link IllegalArgumentException} (or
 * {@link RondoException.InvalidPayload} for the input) with what to change. See docs/scheduling.md.
 *
 * <pre>{@code
 * rondo.schedules().create(Schedule.cron("nightly-report", "reports/nightly", "0 2 * * *")
 *         .withTimeZone("Europe/Berlin").withInput("{\"format\": \"pdf\"}").withOverlap(Overlap.SKIP));
 * rondo.schedules().create(Schedule.every("sync", "crm/sync", Duration.ofMinutes(5)));
 * }</pre>
 *
 * @param catchup how many of the fire times missed while no worker ran are started when one is back,
 *                newest first (default 1); each goes through the overlap policy
 */
public record Schedule(String name, String workflow, String cron, Long everySeconds, String timeZone, String input,
                       Overlap overlap, int catchup, String queue) {

    public static final String DEFAULT_TIME_ZONE = "UTC";
    public static final int DEFAULT_CATCHUP = 1;
    /** Catch-up is bounded, so a long downtime cannot start an unbounded number of runs at once. */
    public static final int MAX_CATCHUP = 1_000;

    public Schedule {
        Identifiers.require(Identifiers.Kind.SCHEDULE_NAME, Objects.requireNonNull(name, "name"));
        Identifiers.require(Identifiers.Kind.WORKFLOW_NAME, Objects.requireNonNull(workflow, "workflow"));
        Identifiers.require(Identifiers.Kind.QUEUE, Objects.requireNonNull(queue, "queue"));
        Objects.requireNonNull(overlap, "overlap");
        timeZone = timeZone == null || timeZone.isBlank() ? DEFAULT_TIME_ZONE : timeZone.trim();
        if ((cron == null) == (everySeconds == null)) {
            throw new IllegalArgumentException("A schedule needs a cron expression or an interval, not both and not neither.");
        }
        ScheduleSpec spec = cron != null ? ScheduleSpec.cron(cron, timeZone) : ScheduleSpec.every(everySeconds);
        ScheduleSpec.zone(timeZone);
        cron = spec.cronExpression();
        if (catchup < 1 || catchup > MAX_CATCHUP) {
            throw new IllegalArgumentException("The catch-up must be between 1 and " + MAX_CATCHUP + " runs; it is " + catchup + ".");
        }
        input = Payloads.normalize(input == null ? "{}" : input, "schedule input");
    }

    /** Fires on {@code expression} (5 fields, or 6 with seconds first), in UTC until {@link #withTimeZone}. */
    public static Schedule cron(String name, String workflow, String expression) {
        return new Schedule(name, workflow, Objects.requireNonNull(expression, "expression"), null, DEFAULT_TIME_ZONE, "{}",
                Overlap.SKIP, DEFAULT_CATCHUP, StartOptions.DEFAULT_QUEUE);
    }

    /** Fires every {@code interval} (whole seconds, at least one), counted from the schedule's creation. */
    public static Schedule every(String name, String workflow, Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.getNano() != 0) {
            throw new IllegalArgumentException("The interval must be whole seconds; it is " + interval + ".");
        }
        return new Schedule(name, workflow, null, interval.getSeconds(), DEFAULT_TIME_ZONE, "{}", Overlap.SKIP,
                DEFAULT_CATCHUP, StartOptions.DEFAULT_QUEUE);
    }

    /** The zone the cron expression reads the clock in ({@code Europe/Berlin}); an interval ignores it. */
    public Schedule withTimeZone(String zone) {
        return new Schedule(name, workflow, cron, everySeconds, zone, input, overlap, catchup, queue);
    }

    /** The input of every run (JSON text; default {@code {}}). */
    public Schedule withInput(String json) {
        return new Schedule(name, workflow, cron, everySeconds, timeZone, json, overlap, catchup, queue);
    }

    public Schedule withOverlap(Overlap policy) {
        return new Schedule(name, workflow, cron, everySeconds, timeZone, input, policy, catchup, queue);
    }

    public Schedule withCatchup(int runs) {
        return new Schedule(name, workflow, cron, everySeconds, timeZone, input, overlap, runs, queue);
    }

    /** The queue its runs go to (default {@code default}). */
    public Schedule withQueue(String queue) {
        return new Schedule(name, workflow, cron, everySeconds, timeZone, input, overlap, catchup, queue);
    }

    /** When it fires. */
    public ScheduleSpec spec() {
        return cron != null ? ScheduleSpec.cron(cron, timeZone) : ScheduleSpec.every(everySeconds);
    }

    /** {@code cron '0 2 * * *' in Europe/Berlin} or {@code every 300 s}. */
    public String when() {
        return cron != null ? "cron '" + cron + "' in " + timeZone : "every " + everySeconds + " s";
    }
}
