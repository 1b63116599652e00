package dev.rondo.core.internal.interp;

/**
 * How a statement ended, as a plain int so the hot path allocates nothing. The label of a
 * {@code break}/{@code continue} and the value of a {@code return} travel in the {@link Frame}.
 */
final class Completion {
    static final int NORMAL = 0;
    static final int BREAK = 1;
    static final int CONTINUE = 2;
    static final int RETURN = 3;
    /** The program must wait: every statement on the way out records where it was (see {@link Frame#suspendPath()}). */
    static final int SUSPEND = 4;

    private Completion() {}
}
