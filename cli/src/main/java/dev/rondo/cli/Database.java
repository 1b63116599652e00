package dev.rondo.cli;

import dev.rondo.client.RondoClient;
import dev.rondo.client.RondoException;
import dev.rondo.embedded.LocalDatabase;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * The {@code --database-url} option every command that uses a database mixes in, and the choice it
 * makes: the option, else {@code $RONDO_DATABASE_URL}, else the embedded PostgreSQL under
 * {@code ~/.rondo} (started on first use).
 */
final class Database {

    static final String VARIABLE = LocalDatabase.URL_VARIABLE;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "PostgreSQL to use (jdbc:postgresql://… or postgres://user:pass@host/db). Default: $"
                    + VARIABLE + ", else the embedded PostgreSQL under ~/.rondo.")
    String url;

    /** The URL the last {@link #connect} used. */
    private String chosen;

    /** The URL chosen, starting the embedded server (saying so on {@code err}) when none is configured. */
    String resolve(PrintWriter err) {
        return LocalDatabase.resolveUrl(url, line -> {
            err.println(line);
            err.flush();
        });
    }

    RondoClient connect(PrintWriter err) {
        return connect(err, RondoClient.DEFAULT_POOL_SIZE);
    }

    /** A client on the chosen database; a connection failure says where the URL came from and what to do. */
    RondoClient connect(PrintWriter err, int poolSize) {
        chosen = resolve(err);
        try {
            return RondoClient.connect(chosen, poolSize);
        } catch (RondoException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Cannot connect to ")) {
                throw new RondoException(e.getMessage() + "\n" + hint(), e);
            }
            throw e;
        }
    }

    /** The URL the last {@link #connect} used. */
    String chosen() {
        return chosen;
    }

    private String hint() {
        if (url != null && !url.isBlank()) {
            return "hint: check the server and the URL given with --database-url (host, port, database, user, password).";
        }
        if (System.getenv(VARIABLE) != null && !System.getenv(VARIABLE).isBlank()) {
            return "hint: check the server and " + VARIABLE + " (host, port, database, user, password), "
                    + "or unset " + VARIABLE + " to use the embedded PostgreSQL under ~/.rondo.";
        }
        return "hint: 'rondo db status' shows the embedded PostgreSQL; 'rondo db stop' then any command restarts it.";
    }
}
