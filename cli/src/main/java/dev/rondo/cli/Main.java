package dev.rondo.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rondo} command. */
@Command(name = "rondo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Durable workflows written in the Flow language.",
        subcommands = {CheckCommand.class, RunCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** Exit code for an invalid program or a usage error. */
    static final int INVALID = 2;
    /** Exit code when Rondo itself failed. */
    static final int INTERNAL_ERROR = 70;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(execute(out, err, args));
    }

    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("rondo: " + e.getMessage());
            e.getCommandLine().getErr().println("Run 'rondo " + (e.getCommandLine().getCommandName().equals("rondo") ? "" : e.getCommandLine().getCommandName() + " ") + "--help' for usage.");
            return INVALID;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            // A bug in Rondo, not in the user's program: say so plainly; the trace only on request.
            cl.getErr().println("rondo: internal error: " + e + " (set RONDO_DEBUG=1 for the stack trace, and please report it)");
            if (System.getenv("RONDO_DEBUG") != null) {
                e.printStackTrace(cl.getErr());
            }
            return INTERNAL_ERROR;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
