package dev.rondo.core.internal.builtins;

/** A pure built-in function; arguments are already evaluated. */
@FunctionalInterface
public interface BuiltinFunction {
    Object call(Object[] args);
}
