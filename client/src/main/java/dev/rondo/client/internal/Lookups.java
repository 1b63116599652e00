package dev.rondo.client.internal;

import dev.rondo.core.Identifiers;

/** Checks a name or id the client only looks up (a handle, a list or prune filter) before it reaches SQL. Not API. */
public final class Lookups {

    private Lookups() {}

    /**
     * Nothing for {@code null} (no filter) or an acceptable value; an {@link IllegalArgumentException} saying
     * what is wrong otherwise ({@link Identifiers#lookupProblem}).
     */
    public static void check(Identifiers.Kind kind, String value) {
        if (value == null) {
            return;
        }
        String problem = Identifiers.lookupProblem(kind, value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }
}
