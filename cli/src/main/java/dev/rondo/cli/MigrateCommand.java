package dev.rondo.cli;

import dev.rondo.client.DatabaseUrls;
import dev.rondo.client.RondoClient;
import picocli.CommandLine.Command;

/** {@code rondo migrate}: brings the schema up to date (every command also does it on connecting). */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Create or update Rondo's tables in the database.",
                "Every command (and RondoClient, and Worker) does this on connecting; run it to do it ahead of time."})
final class MigrateCommand extends ClientCommand {

    @Override
    int run(RondoClient client) {
        out().println("schema up to date in " + DatabaseUrls.redact(database.chosen())); // connecting migrated it
        return 0;
    }
}
