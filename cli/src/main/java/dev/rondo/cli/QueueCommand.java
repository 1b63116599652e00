package dev.rondo.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.rondo.client.PausedQueue;
import dev.rondo.client.RondoClient;
import dev.rondo.core.Identifiers;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rondo queue pause|resume|list}: pausing whole queues (docs/operations.md). */
@Command(name = "queue", mixinStandardHelpOptions = true,
        description = {"Pause and resume whole queues: workers claim nothing of a paused queue (tasks and workflow slices)",
                "until it is resumed; work keeps arriving and waits."},
        subcommands = {QueueCommand.Pause.class, QueueCommand.Resume.class, QueueCommand.ListPaused.class})
final class QueueCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.INVALID;
    }

    /** A command on one queue, by name. */
    abstract static class OnQueue extends ClientCommand {
        @Parameters(paramLabel = "QUEUE", description = "The queue's name.")
        String queue;

        @Option(names = "--json", description = "Print {\"queue\": …, \"changed\": true|false, \"paused\": true|false}.")
        boolean json;

        @Override
        void check() {
            Identifiers.require(Identifiers.Kind.QUEUE, queue);
        }

        void print(boolean changed, boolean paused, String line) {
            if (json) {
                JsonText.print(out(), JsonText.object().put("queue", queue).put("changed", changed).put("paused", paused));
            } else {
                out().println(line);
            }
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause QUEUE: workers stop claiming its items at their next claim.")
    static final class Pause extends OnQueue {
        @Override
        int run(RondoClient client) {
            boolean changed = client.pauseQueue(queue);
            print(changed, true, changed ? "paused queue " + queue : "queue " + queue + " was paused already");
            return 0;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume QUEUE: its workers are woken and claim its work at once.")
    static final class Resume extends OnQueue {
        @Override
        int run(RondoClient client) {
            boolean changed = client.resumeQueue(queue);
            print(changed, false, changed ? "resumed queue " + queue : "queue " + queue + " is not paused");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the paused queues, who paused them, when, and how much waits in each.")
    static final class ListPaused extends ClientCommand {
        @Option(names = "--json", description = "Print a JSON array of {queue, pausedBy, pausedAt, waiting}.")
        boolean json;

        @Override
        int run(RondoClient client) {
            List<PausedQueue> paused = client.pausedQueues();
            if (json) {
                ArrayNode array = JsonText.mapper().createArrayNode();
                paused.forEach(p -> array.add(JsonText.object().put("queue", p.queue()).put("pausedBy", p.pausedBy())
                        .put("pausedAt", p.pausedAt().toString()).put("waiting", p.waiting())));
                JsonText.print(out(), array);
            } else if (paused.isEmpty()) {
                out().println("no queue is paused");
            } else {
                Table table = new Table("QUEUE", "PAUSED BY", "PAUSED AT", "WAITING");
                paused.forEach(p -> table.row(p.queue(), p.pausedBy(), p.pausedAt().toString(), String.valueOf(p.waiting())));
                table.print(out());
            }
            return 0;
        }
    }
}
