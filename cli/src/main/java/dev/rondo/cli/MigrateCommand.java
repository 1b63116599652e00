package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.client.internal.DatabaseUrls;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rondo migrate}: brings the schema up to date (every command also does it on connecting). */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Create or update Rondo's tables in the database.",
                "Every command (and RondoClient, and Worker) does this on connecting; run it to do it ahead of time."})
final class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Database database;

    @Override
    public Integer call() {
        try (RondoClient ignored = database.connect(spec.commandLine().getErr())) {
            spec.commandLine().getOut().println("schema up to date in " + DatabaseUrls.redact(database.chosen()));
            return 0;
        }
    }
}
