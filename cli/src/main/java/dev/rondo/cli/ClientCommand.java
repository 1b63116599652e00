package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on the chosen database through a {@link RondoClient}, closed when it is done. */
abstract class ClientCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Database database;

    /** Checks the arguments before connecting, so a usage error never waits for a database. */
    void check() {}

    /** The command's work; returns the exit code. */
    abstract int run(RondoClient client) throws Exception;

    @Override
    public final Integer call() throws Exception {
        check();
        try (RondoClient client = database.connect(err())) {
            return run(client);
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
