package dev.rondo.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepts the two spellings of a database address users have at hand: a JDBC URL
 * ({@code jdbc:postgresql://host:5432/db?user=u}) as it is, and a libpq URL
 * ({@code postgres://u:secret@host:5432/db?sslmode=require}, also {@code postgresql://}) turned into one,
 * as {@link RondoClient#connect} and the command line do; and writes a URL for a message with its password hidden.
 *
 * <pre>{@code
 * dataSource.setURL(DatabaseUrls.toJdbc(System.getenv("RONDO_DATABASE_URL")));
 * }</pre>
 */
public final class DatabaseUrls {

    private DatabaseUrls() {}

    /**
     * The JDBC URL for {@code url}.
     *
     * @throws IllegalArgumentException when it is empty or neither spelling; the message says which are accepted
     */
    public static String toJdbc(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("The database URL is empty; give a jdbc:postgresql:// or postgres:// URL.");
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return url;
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new IllegalArgumentException("'" + redact(url) + "' is not a PostgreSQL URL; give a jdbc:postgresql:// "
                    + "or postgres:// URL.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + redact(url) + "' is not a valid URL: " + e.getReason() + ".");
        }
        if (uri.getHost() == null) {
            String authority = uri.getRawAuthority();
            if (authority != null && authority.indexOf('@') != authority.lastIndexOf('@')) {
                throw new IllegalArgumentException("'" + redact(url) + "' has more than one '@' before its host: a user"
                        + " name or password that holds '@' must write it as %40 (and ':' as %3A, '/' as %2F).");
            }
            throw new IllegalArgumentException("'" + redact(url) + "' names no host.");
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        jdbc.append(path == null || path.isEmpty() ? "/" : path);
        List<String> parameters = new ArrayList<>();
        if (uri.getRawUserInfo() != null) {
            String[] user = uri.getRawUserInfo().split(":", 2);
            parameters.add("user=" + user[0]);
            if (user.length > 1) {
                parameters.add("password=" + user[1]);
            }
        }
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            parameters.add(uri.getRawQuery());
        }
        if (!parameters.isEmpty()) {
            jdbc.append('?').append(String.join("&", parameters));
        }
        return jdbc.toString();
    }

    /**
     * The URL with any password replaced, for messages and logs: a {@code password=} parameter's value, and
     * in {@code scheme://user:password@host…} everything between the user name's {@code :} and the
     * <em>last</em> {@code @} (a password typed with a raw {@code @}, {@code /} or {@code ?} in it is still
     * hidden whole). When in doubt it hides more than the password, never less.
     */
    public static String redact(String url) {
        String redacted = url.replaceAll("(?i)(password=)[^&]*", "$1***");
        int scheme = redacted.indexOf("://");
        int at = redacted.lastIndexOf('@');
        if (scheme < 0 || at < scheme + 3) {
            return redacted;
        }
        int start = scheme + 3;
        int colon = redacted.indexOf(':', start);
        if (colon < 0 || colon > at) {
            return redacted; // a user name without a password
        }
        return redacted.substring(0, colon + 1) + "***" + redacted.substring(at);
    }
}
