package dev.rondo.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.rondo.client.ExecutionSummary;
import dev.rondo.client.ListFilter;
import dev.rondo.client.RondoClient;
import dev.rondo.core.ExecutionStatus;
import dev.rondo.core.RunNames;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rondo list}: workflow executions, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List workflow executions, newest first.",
                "For the next page, pass the last id shown to --after."})
final class ListCommand extends ClientCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Option(names = "--status", paramLabel = "STATUS", description = "Only this status: queued, running, waiting, paused, completed, failed, cancelled or terminated.")
    String status;

    @Option(names = "--workflow", paramLabel = "NAME", description = "Only executions of this workflow.")
    String workflow;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N rows (default ${DEFAULT-VALUE}, at most 1000).")
    int limit;

    @Option(names = "--after", paramLabel = "ID", description = "The page after the execution with this id.")
    String after;

    @Option(names = "--where", paramLabel = "KEY=VALUE", description = {"Only executions with this attribute value (repeatable: all must hold), such as customer=c-42;",
            "status=… and workflow=… filter on those."})
    List<String> where = new java.util.ArrayList<>();

    @Option(names = "--json", description = "Print a JSON array of {id, workflow, status, queue, createdAt, finishedAt, attributes}.")
    boolean json;

    @Option(names = "--all", description = "Also the executions of 'rondo run' (workflows under rondo-run-…), hidden otherwise.")
    boolean all;

    private ListFilter filter;

    @Override
    void check() {
        filter = new ListFilter(ExecutionStatus.of(status), workflow, limit, after);
        for (String condition : where) {
            filter = filter.where(condition);
        }
    }

    @Override
    int run(RondoClient client) {
        // rondo run's private deployments are an implementation detail of the run: not shown unless asked for
        List<ExecutionSummary> rows = client.list(filter).stream()
                .filter(r -> all || RunNames.shownWorkflow(r.workflow()).equals(r.workflow())).toList();
        if (json) {
            ArrayNode array = JsonText.mapper().createArrayNode();
            rows.forEach(r -> array.add(JsonText.object().put("id", r.executionId()).put("workflow", r.workflow())
                    .put("status", r.status().text()).put("queue", r.queue()).put("createdAt", iso(r.createdAt()))
                    .put("finishedAt", iso(r.finishedAt()))
                    .set("attributes", JsonText.mapper().valueToTree(r.attributes()))));
            JsonText.print(out(), array);
        } else {
            boolean anyAttributes = rows.stream().anyMatch(r -> !r.attributes().isEmpty());
            Table table = anyAttributes
                    ? new Table("ID", "WORKFLOW", "STATUS", "QUEUE", "CREATED", "FINISHED", "ATTRIBUTES")
                    : new Table("ID", "WORKFLOW", "STATUS", "QUEUE", "CREATED", "FINISHED");
            rows.forEach(r -> {
                if (anyAttributes) {
                    table.row(r.executionId(), r.workflow(), r.status().text(), r.queue(), local(r.createdAt()),
                            local(r.finishedAt()), pairs(r.attributes()));
                } else {
                    table.row(r.executionId(), r.workflow(), r.status().text(), r.queue(), local(r.createdAt()), local(r.finishedAt()));
                }
            });
            table.print(out());
        }
        return 0;
    }

    /** {@code customer=c-42 tier=gold}, keys in order (the database keeps its own). */
    static String pairs(java.util.Map<String, String> attributes) {
        StringBuilder out = new StringBuilder();
        new java.util.TreeMap<>(attributes).forEach((k, v) -> out.append(out.isEmpty() ? "" : " ").append(k).append('=').append(v));
        return out.toString();
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String local(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }
}
