package dev.rondo.core;

/**
 * How deep child workflows may nest, the same in the engine and in the in-process driver: a workflow
 * that starts itself as a child (directly or through others) stops at this depth instead of growing
 * without bound. A workflow started by a client is at depth 0, its children at 1, and so on.
 */
public final class ChildDepth {

    /** The default deepest level a child may be started at. */
    public static final int DEFAULT_LIMIT = 100;

    private ChildDepth() {}

    /** The {@code LimitError} message of a child that would start at {@code depth}, over {@code limit}. */
    public static String tooDeep(String workflow, int depth, int limit, String howToRaise) {
        return "Workflow.run(\"" + workflow + "\") would nest child workflows " + depth + " deep, over the limit of "
                + limit + " (does a workflow start itself?); the child was not started. " + howToRaise;
    }

    /** Checks a configured limit. */
    public static int requireValid(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the child nesting limit must be at least 1, not " + limit);
        }
        return limit;
    }
}
