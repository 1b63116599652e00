package dev.rondo.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rondo.client.Overlap;
import dev.rondo.client.RondoClient;
import dev.rondo.client.Schedule;
import dev.rondo.client.ScheduleDescription;
import dev.rondo.client.WorkflowHandle;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rondo schedule …}: schedules that start a workflow on a cron expression or an interval (docs/scheduling.md). */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Start workflows on a schedule: a cron expression (5 fields, or 6 with seconds first) in a",
                "time zone, or a fixed interval. Workers fire them ('rondo worker'); each fire time starts one run."},
        subcommands = {ScheduleCommand.Create.class, ScheduleCommand.ListSchedules.class, ScheduleCommand.Describe.class,
                ScheduleCommand.Pause.class, ScheduleCommand.Resume.class, ScheduleCommand.Trigger.class,
                ScheduleCommand.Delete.class, ScheduleCommand.Backfill.class})
final class ScheduleCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A bare {@code rondo schedule} prints its usage, as a bare {@code rondo} does. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.INVALID;
    }

    /** {@code rondo schedule create NAME --workflow W (--cron EXPR | --every SECONDS) …}. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a schedule; it fires from the next fire time on.")
    static final class Create extends ClientCommand {
        @Parameters(paramLabel = "NAME", description = "The schedule's name (its runs get the id NAME@FIRE-TIME).")
        String name;

        @Option(names = "--workflow", required = true, paramLabel = "W", description = "The workflow it starts (deployed).")
        String workflow;

        @Option(names = "--cron", paramLabel = "EXPR", description = "'minute hour day month weekday', or six fields with seconds first.")
        String cron;

        @Option(names = "--every", paramLabel = "SECONDS", description = "A fixed interval instead of --cron, counted from now.")
        Long every;

        @Option(names = "--tz", paramLabel = "ZONE", description = "The time zone the cron expression reads the clock in (default UTC), e.g. Europe/Berlin.")
        String timeZone;

        @Option(names = "--input", paramLabel = "JSON|@FILE", description = "The input of every run (default {}).")
        String input;

        @Option(names = "--overlap", paramLabel = "POLICY", defaultValue = "skip",
                description = "While the last run goes on: skip, buffer (one), allow (all) or cancel (the previous); default ${DEFAULT-VALUE}.")
        String overlap;

        @Option(names = "--catchup", paramLabel = "N", defaultValue = "1", description = "Fire times missed during downtime that are run, newest (default ${DEFAULT-VALUE}).")
        int catchup;

        @Option(names = "--queue", paramLabel = "QUEUE", defaultValue = "default", description = "The queue of its runs (default ${DEFAULT-VALUE}).")
        String queue;

        @Option(names = "--json", description = "Print the schedule as JSON.")
        boolean json;

        private Schedule schedule;

        @Override
        void check() {
            if ((cron == null) == (every == null)) {
                throw new UsageException("give --cron EXPR or --every SECONDS (one of them)");
            }
            Schedule s = cron != null ? Schedule.cron(name, workflow, cron) : Schedule.every(name, workflow, Duration.ofSeconds(every));
            if (timeZone != null) {
                s = s.withTimeZone(timeZone);
            }
            if (input != null) {
                s = s.withInput(JsonText.argument("--input", input));
            }
            schedule = s.withOverlap(Overlap.parse(overlap)).withCatchup(catchup).withQueue(queue);
        }

        @Override
        int run(RondoClient client) {
            print(this, client.schedules().create(schedule), json);
            return 0;
        }
    }

    /** {@code rondo schedule list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the schedules by name, with their next fire time.")
    static final class ListSchedules extends ClientCommand {
        @Option(names = "--json", description = "Print a JSON array of schedules.")
        boolean json;

        @Override
        int run(RondoClient client) {
            List<ScheduleDescription> all = client.schedules().list();
            if (json) {
                ArrayNode array = JsonText.mapper().createArrayNode();
                all.forEach(d -> array.add(node(d)));
                JsonText.print(out(), array);
            } else {
                Table table = new Table("NAME", "WORKFLOW", "WHEN", "OVERLAP", "STATE", "NEXT FIRE (UTC)", "LAST RUN");
                all.forEach(d -> table.row(d.schedule().name(), d.schedule().workflow(), d.schedule().when(),
                        d.schedule().overlap().shortName(), d.paused() ? "paused" : "active", iso(d.nextFireAt()),
                        d.lastExecutionId() == null ? null : d.lastExecutionId() + " (" + d.lastStatus() + ")"));
                table.print(out());
            }
            return 0;
        }
    }

    /** A command on one schedule by name. */
    abstract static class Named extends ClientCommand {
        @Parameters(paramLabel = "NAME", description = "The schedule's name.")
        String name;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;
    }

    @Command(name = "describe", mixinStandardHelpOptions = true, description = "Show a schedule, its state and its newest fire times.")
    static final class Describe extends Named {
        @Override
        int run(RondoClient client) {
            print(this, client.schedules().describe(name), json);
            return 0;
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Stop firing a schedule (runs going on are left alone).")
    static final class Pause extends Named {
        @Override
        int run(RondoClient client) {
            client.schedules().pause(name);
            print(this, client.schedules().describe(name), json);
            return 0;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = "Fire a paused schedule again, from its next fire time (missed ones are not run; backfill them).")
    static final class Resume extends Named {
        @Override
        int run(RondoClient client) {
            client.schedules().resume(name);
            print(this, client.schedules().describe(name), json);
            return 0;
        }
    }

    @Command(name = "trigger", mixinStandardHelpOptions = true,
            description = "Fire a schedule now, through its overlap policy; prints the run's id (nothing when the policy skipped it).")
    static final class Trigger extends Named {
        @Override
        int run(RondoClient client) {
            Optional<WorkflowHandle> run = client.schedules().trigger(name);
            if (json) {
                JsonText.print(out(), JsonText.object().put("id", run.map(WorkflowHandle::id).orElse(null)));
            } else {
                out().println(run.map(WorkflowHandle::id).orElse("(not started: a run is going on and the overlap policy held this one)"));
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a schedule (its runs go on).")
    static final class Delete extends Named {
        @Override
        int run(RondoClient client) {
            boolean deleted = client.schedules().delete(name);
            if (json) {
                JsonText.print(out(), JsonText.object().put("deleted", deleted));
            } else if (deleted) {
                out().println("Deleted schedule " + name);
            } else {
                err().println("rondo: No schedule is named '" + name + "'.");
            }
            return deleted ? 0 : Main.FAILED;
        }
    }

    @Command(name = "backfill", mixinStandardHelpOptions = true,
            description = {"Start a run for every fire time from FROM to TO (ISO-8601 instants, both included) that has none,",
                    "whatever the overlap policy. A second backfill of the same range starts nothing."})
    static final class Backfill extends Named {
        @Parameters(index = "1", paramLabel = "FROM", description = "e.g. 2026-12-01T00:00:00Z")
        String from;

        @Parameters(index = "2", paramLabel = "TO", description = "e.g. 2026-12-05T00:00:00Z")
        String to;

        private Instant fromInstant;
        private Instant toInstant;

        @Override
        void check() {
            fromInstant = instant("FROM", from);
            toInstant = instant("TO", to);
        }

        @Override
        int run(RondoClient client) {
            int started = client.schedules().backfill(name, fromInstant, toInstant);
            if (json) {
                JsonText.print(out(), JsonText.object().put("started", started));
            } else {
                out().println("Started " + started + " run" + (started == 1 ? "" : "s"));
            }
            return 0;
        }

        private static Instant instant(String what, String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new UsageException(what + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, not '" + text + "'");
            }
        }
    }

    private static void print(ClientCommand command, ScheduleDescription d, boolean json) {
        if (json) {
            JsonText.print(command.out(), node(d));
            return;
        }
        Schedule s = d.schedule();
        var out = command.out();
        out.println("Schedule " + s.name() + (d.paused() ? " (paused)" : "") + (d.declared() ? " (declared by a deploy)" : ""));
        out.println("  workflow:   " + s.workflow() + " on queue " + s.queue());
        out.println("  fires:      " + s.when());
        out.println("  input:      " + s.input());
        out.println("  overlap:    " + s.overlap().shortName() + ", catch-up " + s.catchup());
        out.println("  next fire:  " + (d.nextFireAt() == null ? "never" : d.nextFireAt().toString())
                + (d.paused() ? " (paused)" : ""));
        if (d.bufferedFireAt() != null) {
            out.println("  buffered:   " + d.bufferedFireAt() + " (starts when " + d.lastExecutionId() + " ends)");
        }
        if (d.lastExecutionId() != null) {
            out.println("  last run:   " + d.lastExecutionId() + " (" + d.lastStatus() + ")");
        }
        if (!d.recentFires().isEmpty()) {
            Table table = new Table("FIRE TIME (UTC)", "REASON", "OUTCOME", "RUN", "STATUS");
            d.recentFires().forEach(f -> table.row(f.fireAt().toString(), f.reason(), f.outcome(), f.executionId(), f.status()));
            table.print(out);
        }
    }

    private static ObjectNode node(ScheduleDescription d) {
        Schedule s = d.schedule();
        ObjectNode n = JsonText.object().put("name", s.name()).put("workflow", s.workflow()).put("cron", s.cron());
        if (s.everySeconds() != null) {
            n.put("every", s.everySeconds());
        } else {
            n.putNull("every");
        }
        n.put("timeZone", s.timeZone()).set("input", JsonText.node(s.input()));
        n.put("overlap", s.overlap().shortName()).put("catchup", s.catchup()).put("queue", s.queue())
                .put("paused", d.paused()).put("declared", d.declared()).put("nextFireAt", iso(d.nextFireAt()))
                .put("bufferedFireAt", iso(d.bufferedFireAt())).put("lastExecutionId", d.lastExecutionId())
                .put("lastStatus", d.lastStatus());
        ArrayNode fires = n.putArray("recentFires");
        d.recentFires().forEach(f -> fires.add(JsonText.object().put("fireAt", iso(f.fireAt())).put("reason", f.reason())
                .put("outcome", f.outcome()).put("executionId", f.executionId()).put("status", f.status())));
        return n;
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
