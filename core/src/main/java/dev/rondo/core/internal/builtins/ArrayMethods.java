package dev.rondo.core.internal.builtins;

import dev.rondo.core.value.Budget;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Numbers;
import dev.rondo.core.value.Strings;
import dev.rondo.core.value.Values;

import java.util.Collections;
import java.util.List;

/** The array methods of LANGUAGE.md §7 with JavaScript's argument rules (negative indices, clamping, defaults). */
final class ArrayMethods {

    private ArrayMethods() {}

    static Object call(FlowArray array, String name, Object[] args) {
        return switch (name) {
            case "slice" -> slice(array, args);
            case "concat" -> concat(array, args);
            case "includes" -> indexOf(array, "'includes'", args) >= 0;
            case "indexOf" -> Numbers.box(indexOf(array, "'indexOf'", args));
            case "lastIndexOf" -> Numbers.box(lastIndexOf(array, args));
            case "join" -> join(array, args);
            case "flat" -> flat(array, args);
            case "at" -> at(array, args);
            case "map", "filter", "find", "findIndex", "some", "every", "reduce", "forEach" ->
                    throw FlowThrow.typeError("Array method '" + name
                            + "' needs an arrow function, which is not supported yet.");
            default -> throw Methods.notAMethod(name, array);
        };
    }

    static Object callMutating(FlowArray array, String name, Object[] args) {
        return switch (name) {
            case "push" -> push(array, args);
            case "pop" -> pop(array, args);
            case "shift" -> shift(array, args);
            case "unshift" -> unshift(array, args);
            case "reverse" -> reverse(array, args);
            case "sort" -> sort(array, args);
            default -> throw new IllegalArgumentException("'" + name + "' is not a mutating array method");
        };
    }

    /** {@code push(...items)}: appends, and gives the new length. */
    private static Object push(FlowArray array, Object[] args) {
        Budget.charge(args.length);
        for (Object item : args) {
            array.add(Values.markShared(item));
        }
        return Numbers.box(array.size());
    }

    /** {@code pop()}: removes and gives the last element, or {@code null} when empty. */
    private static Object pop(FlowArray array, Object[] args) {
        Args.count("'pop'", args, 0, 0);
        return array.size() == 0 ? null : array.remove(array.size() - 1);
    }

    private static Object shift(FlowArray array, Object[] args) {
        Args.count("'shift'", args, 0, 0);
        return array.size() == 0 ? null : array.remove(0);
    }

    /** {@code unshift(...items)}: inserts at the front in the given order, and gives the new length. */
    private static Object unshift(FlowArray array, Object[] args) {
        Budget.charge(args.length);
        for (int i = args.length - 1; i >= 0; i--) {
            array.add(0, Values.markShared(args[i]));
        }
        return Numbers.box(array.size());
    }

    private static Object reverse(FlowArray array, Object[] args) {
        Args.count("'reverse'", args, 0, 0);
        Budget.charge(array.size());
        Collections.reverse(array.mutableItems());
        return array.markShared();
    }

    /**
     * {@code sort()}: numbers numerically, strings by UTF-16 code units, stable. An array that mixes the two
     * or holds anything else raises {@code TypeError}, and so does a comparator (it needs an arrow function).
     */
    private static Object sort(FlowArray array, Object[] args) {
        if (args.length > 0) {
            throw FlowThrow.typeError("Sorting with a comparator needs an arrow function, which is not supported yet.");
        }
        List<Object> items = array.mutableItems();
        if (!items.isEmpty()) {
            Object first = items.get(0);
            if (!(first instanceof Double) && !(first instanceof String)) {
                throw FlowThrow.typeError("sort() orders numbers or strings, not " + Values.typeOf(first) + ".");
            }
            for (Object item : items) {
                if (item == null || item.getClass() != first.getClass()) {
                    throw FlowThrow.typeError("sort() cannot order an array that mixes " + Values.typeOf(first)
                            + " and " + Values.typeOf(item) + ".");
                }
            }
            // n log n comparisons, charged before they run.
            Budget.charge((long) items.size() * (64 - Long.numberOfLeadingZeros(items.size())));
            items.sort(Values::compare);
        }
        return array.markShared();
    }

    private static Object slice(FlowArray array, Object[] args) {
        Args.count("'slice'", args, 0, 2);
        int size = array.size();
        int from = Args.relative(Args.integer("'slice'", args, 0, 0), size);
        int to = Args.relative(Args.integer("'slice'", args, 1, size), size);
        Budget.charge(Math.max(0, to - from));
        FlowArray result = new FlowArray(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            result.add(Values.markShared(array.get(i)));
        }
        return result;
    }

