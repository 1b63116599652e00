package dev.rondo.client.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who an operator action is recorded as (docs/operations.md). The default, {@code <OS user>@<host>}, is
 * worked out on first use only: looking up the host name costs a command that records nothing.
 */
public final class Operator {

    /** The longest name accepted, so that a history row stays a line. */
    public static final int MAX_LENGTH = 200;

    private Operator() {}

    /** {@code <OS user>@<host>}, made once. */
    public static String defaultName() {
        return Default.NAME;
    }

    /** {@code name} itself when it can name an operator; otherwise an IllegalArgumentException that says why. */
    public static String check(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("An operator name must not be empty.");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("An operator name must be at most " + MAX_LENGTH + " characters; this one has "
                    + name.length() + ".");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("An operator name must not hold control characters.");
        }
        return name;
    }

    private static final class Default {
        static final String NAME = System.getProperty("user.name", "unknown") + "@" + host();

        private static String host() {
            String fromEnvironment = System.getenv("HOSTNAME");
            if (fromEnvironment != null && !fromEnvironment.isBlank()) {
                return fromEnvironment;
            }
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "unknown-host";
            }
        }
    }
}
