package dev.rondo.client.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepts the two spellings of a database address users have at hand: a JDBC URL
 * ({@code jdbc:postgresql://host:5432/db?user=u}) as it is, and a libpq URL
 * ({@code postgres://u:secret@host:5432/db?sslmode=require}, also {@code postgresql://}) turned into one.
 */
public final class DatabaseUrls {

    private DatabaseUrls() {}

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

    /** The URL with any password replaced, for messages and logs. */
    public static String redact(String url) {
        return url.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
