package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rondo cancel ID}: asks an execution to stop. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Ask execution ID to stop: it gets CancelledError where it waits, may compensate, and ends cancelled.",
                "Exit 1 when the execution does not exist or has ended."})
final class CancelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Database database;

    @Parameters(paramLabel = "ID", description = "The execution id.")
    String id;

    @Override
    public Integer call() {
        try (RondoClient client = database.connect(spec.commandLine().getErr())) {
            client.handle(id).cancel();
            spec.commandLine().getOut().println("cancellation requested for " + id);
            return 0;
        }
    }
}
