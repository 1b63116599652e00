package dev.rondo.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rondo} command. */
@Command(name = "rondo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Durable workflows written in the Flow language.",
        subcommands = {CheckCommand.class, RunCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** Exit code for an invalid program or a usage error. */
    static final int INVALID = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("rondo: " + e.getMessage());
            e.getCommandLine().getErr().println("Run 'rondo " + (e.getCommandLine().getCommandName().equals("rondo") ? "" : e.getCommandLine().getCommandName() + " ") + "--help' for usage.");
            return INVALID;
        });
        return commandLine.execute(args);
    }
}
