package dev.rondo.client;

import java.util.Locale;

/**
 * What a schedule does at a fire time while the run it started last is still going
 * (docs/scheduling.md).
 */
public enum Overlap {
    /** Records the fire time as skipped and starts nothing (the default). */
    SKIP("skip"),
    /** Keeps the fire time (the newest one only) and starts it as soon as the running one ends. */
    BUFFER_ONE("buffer"),
    /** Starts it anyway: runs overlap. */
    ALLOW_ALL("allow"),
    /** Requests the cancellation of the running one and starts the new one at once. */
    CANCEL_PREVIOUS("cancel");

    private final String sql;

    Overlap(String sql) {
        this.sql = sql;
    }

    /** The short name: {@code skip}, {@code buffer}, {@code allow} or {@code cancel}, as stored and as the command line takes it. */
    public String shortName() {
        return sql;
    }

    /**
     * The policy named {@code name}: its short name or its constant's name, in any case, with {@code -} or
     * {@code _} ({@code skip}, {@code buffer-one}, {@code allow_all}, {@code CANCEL_PREVIOUS}, ...).
     *
     * @throws IllegalArgumentException naming the choices
     */
    public static Overlap parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Overlap o : values()) {
            if (o.sql.equals(n) || o.name().toLowerCase(Locale.ROOT).equals(n)) {
                return o;
            }
        }
        throw new IllegalArgumentException("Unknown overlap policy '" + name + "'; use skip, buffer (one), allow (all)"
                + " or cancel (the previous).");
    }
}
