package dev.rondo.dashboard;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How the dashboard serves and what it shows. Immutable; start from {@link #DEFAULTS} and change with the
 * {@code with…} methods.
 *
 * <pre>{@code
 * DashboardOptions options = DashboardOptions.DEFAULTS.withPort(9000).withReadOnly(true).withHiddenData(true);
 * }</pre>
 *
 * @param bind       the address to listen on; {@code 127.0.0.1} by default. Any address that is not a loopback
 *                   address requires a {@code token}
 * @param port       the port; {@code 0} picks a free one
 * @param token      when set, every request must carry it (header {@code Authorization: Bearer TOKEN}, or the
 *                   cookie set by opening {@code /?token=TOKEN} once); at least 16 characters
 * @param readOnly   no actions: no signal, no cancel (the forms are not shown, the POSTs are refused)
 * @param hiddenData inputs, results, variables, signal payloads and log lines are not shown (they may hold
 *                   personal data); statuses, errors, sources and timings still are
 */
public record DashboardOptions(String bind, int port, String token, boolean readOnly, boolean hiddenData) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8233;
    /** The environment variable {@code rondo ui} reads the token from. */
    public static final String TOKEN_ENVIRONMENT = "RONDO_UI_TOKEN";
    static final int MIN_TOKEN_LENGTH = 16;

    public static final DashboardOptions DEFAULTS = new DashboardOptions(DEFAULT_BIND, DEFAULT_PORT, null, false, false);

    /** @throws IllegalArgumentException for a port out of range, a short token, or an open bind without a token */
    public DashboardOptions {
        if (bind == null || bind.isBlank()) {
            throw new IllegalArgumentException("The dashboard needs an address to bind to, such as 127.0.0.1.");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("The dashboard's port must be between 0 and 65535, not " + port + ".");
        }
        if (token != null && token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("The dashboard's token must have at least " + MIN_TOKEN_LENGTH
                    + " characters; make one with `openssl rand -hex 24`.");
        }
        if (token == null && !loopback(bind)) {
            throw new IllegalArgumentException("The dashboard binds to " + bind + ", which other machines can reach: give it a token"
                    + " (--token or " + TOKEN_ENVIRONMENT + "), or bind to 127.0.0.1.");
        }
    }

    public DashboardOptions withBind(String bind) {
        return new DashboardOptions(bind, port, token, readOnly, hiddenData);
    }

    public DashboardOptions withPort(int port) {
        return new DashboardOptions(bind, port, token, readOnly, hiddenData);
    }

    /** {@code null} for none (then only a loopback bind is allowed). */
    public DashboardOptions withToken(String token) {
        return new DashboardOptions(bind, port, token == null || token.isEmpty() ? null : token, readOnly, hiddenData);
    }

    /** The token and the address together, for moving both at once past the rule that ties them. */
    public DashboardOptions withBindAndToken(String bind, String token) {
        return new DashboardOptions(bind, port, token == null || token.isEmpty() ? null : token, readOnly, hiddenData);
    }

    public DashboardOptions withReadOnly(boolean readOnly) {
        return new DashboardOptions(bind, port, token, readOnly, hiddenData);
    }

    public DashboardOptions withHiddenData(boolean hiddenData) {
        return new DashboardOptions(bind, port, token, readOnly, hiddenData);
    }

    /** Whether {@code bind} names only this machine (127.0.0.0/8, ::1, localhost). */
    static boolean loopback(String bind) {
        try {
            for (InetAddress address : InetAddress.getAllByName(bind)) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "DashboardOptions[bind=" + bind + ", port=" + port + ", token=" + (token == null ? "none" : "set")
                + ", readOnly=" + readOnly + ", hiddenData=" + hiddenData + "]";
    }
}
