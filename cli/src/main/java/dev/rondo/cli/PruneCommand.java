package dev.rondo.cli;

import dev.rondo.client.PruneOptions;
import dev.rondo.client.RondoClient;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rondo prune --older-than AGE}: retention, the finished executions older than AGE deleted. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Delete workflow executions that finished (completed, failed, cancelled or terminated)",
                "more than AGE ago, with their tasks, child workflows, logs, history and signals.",
                "A tree with anything still running is kept. Safe beside running workers;",
                "schedule it, e.g. daily from cron: rondo prune --older-than 30d"})
final class PruneCommand extends ClientCommand {

    @Option(names = "--older-than", paramLabel = "AGE", required = true, converter = AgeConverter.class,
            description = "How long ago they finished: 30d, 12h, 90m, 3600s, or ISO-8601 (P30D, PT12H).")
    Duration olderThan;

    @Option(names = "--workflow", paramLabel = "NAME", description = "Only executions of this workflow.")
    String workflow;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + PruneOptions.DEFAULT_BATCH_SIZE,
            description = "Executions deleted per transaction (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--dry-run", description = "Only count what would be deleted.")
    boolean dryRun;

    @Option(names = "--json", description = "Print {\"deleted\": N}, or {\"wouldDelete\": N} with --dry-run.")
    boolean json;

    private PruneOptions options;

    @Override
    void check() {
        options = PruneOptions.olderThan(olderThan).withWorkflow(workflow).withBatchSize(batchSize).withDryRun(dryRun)
                .withOnBatch(total -> {
                    err().println("rondo: deleted " + total + " so far");
                    err().flush();
                });
    }

    @Override
    int run(RondoClient client) {
        long count = client.prune(options);
        String which = workflow == null ? "" : " of " + workflow;
        if (json) {
            JsonText.print(out(), JsonText.object().put(dryRun ? "wouldDelete" : "deleted", count));
        } else if (dryRun) {
            out().println("would delete " + count + " workflow execution" + (count == 1 ? "" : "s") + which);
        } else {
            out().println("deleted " + count + " workflow execution" + (count == 1 ? "" : "s") + which);
        }
        return 0;
    }
}
