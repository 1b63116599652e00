package dev.rondo.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rondo.client.RondoClient;
import dev.rondo.client.UpgradeOptions;
import dev.rondo.client.UpgradeReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rondo upgrade WORKFLOW}: moves waiting, paused and failed executions of older versions onto the current one. */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
        description = {"Move the waiting, paused and failed executions of older versions of WORKFLOW onto its",
                "current version (the last deployed): each goes on with the new code from its next slice.",
                "An execution whose position does not map onto the new code is left as it is, with the reason.",
                "A failed execution stays failed: retry it afterwards (fix, deploy, upgrade, retry).",
                "Exit 1 when any execution was refused, or when WORKFLOW was never deployed."})
final class UpgradeCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "WORKFLOW", description = "The workflow's name, e.g. orders/process.")
    String workflow;

    @Option(names = "--from", paramLabel = "HASH", description = "Only executions of this version (its hash, or a prefix of it).")
    String from;

    @Option(names = "--dry-run", description = "Move nothing; print what would move and what would be refused.")
    boolean dryRun;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + UpgradeOptions.DEFAULT_BATCH_SIZE,
            description = "Executions read per batch (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--json", description = "Print the report as JSON: {workflow, toHash, dryRun, moved, refused, skipped, executions: [...]}.")
    boolean json;

    private UpgradeOptions options;

    @Override
    void check() {
        try {
            options = UpgradeOptions.DEFAULTS.withFromHash(from == null ? null : from.toLowerCase()).withDryRun(dryRun)
                    .withBatchSize(batchSize).withOnProgress(progress -> {
                        err().println("rondo: " + progress.examined() + " examined, " + progress.moved()
                                + (dryRun ? " would move" : " moved") + ", " + progress.refused() + " refused");
                        err().flush();
                    });
        } catch (IllegalArgumentException bad) {
            throw new UsageException(bad.getMessage());
        }
    }

    @Override
    int run(RondoClient client) {
        UpgradeReport report = client.upgrade(workflow, options);
        if (json) {
            ObjectNode root = JsonText.object();
            root.put("workflow", report.workflow()).put("toHash", report.toHash()).put("dryRun", report.dryRun())
                    .put("moved", report.moved()).put("refused", report.refused())
                    .put("skipped", report.count(UpgradeReport.Outcome.SKIPPED));
            ArrayNode executions = root.putArray("executions");
            for (UpgradeReport.Entry e : report.entries()) {
                executions.addObject().put("id", e.executionId()).put("fromHash", e.fromHash()).put("status", e.status())
                        .put("outcome", e.outcome().name().toLowerCase()).put("from", e.from()).put("to", e.to())
                        .put("reason", e.reason());
            }
            JsonText.print(out(), root);
        } else {
            String moved = report.dryRun() ? "would move" : "moved";
            for (UpgradeReport.Entry e : report.entries()) {
                switch (e.outcome()) {
                    case MOVED -> out().println(e.executionId() + ": " + moved + " (" + e.status() + ") from " + shortHash(e.fromHash())
                            + " at " + e.from() + " to " + e.to());
                    case REFUSED -> out().println(e.executionId() + ": refused: " + e.reason());
                    case SKIPPED -> out().println(e.executionId() + ": skipped: " + e.reason());
                }
            }
            out().println(report.workflow() + ": " + report.moved() + " " + moved + ", " + report.refused() + " refused"
                    + (report.count(UpgradeReport.Outcome.SKIPPED) > 0 ? ", " + report.count(UpgradeReport.Outcome.SKIPPED) + " skipped" : "")
                    + " (current version " + shortHash(report.toHash()) + ")");
        }
        return report.refused() > 0 ? Main.FAILED : 0;
    }

    private static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }
}