    /** {@code concat(...values)}: a new array of these elements, then each argument's elements (or the argument). */
    private static Object concat(FlowArray array, Object[] args) {
        long length = array.size();
        for (Object arg : args) {
            length += arg instanceof FlowArray other ? other.size() : 1;
        }
        Budget.checkArray(length);
        Budget.charge(length - array.size()); // the copy charges the rest
        FlowArray result = array.copy();
        for (Object arg : args) {
            if (arg instanceof FlowArray other) {
                for (int i = 0; i < other.size(); i++) {
                    result.add(Values.markShared(other.get(i)));
                }
            } else {
                result.add(Values.markShared(arg));
            }
        }
        return result;
    }

    /** {@code indexOf(value, fromIndex?)} by strict deep equality; {@code includes} is {@code indexOf(…) >= 0}. */
    private static int indexOf(FlowArray array, String label, Object[] args) {
        Args.count(label, args, 1, 2);
        Object wanted = args[0];
        int size = array.size();
        for (int i = Args.relative(Args.integer(label, args, 1, 0), size); i < size; i++) {
            Budget.charge(1);
            if (Values.strictEquals(array.get(i), wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code lastIndexOf(value, fromIndex?)}: searching backwards from {@code fromIndex} (default: the last element). */
    private static int lastIndexOf(FlowArray array, Object[] args) {
        Args.count("'lastIndexOf'", args, 1, 2);
        Object wanted = args[0];
        int size = array.size();
        double from = Args.integer("'lastIndexOf'", args, 1, size - 1);
        int start = (int) (from >= 0 ? Math.min(from, size - 1) : Math.max(size + from, -1));
        for (int i = start; i >= 0; i--) {
            Budget.charge(1);
            if (Values.strictEquals(array.get(i), wanted)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@code join(separator?)}: the elements' string conversion between separators ({@code ","} by default);
     * {@code null} elements give empty text, as in JavaScript.
     */
    private static Object join(FlowArray array, Object[] args) {
        Args.count("'join'", args, 0, 1);
        String separator = Args.string("'join'", args, 0, ",");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                text.append(separator);
            }
            Object item = array.get(i);
            if (item != null) {
                text.append(Values.toDisplayString(item));
            }
            Strings.checkLength(text.length());
        }
        Budget.charge(array.size());
        Budget.chargeCharacters(text.length());
        return text.toString();
    }

    /** {@code flat(depth?)}: nested arrays spliced in, down to {@code depth} levels (1 by default). */
    private static Object flat(FlowArray array, Object[] args) {
        Args.count("'flat'", args, 0, 1);
        double depth = Args.integer("'flat'", args, 0, 1);
        FlowArray result = new FlowArray(array.size());
        flatten(array, depth, result);
        return result;
    }

    /**
     * Depth first with an explicit stack: arrays nested ten thousand deep must not overflow the Java stack.
     * Every element visited is charged, so {@code flat(1e9)} over an array that holds itself twice fifty
     * times over (2^50 elements, built in fifty steps) stops at the budget instead of running for ever.
     */
    private static void flatten(FlowArray source, double depth, FlowArray into) {
        java.util.ArrayDeque<int[]> positions = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<FlowArray> arrays = new java.util.ArrayDeque<>();
        arrays.push(source);
        positions.push(new int[] {0});
        while (!arrays.isEmpty()) {
            FlowArray current = arrays.peek();
            int[] position = positions.peek();
            if (position[0] == current.size()) {
                arrays.pop();
                positions.pop();
                continue;
            }
            Object item = current.get(position[0]++);
            Budget.charge(1);
            if (item instanceof FlowArray inner && arrays.size() <= depth) {
                arrays.push(inner);
                positions.push(new int[] {0});
            } else {
                into.add(Values.markShared(item));
            }
        }
    }

    /** {@code at(index?)}: the element at {@code index}, counting from the end when negative; {@code null} when out of range. */
    private static Object at(FlowArray array, Object[] args) {
        Args.count("'at'", args, 0, 1);
        double index = Args.integer("'at'", args, 0, 0);
        int size = array.size();
        double position = index < 0 ? size + index : index;
        return position >= 0 && position < size ? array.get((int) position) : null;
    }
}
