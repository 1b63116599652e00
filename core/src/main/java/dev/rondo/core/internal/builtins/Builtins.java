package dev.rondo.core.internal.builtins;

import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Values;

/** Placeholder until the built-ins work lands. */
public final class Builtins {
    private Builtins() {}

    public static BuiltinFunction lookup(String qualifiedName) {
        return switch (qualifiedName) {
            case "String" -> args -> Values.toDisplayString(args[0]);
            case "Math.floor" -> args -> Math.floor((Double) args[0]);
            default -> args -> { throw FlowThrow.typeError(qualifiedName + " is not available yet"); };
        };
    }

    public static Object constant(String qualifiedName) {
        return switch (qualifiedName) {
            case "Math.PI" -> Math.PI;
            case "Math.E" -> Math.E;
            default -> null;
        };
    }
}
