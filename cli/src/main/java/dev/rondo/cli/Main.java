package dev.rondo.cli;

import dev.rondo.core.RondoException;
import dev.rondo.core.CompileException;
import dev.rondo.core.Suggestions;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rondo} command. Exit codes: 0 success; 1 the workflow failed or was cancelled, or Rondo
 * refused the request (unknown id or name, an ended execution, an unreachable database); 2 usage error,
 * bad JSON or an invalid {@code .flow} program; 3 still running ({@code result --wait}); 70 internal error.
 */
@Command(name = "rondo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Durable workflows written in the Flow language.",
        footer = {"", "Database: --database-url, else $RONDO_DATABASE_URL, else the embedded PostgreSQL under ~/.rondo ($RONDO_HOME).",
                "Exit codes: 0 ok, 1 failed/cancelled/refused, 2 usage or invalid program, 3 still running, 70 internal error."},
        subcommands = {CheckCommand.class, RunCommand.class, DeployCommand.class, StartCommand.class,
                SignalCommand.class, StatusCommand.class, ResultCommand.class, CancelCommand.class, ListCommand.class,
                PauseCommand.class, ResumeCommand.class, TerminateCommand.class, QueueCommand.class, BulkCommand.class,
                StepsCommand.class, RetryCommand.class, RewindCommand.class, ForkCommand.class,
                LogsCommand.class, DescribeCommand.class, PruneCommand.class, ScheduleCommand.class, LimitCommand.class, WorkerCommand.class, UiCommand.class, MigrateCommand.class, DbCommand.class,
                UpgradeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    /** Exit code when the workflow failed or was cancelled, or Rondo refused the request. */
    static final int FAILED = 1;
    /** Exit code for an invalid program or a usage error. */
    static final int INVALID = 2;
    /** Exit code of {@code result} when the execution has not ended. */
    static final int STILL_RUNNING = 3;
    /** Exit code when Rondo itself failed. */
    static final int INTERNAL_ERROR = 70;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(execute(out, err, args));
    }

    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExpandAtFiles(false); // @FILE is ours: JSON read from a file (picocli would split it into arguments)
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, a) -> {
            PrintWriter shown = e.getCommandLine().getErr();
            shown.println("rondo: " + e.getMessage());
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
                // picocli's suggestions are loose ("start or status or list" for "stauts"): the closest one only
                String meant = Suggestions.closest(unmatched.getUnmatched().getFirst(), unmatched.getSuggestions());
                if (meant != null) {
                    shown.println("Did you mean: " + meant + "?");
                }
            }
            shown.println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return INVALID;
        });
        if (args.length == 0) {
            // a bare 'rondo' asks what there is: the usage, rather than "Missing required subcommand"
            commandLine.usage(err);
            err.flush();
            return INVALID;
        }
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> handle(e, cl.getErr()));
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** What the user sees for an exception: the message for the ones that say what to do; a bug otherwise. */
    private static int handle(Exception e, PrintWriter err) {
        switch (e) {
            case UsageException usage -> {
                err.println("rondo: " + usage.getMessage());
                return INVALID;
            }
            case CompileException invalid -> {
                invalid.diagnostics().forEach(err::println);
                return INVALID;
            }
            case RondoException refused -> {
                err.println("rondo: " + refused.getMessage());
                return FAILED;
            }
            case IllegalArgumentException bad -> {
                // The client and the engine refuse bad arguments (a URL, a limit, a path) this way.
                err.println("rondo: " + bad.getMessage());
                if (System.getenv("RONDO_DEBUG") != null) {
                    bad.printStackTrace(err);
                }
                return INVALID;
            }
            case UncheckedIOException io -> {
                err.println("rondo: " + io.getMessage());
                return FAILED;
            }
            default -> {
                // A bug in Rondo, not in the user's program: say so plainly; the trace only on request.
                err.println("rondo: internal error: " + e + " (set RONDO_DEBUG=1 for the stack trace, and please report it)");
                if (System.getenv("RONDO_DEBUG") != null) {
                    e.printStackTrace(err);
                }
                return INTERNAL_ERROR;
            }
        }
    }
}
