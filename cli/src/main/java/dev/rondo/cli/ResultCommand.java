package dev.rondo.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rondo.client.RondoClient;
import dev.rondo.core.RondoException;
import dev.rondo.client.WorkflowHandle;
import dev.rondo.client.WorkflowResult;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rondo result ID}: how an execution ended, its exit code saying which way. */
@Command(name = "result", mixinStandardHelpOptions = true,
        description = {"Print the result of execution ID as JSON, or its error as file:line:col: Name: message.",
                "Exit 0 completed, 1 failed or cancelled, 3 still running (after --wait)."})
final class ResultCommand extends ExecutionCommand {

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait up to this long for it to end (default 0: answer at once).")
    double waitSeconds;

    @Option(names = "--json", description = "Print {\"id\", \"status\", \"result\" or \"error\"} whatever the outcome.")
    boolean json;

    @Override
    void checkArguments() {
        if (waitSeconds < 0) {
            throw new UsageException("--wait cannot be negative: " + waitSeconds);
        }
    }

    @Override
    int run(RondoClient client, WorkflowHandle handle) {
        PrintWriter out = out();
        PrintWriter err = err();
        WorkflowResult result;
        try {
            result = handle.result(Duration.ofMillis(Math.max(1, Math.round(waitSeconds * 1000))));
        } catch (RondoException.ResultTimeout stillRunning) {
            String status = handle.status().text();
            if (json) {
                JsonText.print(out, JsonText.object().put("id", id).put("status", status));
            } else {
                err.println("rondo: execution '" + id + "' is still " + status + (waitSeconds > 0 ? " after " + waitSeconds + " s" : "")
                        + "; wait with --wait SECONDS.");
            }
            return Main.STILL_RUNNING;
        }
        if (json) {
            ObjectNode node = JsonText.object().put("id", id).put("status", result.status().text());
            if (result.completed()) {
                node.set("result", JsonText.node(result.resultJson()));
            } else {
                node.set("error", JsonText.node(result.errorJson()));
            }
            JsonText.print(out, node);
        } else if (result.completed()) {
            out.println(result.resultJson());
        } else {
            err.println(result.error());
        }
        return result.completed() ? 0 : Main.FAILED;
    }
}
