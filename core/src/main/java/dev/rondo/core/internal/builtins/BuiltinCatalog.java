package dev.rondo.core.internal.builtins;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The names the language provides (LANGUAGE.md §6–§7): global values, namespaces and the functions that can
 * be called, each with how many arguments it takes. The compiler checks names and argument counts
 * against this table; the interpreter binds the same names.
 */
public final class BuiltinCatalog {

    /** How many arguments a built-in takes; {@code max} is {@link #VARIADIC} when there is no limit. */
    public record Arity(int min, int max) {
        public static final int VARIADIC = Integer.MAX_VALUE;

        public boolean accepts(int count) {
            return count >= min && count <= max;
        }

        /** "1 argument", "1 or 2 arguments", "2 to 3 arguments", "at least 1 argument". */
        public String describe() {
            if (max == VARIADIC) {
                return "at least " + plural(min);
            }
            if (min == max) {
                return plural(min);
            }
            return max == min + 1 ? min + " or " + plural(max) : min + " to " + plural(max);
        }

        private static String plural(int n) {
            return n + (n == 1 ? " argument" : " arguments");
        }
    }

    /** Global names that are plain values (read, not called). */
    public static final Set<String> VALUES = Set.of("Inputs", "Context");

    /** Global names whose members are functions or constants. */
    public static final Set<String> NAMESPACES = Set.of(
            "Math", "JSON", "Object", "Array", "Date", "Task", "Workflow", "Timer", "Signal", "Promise", "console");

    /** Constants inside namespaces. */
    public static final Set<String> CONSTANTS = Set.of("Math.PI", "Math.E");

    private static final Map<String, Arity> FUNCTIONS = Map.ofEntries(
            // global functions
            Map.entry("print", new Arity(0, Arity.VARIADIC)),
            Map.entry("String", new Arity(1, 1)),
            Map.entry("Number", new Arity(1, 1)),
            Map.entry("Boolean", new Arity(1, 1)),
            Map.entry("parseInt", new Arity(1, 2)),
            Map.entry("parseFloat", new Arity(1, 1)),
            Map.entry("Error", new Arity(0, 1)),
            Map.entry("TypeError", new Arity(0, 1)),
            Map.entry("console.log", new Arity(0, Arity.VARIADIC)),
            // Math
            Map.entry("Math.floor", new Arity(1, 1)),
            Map.entry("Math.ceil", new Arity(1, 1)),
            Map.entry("Math.round", new Arity(1, 1)),
            Map.entry("Math.trunc", new Arity(1, 1)),
            Map.entry("Math.abs", new Arity(1, 1)),
            Map.entry("Math.sign", new Arity(1, 1)),
            Map.entry("Math.min", new Arity(1, Arity.VARIADIC)),
            Map.entry("Math.max", new Arity(1, Arity.VARIADIC)),
            Map.entry("Math.pow", new Arity(2, 2)),
            Map.entry("Math.sqrt", new Arity(1, 1)),
            Map.entry("Math.log", new Arity(1, 1)),
            Map.entry("Math.exp", new Arity(1, 1)),
            Map.entry("Math.random", new Arity(0, 0)),
            // JSON, Object, Array, Date
            Map.entry("JSON.stringify", new Arity(1, 3)),
            Map.entry("JSON.parse", new Arity(1, 1)),
            Map.entry("Object.keys", new Arity(1, 1)),
            Map.entry("Object.values", new Arity(1, 1)),
            Map.entry("Object.entries", new Arity(1, 1)),
            Map.entry("Object.fromEntries", new Arity(1, 1)),
            Map.entry("Array.isArray", new Arity(1, 1)),
            Map.entry("Date.now", new Arity(0, 0)),
            Map.entry("Date.iso", new Arity(0, 0)),
            // a method of the Context value (which is read, not a namespace)
            Map.entry("Context.setAttributes", new Arity(1, 1)),
            // durable operations (§6)
            Map.entry("Task.run", new Arity(1, 3)),
            Map.entry("Workflow.run", new Arity(1, 3)),
            Map.entry("Timer.delay", new Arity(1, 1)),
            Map.entry("Timer.until", new Arity(1, 1)),
            Map.entry("Signal.next", new Arity(1, 2)),
            Map.entry("Promise.all", new Arity(1, 1)),
            Map.entry("Promise.allSettled", new Arity(1, 1)),
            Map.entry("Promise.any", new Arity(1, 1)),
            Map.entry("Promise.race", new Arity(1, 1)),
            Map.entry("Promise.any_kv", new Arity(1, 1)),
            Map.entry("Promise.race_kv", new Arity(1, 1)));

    private BuiltinCatalog() {}

    /** Whether {@code name} is a global the program may read without declaring it. */
    public static boolean isGlobal(String name) {
        return VALUES.contains(name) || NAMESPACES.contains(name) || FUNCTIONS.containsKey(name);
    }

    /** The arity of a callable built-in by qualified name ({@code "print"}, {@code "Math.max"}), if it is one. */
    public static Optional<Arity> function(String qualifiedName) {
        return Optional.ofNullable(FUNCTIONS.get(qualifiedName));
    }

    /** Whether {@code qualifiedName} names a member of a namespace, callable or constant. */
    public static boolean isNamespaceMember(String qualifiedName) {
        return FUNCTIONS.containsKey(qualifiedName) || CONSTANTS.contains(qualifiedName);
    }
}
