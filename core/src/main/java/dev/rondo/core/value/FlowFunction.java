package dev.rondo.core.value;

/**
 * A function value (LANGUAGE.md §8): which function of the program ({@code index}, stable for a program's
 * AST, so it survives a checkpoint) and the values an arrow copied from around it when it was created
 * ({@code captures}, never changed afterwards). A function lives only inside its execution: it cannot be
 * serialized into a task input, a result, a signal or {@code JSON.stringify} ({@code TypeError}), but a
 * checkpoint keeps it as {@code {"$function": [index, ...captures]}}.
 */
public final class FlowFunction {

    private final int index;
    private final String name;
    private final Object[] captures;

    public FlowFunction(int index, String name, Object[] captures) {
        this.index = index;
        this.name = name;
        this.captures = captures;
    }

    public int index() {
        return index;
    }

    /** The declared name, or {@code null} for an arrow. */
    public String name() {
        return name;
    }

    /** The captured values, in the order the function's code expects them. Not to be changed. */
    public Object[] captures() {
        return captures;
    }

    @Override
    public String toString() {
        return "[function]"; // the same before and after a checkpoint, which keeps no names
    }
}
