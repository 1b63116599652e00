package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rondo signal ID NAME}: sends a signal to a running execution. */
@Command(name = "signal", mixinStandardHelpOptions = true,
        description = {"Send signal NAME to execution ID; a Signal.next(NAME) takes it (signals wait in order until taken).",
                "Exit 1 when the execution does not exist or has ended."})
final class SignalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Database database;

    @Parameters(index = "0", paramLabel = "ID", description = "The execution id.")
    String id;

    @Parameters(index = "1", paramLabel = "NAME", description = "The signal's name.")
    String name;

    @Option(names = "--payload", paramLabel = "JSON|@FILE", description = "The signal's payload (default null).")
    String payload;

    @Override
    public Integer call() {
        String payloadJson = payload == null ? "null" : JsonText.argument("--payload", payload);
        try (RondoClient client = database.connect(spec.commandLine().getErr())) {
            client.handle(id).signal(name, payloadJson);
            spec.commandLine().getOut().println("sent " + name + " to " + id);
            return 0;
        }
    }
}
