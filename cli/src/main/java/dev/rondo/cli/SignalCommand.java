package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.client.StartOptions;
import dev.rondo.client.StartOrSignal;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.core.Identifiers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rondo signal ID NAME}: sends a signal to a running execution; with {@code --start WORKFLOW},
 * starts WORKFLOW as ID first when no execution has that id (signal-with-start, in one transaction).
 */
@Command(name = "signal", mixinStandardHelpOptions = true,
        description = {"Send signal NAME to execution ID; a Signal.next(NAME) takes it (signals wait in order until taken).",
                "With --start WORKFLOW, when no execution has the id ID, start WORKFLOW as ID (with --input) and send"
                        + " the signal in the same transaction (signal-with-start: create or notify).",
                "Exit 1 when the execution does not exist (without --start), belongs to another workflow, or has ended."})
final class SignalCommand extends ExecutionCommand {

    @Parameters(index = "1", paramLabel = "NAME", description = "The signal's name.")
    String name;

    @Option(names = "--payload", paramLabel = "JSON|@FILE", description = "The signal's payload (default null).")
    String payload;

    @Option(names = "--start", paramLabel = "WORKFLOW",
            description = "Start this workflow as ID when no execution has that id, then signal it; an unfinished execution of it is only signalled.")
    String start;

    @Option(names = "--input", paramLabel = "JSON|@FILE", description = "With --start: the input of the start (default {}).")
    String input;

    @Option(names = "--queue", paramLabel = "QUEUE", description = "With --start: the queue whose workers run it (default: "
            + StartOptions.DEFAULT_QUEUE + ").")
    String queue;

    @Option(names = "--priority", paramLabel = "N", description = "With --start: higher runs first (default 0).")
    Integer priority;

    @Option(names = "--json", description = "Print {\"id\": …, \"signal\": …, \"started\": true|false}.")
    boolean json;

    private String payloadJson;
    private String inputJson;
    private StartOptions options;

    @Override
    void checkArguments() {
        Identifiers.require(Identifiers.Kind.SIGNAL_NAME, name);
        payloadJson = payload == null ? "null" : JsonText.argument("--payload", payload);
        if (start == null) {
            for (String startOnly : new String[] {input != null ? "--input" : null, queue != null ? "--queue" : null,
                    priority != null ? "--priority" : null}) {
                if (startOnly != null) {
                    throw new UsageException(startOnly + " is for the start: give it with --start WORKFLOW.");
                }
            }
            return;
        }
        Identifiers.require(Identifiers.Kind.WORKFLOW_NAME, start);
        Identifiers.require(Identifiers.Kind.EXECUTION_ID, id); // an id to start under, as rondo start --id checks it
        inputJson = input == null ? "{}" : JsonText.argument("--input", input);
        options = StartOptions.DEFAULT.withQueue(queue != null ? queue : StartOptions.DEFAULT_QUEUE)
                .withPriority(priority != null ? priority : 0);
    }

    @Override
    int run(RondoClient client, WorkflowHandle execution) {
        boolean started = false;
        if (start == null) {
            execution.signal(name, payloadJson);
        } else {
            StartOrSignal done = client.startOrSignal(id, start, inputJson, options, name, payloadJson);
            started = done.started();
        }
        if (json) {
            JsonText.print(out(), JsonText.object().put("id", id).put("signal", name).put("started", started));
        } else if (started) {
            out().println("started " + start + " as " + id + " and sent " + name);
        } else {
            out().println("sent " + name + " to " + id);
        }
        return 0;
    }
}
