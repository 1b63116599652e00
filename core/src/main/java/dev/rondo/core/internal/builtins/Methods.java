package dev.rondo.core.internal.builtins;

import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Values;

/** Placeholder until the built-ins work lands. */
public final class Methods {
    private Methods() {}

    public static boolean isMutating(String name) {
        return switch (name) {
            case "push", "pop", "shift", "unshift", "reverse", "sort" -> true;
            default -> false;
        };
    }

    public static Object property(Object receiver, String name) {
        if (receiver == null) throw FlowThrow.typeError("Cannot read property '" + name + "' of null");
        if (receiver instanceof FlowObject o) return o.get(name);
        if (name.equals("length")) {
            if (receiver instanceof FlowArray a) return (double) a.size();
            if (receiver instanceof String s) return (double) s.length();
        }
        throw FlowThrow.typeError("Cannot read property '" + name + "' of " + Values.typeOf(receiver) + ".");
    }

    public static Object call(Object receiver, String name, Object[] args) {
        if (receiver instanceof String s && name.equals("toUpperCase")) return s.toUpperCase();
        throw FlowThrow.typeError("'" + name + "' is not a method of " + Values.typeOf(receiver) + ".");
    }

    public static Object callMutating(FlowArray array, String name, Object[] args) {
        if (name.equals("push")) { for (Object a : args) array.add(a); return (double) array.size(); }
        if (name.equals("pop")) return array.size() == 0 ? null : array.remove(array.size() - 1);
        throw FlowThrow.typeError("'" + name + "' is not available yet.");
    }
}
