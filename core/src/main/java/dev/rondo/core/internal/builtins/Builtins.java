package dev.rondo.core.internal.builtins;

import dev.rondo.core.value.Budget;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import java.util.HashMap;
import java.util.Map;

/**
 * The pure built-in functions and constants (LANGUAGE.md §7), by qualified name. Functions with effects or
 * that read the clock or randomness ({@code print}, {@code console.log}, {@code Date.*}, {@code Math.random})
 * and the durable operations of §6 are not here: the interpreter provides them.
 *
 * <pre>{@code
 * BuiltinFunction floor = Builtins.lookup("Math.floor");
 * Object three = floor.call(new Object[] {3.7});   // 3.0
 * }</pre>
 */
public final class Builtins {

    private static final Map<String, BuiltinFunction> FUNCTIONS = new HashMap<>();

    static {
        register("String", ConversionFunctions::string);
        register("Number", ConversionFunctions::number);
        register("Boolean", ConversionFunctions::bool);
        register("parseInt", ConversionFunctions::parseInt);
        register("parseFloat", ConversionFunctions::parseFloat);
        register("Error", args -> ConversionFunctions.error("Error", args));
        register("TypeError", args -> ConversionFunctions.error("TypeError", args));
        register("Math.floor", MathFunctions::floor);
        register("Math.ceil", MathFunctions::ceil);
        register("Math.round", MathFunctions::round);
        register("Math.trunc", MathFunctions::trunc);
        register("Math.abs", MathFunctions::abs);
        register("Math.sign", MathFunctions::sign);
        register("Math.min", MathFunctions::min);
        register("Math.max", MathFunctions::max);
        register("Math.pow", MathFunctions::pow);
        register("Math.sqrt", MathFunctions::sqrt);
        register("Math.log", MathFunctions::log);
        register("Math.exp", MathFunctions::exp);
        register("JSON.stringify", ObjectFunctions::stringify);
        register("JSON.parse", ObjectFunctions::parse);
        register("Object.keys", ObjectFunctions::keys);
        register("Object.values", ObjectFunctions::values);
        register("Object.entries", ObjectFunctions::entries);
        register("Object.fromEntries", ObjectFunctions::fromEntries);
        register("Array.isArray", ObjectFunctions::isArray);
    }

    private Builtins() {}

    /** The function named {@code qualifiedName} ({@code "parseInt"}, {@code "Math.max"}), or {@code null} when it is not a pure built-in. */
    public static BuiltinFunction lookup(String qualifiedName) {
        return FUNCTIONS.get(qualifiedName);
    }

    /** The value of a constant ({@code "Math.PI"}, {@code "Math.E"}), or {@code null} when there is none by that name. */
    public static Object constant(String qualifiedName) {
        return switch (qualifiedName) {
            case "Math.PI" -> Math.PI;
            case "Math.E" -> Math.E;
            default -> null;
        };
    }

    /** Charges the budget for the container or string a function built (its elements or characters). */
    private static Object charged(Object result) {
        switch (result) {
            case FlowArray array -> Budget.charge(array.size());
            case FlowObject object -> Budget.charge(object.size());
            case String text -> Budget.chargeCharacters(text.length());
            case null, default -> { }
        }
        return result;
    }

    /** Adds {@code body} under {@code name}, behind a check of the argument count against the catalog. */
    private static void register(String name, BuiltinFunction body) {
        BuiltinCatalog.Arity arity = BuiltinCatalog.function(name)
                .orElseThrow(() -> new IllegalStateException(name + " is missing from the catalog"));
        FUNCTIONS.put(name, args -> {
            if (!arity.accepts(args.length)) {
                throw Args.wrongCount(name, arity, args.length);
            }
            for (Object arg : args) {
                if (arg instanceof String text) {
                    Budget.chargeScan(text.length()); // read through: parseInt, Number, JSON.parse, …
                }
            }
            return charged(body.call(args));
        });
    }
}
