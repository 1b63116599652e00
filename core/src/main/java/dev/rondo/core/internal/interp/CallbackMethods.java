package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Span;
import dev.rondo.core.value.Budget;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowFunction;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Numbers;
import dev.rondo.core.value.Values;
import java.util.List;

/**
 * The array methods that take a function (LANGUAGE.md §7), with JavaScript's arguments: the callback gets
 * {@code (value, index, array)} ({@code reduce}: {@code (accumulator, value, index, array)}). The array is
 * passed only to a callback that declares a parameter for it: handing it out marks it shared, and the next
 * {@code push} would then copy it, which a loop of such calls would make quadratic.
 */
final class CallbackMethods {

    private CallbackMethods() {}

    static boolean handles(String name) {
        return switch (name) {
            case "map", "filter", "find", "findIndex", "findLast", "findLastIndex", "some", "every", "reduce",
                 "forEach", "flatMap" -> true;
            default -> false;
        };
    }

    static Object call(Frame f, FlowArray array, String name, Object[] args, Span span) {
        FlowFunction fn = function(name, args);
        int n = array.size();
        switch (name) {
            case "map" -> {
                FlowArray out = new FlowArray(n);
                for (int i = 0; i < n; i++) {
                    out.add(Values.markShared(each(f, fn, array, i, span)));
                }
                return out;
            }
            case "flatMap" -> {
                FlowArray out = new FlowArray(n);
                for (int i = 0; i < n; i++) {
                    Object r = each(f, fn, array, i, span);
                    if (r instanceof FlowArray inner) {
                        Budget.checkArray((long) out.size() + inner.size());
                        Budget.charge(inner.size());
                        for (int j = 0; j < inner.size(); j++) {
                            out.add(Values.markShared(inner.get(j)));
                        }
                    } else {
                        out.add(Values.markShared(r));
                    }
                }
                return out;
            }
            case "filter" -> {
                FlowArray out = new FlowArray();
                for (int i = 0; i < n; i++) {
                    if (Values.isTruthy(each(f, fn, array, i, span))) {
                        out.add(Values.markShared(array.get(i)));
                    }
                }
                return out;
            }
            case "find", "findIndex" -> {
                for (int i = 0; i < n; i++) {
                    if (Values.isTruthy(each(f, fn, array, i, span))) {
                        return name.equals("find") ? array.get(i) : Numbers.box(i);
                    }
                }
                return name.equals("find") ? null : Numbers.box(-1);
            }
            case "findLast", "findLastIndex" -> {
                for (int i = n - 1; i >= 0; i--) {
                    if (Values.isTruthy(each(f, fn, array, i, span))) {
                        return name.equals("findLast") ? array.get(i) : Numbers.box(i);
                    }
                }
                return name.equals("findLast") ? null : Numbers.box(-1);
            }
            case "some" -> {
                for (int i = 0; i < n; i++) {
                    if (Values.isTruthy(each(f, fn, array, i, span))) {
                        return true;
                    }
                }
                return false;
            }
            case "every" -> {
                for (int i = 0; i < n; i++) {
                    if (!Values.isTruthy(each(f, fn, array, i, span))) {
                        return false;
                    }
                }
                return true;
            }
            case "forEach" -> {
                for (int i = 0; i < n; i++) {
                    each(f, fn, array, i, span);
                }
                return null;
            }
            case "reduce" -> {
                int i = 0;
                Object acc;
                if (args.length > 1) {
                    acc = args[1];
                } else if (n == 0) {
                    throw FlowThrow.typeError("reduce() of an empty array needs an initial value.").at(span);
                } else {
                    acc = array.get(0);
                    i = 1;
                }
                boolean wantsArray = wants(f, fn, 4);
                for (; i < n; i++) {
                    Object[] callArgs = wantsArray
                            ? new Object[] {acc, array.get(i), Numbers.box(i), array.markShared()}
                            : new Object[] {acc, array.get(i), Numbers.box(i)};
                    acc = Calls.invoke(f, fn, callArgs, span);
                }
                return acc;
            }
            default -> throw new IllegalArgumentException(name);
        }
    }

    private static FlowFunction function(String name, Object[] args) {
        if (args.length == 0 || !(args[0] instanceof FlowFunction fn)) {
            throw FlowThrow.typeError("'" + name + "' needs a function, such as 'x => x * 2', not "
                    + (args.length == 0 ? "nothing" : Values.typeOf(args[0])) + ".");
        }
        return fn;
    }

    private static Object each(Frame f, FlowFunction fn, FlowArray array, int i, Span span) {
        Budget.charge(1);
        Object[] callArgs = wants(f, fn, 3)
                ? new Object[] {array.get(i), Numbers.box(i), array.markShared()}
                : new Object[] {array.get(i), Numbers.box(i)};
        return Calls.invoke(f, fn, callArgs, span);
    }

    /** Whether the function declares at least {@code count} parameters (or a rest parameter). */
    private static boolean wants(Frame f, FlowFunction fn, int count) {
        FunctionCode code = Calls.code(f.m, fn);
        return code.params.length >= count || code.rest;
    }

    /** {@code sort(comparator)} on an array nobody else holds: a stable merge sort, n log n calls at most. */
    static void sort(Frame f, FlowArray writable, Object comparator, Span span) {
        if (!(comparator instanceof FlowFunction fn)) {
            throw FlowThrow.typeError("'sort' takes a function, such as '(a, b) => a - b', not "
                    + Values.typeOf(comparator) + ".");
        }
        List<Object> items = writable.mutableItems();
        Object[] a = items.toArray();
        Object[] buffer = new Object[a.length];
        mergeSort(f, fn, a, buffer, 0, a.length, span);
        for (int i = 0; i < a.length; i++) {
            items.set(i, a[i]);
        }
    }

    private static void mergeSort(Frame f, FlowFunction fn, Object[] a, Object[] buffer, int from, int to, Span span) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(f, fn, a, buffer, from, mid, span);
        mergeSort(f, fn, a, buffer, mid, to, span);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            // Stable: the left element goes first unless the right one is strictly smaller.
            if (compare(f, fn, a[j], a[i], span) < 0) {
                buffer[k++] = a[j++];
            } else {
                buffer[k++] = a[i++];
            }
        }
        while (i < mid) {
            buffer[k++] = a[i++];
        }
        while (j < to) {
            buffer[k++] = a[j++];
        }
        System.arraycopy(buffer, from, a, from, to - from);
    }

    private static double compare(Frame f, FlowFunction fn, Object x, Object y, Span span) {
        Object r = Calls.invoke(f, fn, new Object[] {Values.markShared(x), Values.markShared(y)}, span);
        if (!(r instanceof Double d)) {
            throw FlowThrow.typeError("A sort comparator must return a number (negative, zero or positive), not "
                    + Values.typeOf(r) + ".").at(span);
        }
        return d;
    }
}
