package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.dashboard.DashboardOptions;
import dev.rondo.dashboard.RondoDashboard;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rondo ui}: the web dashboard on the chosen database (the embedded one by default), until Ctrl-C.
 * Binds to 127.0.0.1; any other address needs a token.
 */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = {"Serve the web dashboard: executions, one execution with its source line, variables, timeline and log,",
                "workflows, queues and workers; signal and cancel from the page. Runs until Ctrl-C.",
                "Binds to 127.0.0.1 by default; any other address needs a token (--token or " + DashboardOptions.TOKEN_ENVIRONMENT + ")."})
final class UiCommand extends ClientCommand {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + DashboardOptions.DEFAULT_PORT,
            description = "The port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = DashboardOptions.DEFAULT_BIND,
            description = "The address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Require this token on every request (at least 16 characters; default: " + DashboardOptions.TOKEN_ENVIRONMENT
                    + "). Open the dashboard once as /?token=TOKEN, or send Authorization: Bearer TOKEN.")
    String token;

    @Option(names = "--read-only", description = "No actions: signal and cancel are not offered and are refused.")
    boolean readOnly;

    @Option(names = "--hide-data", description = "Do not show inputs, results, variables, signal payloads or log lines (personal data).")
    boolean hideData;

    private DashboardOptions options;

    @Override
    void check() {
        String chosen = token != null ? token : System.getenv(DashboardOptions.TOKEN_ENVIRONMENT);
        try {
            options = DashboardOptions.DEFAULTS.withPort(port).withBindAndToken(bind, chosen).withReadOnly(readOnly).withHiddenData(hideData);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Override
    int run(RondoClient client) throws Exception {
        PrintWriter err = err();
        RondoDashboard dashboard;
        try {
            dashboard = RondoDashboard.start(client.dataSource(), options);
        } catch (IllegalStateException e) {
            err.println("rondo ui: " + e.getMessage());
            err.flush();
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(dashboard::close, "rondo-ui-shutdown"));
        out().println("Rondo dashboard on " + dashboard.uri() + (options.token() != null ? " (open it once as " + dashboard.uri() + "?token=…)" : "")
                + "; Ctrl-C stops it.");
        out().flush();
        try {
            dashboard.join();
        } finally {
            dashboard.close(); // interrupted (embedded in a test, say): stop serving before the pool closes
        }
        return 0;
    }
}
