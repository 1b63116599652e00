package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.core.RondoException;
import dev.rondo.client.WorkflowHandle;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rondo logs ID}: the execution's print/console.log lines. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print the log lines (print, console.log) of execution ID, each once, in order.")
final class LogsCommand extends ExecutionCommand {

    /** How often --follow looks for new lines while the execution runs (its end wakes it at once). */
    private static final Duration FOLLOW_INTERVAL = Duration.ofMillis(500);

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until the execution ends.")
    boolean follow;

    @Option(names = "--json", description = "Print each line as {\"n\", \"line\"} on a line of its own (JSON Lines, so --follow can stream).")
    boolean json;

    @Override
    int run(RondoClient client, WorkflowHandle handle) {
        PrintWriter out = out();
        handle.status(); // an unknown id fails here rather than printing nothing
        int seen = print(handle, 0);
        while (follow) {
            try {
                handle.result(FOLLOW_INTERVAL); // returns as soon as it ends (rondo_done)
                follow = false;
            } catch (RondoException.ResultTimeout stillRunning) {
                // print what came meanwhile and keep following
            }
            seen = print(handle, seen);
        }
        return 0;
    }

    private int print(WorkflowHandle handle, int after) {
        PrintWriter out = out();
        List<String> lines = handle.logs(after);
        for (int i = 0; i < lines.size(); i++) {
            if (json) {
                JsonText.print(out, JsonText.object().put("n", after + i + 1).put("line", lines.get(i)));
            } else {
                out.println(lines.get(i));
            }
        }
        out.flush();
        return after + lines.size();
    }
}
