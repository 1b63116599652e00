package dev.rondo.cli;

import dev.rondo.client.DatabaseUrls;
import dev.rondo.client.RondoClient;
import dev.rondo.core.RondoException;
import dev.rondo.embedded.LocalDatabase;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;
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

    /**
     * A client for a one-shot command: no pool (its start and its classes cost more than the two or three
     * connections such a command opens), connections straight from the driver.
     */
    RondoClient connect(PrintWriter err) {
        chosen = resolve(err);
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setURL(DatabaseUrls.toJdbc(chosen));
        try (Connection probe = direct.getConnection()) {
            // reachable: say so here, in the same words as a pool's failure, rather than from inside the migration
        } catch (SQLException e) {
            throw new RondoException("Cannot connect to " + DatabaseUrls.redact(chosen) + ": " + rootMessage(e) + "\n" + hint(), e);
        }
        return RondoClient.create(direct);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
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
                    + "or unset " + VARIABLE + " to use the embedded PostgreSQL under " + LocalDatabase.fromEnvironment().home() + ".";
        }
        return "hint: 'rondo db status' shows the embedded PostgreSQL; 'rondo db stop' then any command restarts it.";
    }
}
