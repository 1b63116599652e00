package dev.rondo.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rondo.client.Description;
import dev.rondo.client.RondoClient;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.core.Variables;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rondo describe ID}: where an execution stands, and the source where it waits. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show execution ID: its workflow and status and, while it waits, what for and the .flow source around that await.")
final class DescribeCommand extends ExecutionCommand {

    /** Source lines shown before and after the await. */
    private static final int CONTEXT = 2;

    @Option(names = "--json", description = "Print {id, workflow, status, createdAt, waitingAt, waitingLine, waitingFor, hints, attributes}"
            + " (and forkedFrom, forkedAtStep for a fork)"
            + " (and variables with --vars).")
    boolean json;

    @Option(names = "--vars", description = "Also show the variables of every scope open where it waits, read from its checkpoint"
            + " (no worker needed); with --json: variables: [{depth, variables: {name: value}}], outermost first.")
    boolean vars;

    @Override
    int run(RondoClient client, WorkflowHandle handle) {
        PrintWriter out = out();
        Description d = handle.describe();
        if (json) {
            ObjectNode node = JsonText.object().put("id", d.executionId()).put("workflow", d.workflow()).put("status", d.status().text())
                    .put("createdAt", d.createdAt() == null ? null : d.createdAt().toString())
                    .put("waitingAt", d.waitingAt()).put("waitingLine", d.waitingLine());
            d.waitingFor().forEach(node.putArray("waitingFor")::add);
            d.hints().forEach(node.putArray("hints")::add);
            node.set("attributes", JsonText.mapper().valueToTree(d.attributes()));
            handle.forkedFrom().ifPresent(o -> node.put("forkedFrom", o.executionId()).put("forkedAtStep", o.step()));
            if (vars) {
                ArrayNode scopes = node.putArray("variables");
                for (Variables.Scope scope : handle.variables().scopes()) {
                    ObjectNode variables = scopes.addObject().put("depth", scope.depth()).putObject("variables");
                    scope.variables().forEach(v -> variables.set(v.name(), JsonText.parse(v.json())));
                }
            }
            JsonText.print(out, node);
            return 0;
        }
        Table table = new Table("execution", d.executionId()).row("workflow", d.workflow()).row("status", d.status().text())
                .row("created", d.createdAt());
        if (!d.attributes().isEmpty()) {
            table.row("attributes", ListCommand.pairs(d.attributes()));
        }
        handle.forkedFrom().ifPresent(o -> table.row("forked from", o.executionId() + (o.step() == null ? "" : " at step " + o.step())));
        table.print(out);
        if (d.waitingAt() != null && !d.waitingFor().isEmpty()) {
            out.println("waiting for " + String.join(", ", d.waitingFor()) + " at " + d.waitingAt() + ":");
            excerpt(handle.source(), d.waitingAt(), out);
        }
        d.hints().forEach(hint -> out.println("hint: " + hint));
        if (vars) {
            printVariables(handle.variables(), out);
        }
        return 0;
    }

    /** The variables as an indented tree, one scope per level, each value as compact JSON. */
    private static void printVariables(Variables variables, PrintWriter out) {
        if (variables.isEmpty()) {
            out.println("variables: none (no checkpoint: the execution has not waited yet, or it has ended)");
            return;
        }
        out.println("variables:");
        for (Variables.Scope scope : variables.scopes()) {
            String indent = "  ".repeat(scope.depth() + 1);
            for (Variables.Variable v : scope.variables()) {
                // Re-written by Jackson so that text outside ASCII shows as itself, not as escapes.
                out.println(indent + v.name() + " = " + JsonText.parse(v.json()));
            }
        }
    }

    /** The source lines around {@code file:line:col}, numbered, the line marked with > and the column with ^. */
    static void excerpt(String source, String position, PrintWriter out) {
        String[] parts = position.split(":");
        int line;
        int column;
        try {
            line = Integer.parseInt(parts[parts.length - 2]);
            column = Integer.parseInt(parts[parts.length - 1]);
        } catch (RuntimeException e) {
            return; // not a position we can show
        }
        String[] lines = source.split("\\R", -1);
        int first = Math.max(1, line - CONTEXT);
        int last = Math.min(lines.length, line + CONTEXT);
        int width = Integer.toString(last).length();
        for (int n = first; n <= last; n++) {
            out.println((n == line ? "> " : "  ") + pad(Integer.toString(n), width) + " | " + lines[n - 1]);
            if (n == line) {
                out.println("  " + " ".repeat(width) + " | " + " ".repeat(Math.max(0, column - 1)) + "^");
            }
        }
    }

    private static String pad(String text, int width) {
        return " ".repeat(width - text.length()) + text;
    }
}
