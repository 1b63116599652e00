package dev.rondo.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rondo.embedded.LocalDatabase;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rondo db status|stop}: the embedded PostgreSQL under ~/.rondo. */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = {"The embedded PostgreSQL under ~/.rondo ($RONDO_HOME), used when no database is configured.",
                "It starts on first use and keeps running for later commands and workers until stopped."},
        subcommands = {DbCommand.Status.class, DbCommand.Stop.class})
final class DbCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.INVALID;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show whether the embedded PostgreSQL runs, its URL, data folder and process id (exit 0 either way).")
    static final class Status implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print {running, url, dataDir, pid, port, log}.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            LocalDatabase.Status s = LocalDatabase.fromEnvironment().status();
            if (json) {
                ObjectNode node = JsonText.object().put("running", s.running()).put("url", s.url())
                        .put("dataDir", s.dataDir().toString()).put("log", s.logFile().toString());
                if (s.pid().isPresent()) {
                    node.put("pid", s.pid().getAsLong()).put("port", s.port());
                } else {
                    node.putNull("pid").putNull("port");
                }
                JsonText.print(out, node);
                return 0;
            }
            new Table("status", s.running() ? "running" : "stopped (any command that needs it starts it)")
                    .row("url", s.url()).row("data", s.dataDir())
                    .row("pid", s.pid().isPresent() ? s.pid().getAsLong() : null).row("log", s.logFile()).print(out);
            String configured = System.getenv(Database.VARIABLE);
            if (configured != null && !configured.isBlank()) {
                out.println("note: " + Database.VARIABLE + " is set, so commands use that database, not this one.");
            }
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the embedded PostgreSQL (its data stays; the next command that needs it starts it again).")
    static final class Stop implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            LocalDatabase local = LocalDatabase.fromEnvironment();
            boolean stopped = local.stop();
            spec.commandLine().getOut().println(stopped ? "stopped the embedded PostgreSQL under " + local.home()
                    : "the embedded PostgreSQL under " + local.home() + " was not running");
            return 0;
        }
    }
}
