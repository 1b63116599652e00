package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rondo status ID}: one word. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print the status of execution ID: queued, running, waiting, completed, failed or cancelled.")
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Database database;

    @Parameters(paramLabel = "ID", description = "The execution id.")
    String id;

    @Option(names = "--json", description = "Print {\"id\": …, \"status\": …}.")
    boolean json;

    @Override
    public Integer call() {
        try (RondoClient client = database.connect(spec.commandLine().getErr())) {
            String status = client.handle(id).describe().status(); // describe: an unknown id says so plainly
            if (json) {
                JsonText.print(spec.commandLine().getOut(), JsonText.object().put("id", id).put("status", status));
            } else {
                spec.commandLine().getOut().println(status);
            }
            return 0;
        }
    }
}
