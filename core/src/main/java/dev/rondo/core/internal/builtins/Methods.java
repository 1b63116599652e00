package dev.rondo.core.internal.builtins;

import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Numbers;
import dev.rondo.core.value.Values;

/**
 * The methods and properties of values (LANGUAGE.md §4, §7), as the interpreter calls them on {@code a.m(x)}
 * and {@code a.k}.
 *
 * <p>Mutating array methods ({@link #isMutating}) change the variable or property they are called on, so the
 * interpreter takes that place's array with {@link FlowArray#writable()}, calls {@link #callMutating}, and stores
 * the array back. {@link #call} runs every other method; given a mutating one (for a receiver that is not a
 * place, like {@code [3, 1].sort()}) it works on a copy.
 *
 * <p>Sharing: values a method puts into a new array ({@code slice}, {@code concat}, …) or into the receiver
 * ({@code push}, {@code unshift}) are marked shared. Values a method hands back from inside the receiver
 * ({@code at}, {@link #property}) are not: whoever stores a result marks it, as for any read.
 */
public final class Methods {

    private Methods() {}

    /** Whether {@code name} is an array method that changes its array: push pop shift unshift reverse sort. */
    public static boolean isMutating(String name) {
        return switch (name) {
            case "push", "pop", "shift", "unshift", "reverse", "sort" -> true;
            default -> false;
        };
    }

    /** {@code receiver.name(args)} for every method but the mutating ones of arrays (which get a copy here). */
    public static Object call(Object receiver, String name, Object[] args) {
        return switch (receiver) {
            case String s -> StringMethods.call(s, name, args);
            case FlowArray a -> isMutating(name) ? ArrayMethods.callMutating(a.copy(), name, args)
                    : ArrayMethods.call(a, name, args);
            case null -> throw cannotRead(name, null);
            default -> throw notAMethod(name, receiver);
        };
    }

    /**
     * A mutating method ({@link #isMutating}) on an unshared array, which it changes in place. {@code sort}
     * and {@code reverse} return that same array, marked shared since the place and the result now both hold it.
     */
    public static Object callMutating(FlowArray writableArray, String name, Object[] args) {
        return ArrayMethods.callMutating(writableArray, name, args);
    }

    /**
     * {@code receiver.name}: a key of an object ({@code null} when missing), or {@code length} of an array or a
     * string. Any other property of an array, string, number, boolean or promise is a {@code TypeError}, and so is
     * any property of {@code null}.
     */
    public static Object property(Object receiver, String name) {
        return switch (receiver) {
            case FlowObject o -> o.get(name);
            case FlowArray a when name.equals("length") -> Numbers.box(a.size());
            case String s when name.equals("length") -> Numbers.box(s.length());
            case null -> throw cannotRead(name, null);
            default -> throw cannotRead(name, receiver);
        };
    }

    /** "Cannot read property 'k' of null", worded as LANGUAGE.md §4 gives it, and likewise for the other types. */
    public static FlowThrow cannotRead(String name, Object receiver) {
        return FlowThrow.typeError("Cannot read property '" + name + "' of " + Values.typeOf(receiver));
    }

    /** "'push' is not a method of number." */
    static FlowThrow notAMethod(String name, Object receiver) {
        return FlowThrow.typeError("'" + name + "' is not a method of " + Values.typeOf(receiver) + ".");
    }
}
