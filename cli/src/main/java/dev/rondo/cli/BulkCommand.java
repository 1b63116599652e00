package dev.rondo.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rondo.client.BulkAction;
import dev.rondo.client.BulkOptions;
import dev.rondo.client.BulkResult;
import dev.rondo.client.ListFilter;
import dev.rondo.client.RondoClient;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rondo bulk ACTION --where …}: one operator action over every workflow execution a filter selects,
 * in batches, with progress on stderr and a cursor to go on after Ctrl-C (docs/operations.md, "Bulk actions").
 */
@Command(name = "bulk", mixinStandardHelpOptions = true,
        description = {"Apply ACTION (cancel, pause, resume, terminate or retry) to every workflow execution --where selects,",
                "newest first, in batches. After each batch a line on stderr gives the progress and the cursor: after",
                "Ctrl-C (or any interruption), run the same command with --resume-after CURSOR to go on; no execution",
                "is acted on twice. Executions that refuse (ended meanwhile, or a status the action does not take)",
                "are counted and skipped. Exit 0 when it ran to the end, 1 when interrupted."})
final class BulkCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "ACTION", description = "cancel, pause, resume, terminate or retry.")
    String actionName;

    @Option(names = "--where", paramLabel = "KEY=VALUE[,…]", required = true, description = {
            "Which executions (repeatable, or comma-separated; all must hold): status=…, workflow=…,",
            "since=TIME (created at or after: ISO-8601 such as 2026-12-01T00:00:00Z, or an age such as 2h),",
            "attribute=KEY=VALUE or KEY=VALUE for an attribute. As 'rondo list --where'."})
    List<String> where = new ArrayList<>();

    @Option(names = "--dry-run", description = "Change nothing: print how many executions match and a sample of their ids.")
    boolean dryRun;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "100", description = "Executions per batch (default ${DEFAULT-VALUE}, at most 1000).")
    int batch;

    @Option(names = "--resume-after", paramLabel = "CURSOR", description = "Go on after this execution: the cursor an interrupted run printed.")
    String resumeAfter;

    @Option(names = "--json", description = "Print {action, dryRun, matched, changed, unchanged, refused, batches, cursor, interrupted, sample, refusals}.")
    boolean json;

    private BulkAction action;
    private BulkOptions options;

    @Override
    void check() {
        action = BulkAction.of(actionName);
        ListFilter filter = ListFilter.ALL;
        Instant since = null;
        for (String clause : where) {
            for (String condition : clause.split(",")) {
                if (condition.isBlank()) {
                    continue;
                }
                if (condition.startsWith("since=")) {
                    since = since(condition.substring("since=".length()));
                } else if (condition.startsWith("attribute=")) {
                    filter = filter.where(condition.substring("attribute=".length()));
                } else {
                    filter = filter.where(condition);
                }
            }
        }
        options = BulkOptions.of(filter).withSince(since).withBatchSize(batch).withDryRun(dryRun).withResumeAfter(resumeAfter);
    }

    private static Instant since(String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException notAnInstant) {
            try {
                Duration age = new AgeConverter().convert(value);
                return Instant.now().minus(age);
            } catch (RuntimeException notAnAge) {
                throw new IllegalArgumentException("since=" + value + " is neither a time (ISO-8601, such as "
                        + "2026-12-01T00:00:00Z) nor an age (such as 2h or 7d).");
            }
        }
    }

    @Override
    int run(RondoClient client) {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true); // Ctrl-C: finish the execution in hand, report the cursor, then exit
            try {
                ended.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rondo-bulk-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            BulkResult result = client.bulk(action, options.withStop(stop::get).withOnBatch(this::progress));
            report(result);
            return result.interrupted() ? Main.FAILED : 0;
        } finally {
            ended.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException exiting) {
                // the JVM is shutting down (Ctrl-C): the hook is running and has just been released
            }
        }
    }

    private void progress(BulkResult r) {
        err().println("batch " + r.batches() + ": " + r.matched() + (r.dryRun() ? " matched" : " examined, " + r.changed() + " "
                + pastTense() + ", " + r.unchanged() + " unchanged, " + r.refused() + " refused")
                + (r.cursor() == null ? "" : "; cursor " + r.cursor()));
        err().flush();
    }

    private void report(BulkResult r) {
        if (json) {
            ObjectNode node = JsonText.object().put("action", r.action().text()).put("dryRun", r.dryRun())
                    .put("matched", r.matched()).put("changed", r.changed()).put("unchanged", r.unchanged())
                    .put("refused", r.refused()).put("batches", r.batches()).put("cursor", r.cursor())
                    .put("interrupted", r.interrupted());
            node.set("sample", JsonText.mapper().valueToTree(r.sample()));
            node.set("refusals", JsonText.mapper().valueToTree(r.refusals()));
            JsonText.print(out(), node);
        } else if (r.dryRun()) {
            out().println(r.matched() + " executions would be " + pastTense() + (r.sample().isEmpty() ? "" : ", e.g. "
                    + String.join(", ", r.sample())));
        } else {
            out().println(r.changed() + " " + pastTense() + ", " + r.unchanged() + " unchanged, " + r.refused() + " refused, of "
                    + r.matched() + " examined in " + r.batches() + " batches");
            r.refusals().forEach(refusal -> out().println("  refused: " + refusal));
        }
        if (r.interrupted()) {
            err().println("interrupted; to go on: rondo bulk " + r.action().text() + " … --resume-after " + r.cursor());
        }
        out().flush();
    }

    private String pastTense() {
        return switch (action) {
            case CANCEL -> "cancelled";
            case PAUSE -> "paused";
            case RESUME -> "resumed";
            case TERMINATE -> "terminated";
            case RETRY -> "retried";
            default -> action.text() + " done";
        };
    }
}
