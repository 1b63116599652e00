package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.core.Identifiers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rondo signal ID NAME}: sends a signal to a running execution. */
@Command(name = "signal", mixinStandardHelpOptions = true,
        description = {"Send signal NAME to execution ID; a Signal.next(NAME) takes it (signals wait in order until taken).",
                "Exit 1 when the execution does not exist or has ended."})
final class SignalCommand extends ExecutionCommand {

    @Parameters(index = "1", paramLabel = "NAME", description = "The signal's name.")
    String name;

    @Option(names = "--payload", paramLabel = "JSON|@FILE", description = "The signal's payload (default null).")
    String payload;

    private String payloadJson;

    @Override
    void checkArguments() {
        Identifiers.require(Identifiers.Kind.SIGNAL_NAME, name);
        payloadJson = payload == null ? "null" : JsonText.argument("--payload", payload);
    }

    @Override
    int run(RondoClient client, WorkflowHandle execution) {
        execution.signal(name, payloadJson);
        out().println("sent " + name + " to " + id);
        return 0;
    }
}
