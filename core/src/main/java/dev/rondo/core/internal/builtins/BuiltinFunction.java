package dev.rondo.core.internal.builtins;

/**
 * A built-in function of the language ({@code Math.floor}, {@code JSON.parse}, …). The arguments are already
 * evaluated Flow values. The compiler checks the argument count, but the function checks it again and raises
 * {@code TypeError} rather than trusting its caller.
 */
@FunctionalInterface
public interface BuiltinFunction {

    /** Calls the function; errors for the Flow program are raised as {@link dev.rondo.core.value.FlowThrow}. */
    Object call(Object[] args);
}
