package dev.rondo.core.internal.builtins;

import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.FlowThrow;
import dev.rondo.core.value.Json;
import dev.rondo.core.value.Numbers;
import dev.rondo.core.value.Values;

import java.util.Map;

/**
 * {@code Object.keys/values/entries/fromEntries}, {@code Array.isArray} and {@code JSON.stringify/parse}. Every
 * container they return is fresh and unshared; the values they copy into it are marked shared, since the
 * argument still holds them.
 */
final class ObjectFunctions {

    private ObjectFunctions() {}

    /** {@code Object.keys(o)}: the keys in insertion order; of an array, its indices as strings ({@code ["0", "1"]}). */
    static Object keys(Object[] args) {
        Object target = args[0];
        if (target instanceof FlowObject object) {
            FlowArray keys = new FlowArray(object.size());
            for (String key : object.keys()) {
                keys.add(key);
            }
            return keys;
        }
        FlowArray array = container("Object.keys", target);
        FlowArray keys = new FlowArray(array.size());
        for (int i = 0; i < array.size(); i++) {
            keys.add(Integer.toString(i));
        }
        return keys;
    }

    static Object values(Object[] args) {
        Object target = args[0];
        if (target instanceof FlowObject object) {
            FlowArray values = new FlowArray(object.size());
            for (Object value : object.view().values()) {
                values.add(Values.markShared(value));
            }
            return values;
        }
        return container("Object.values", target).copy();
    }

    /** {@code Object.entries(o)}: {@code [key, value]} pairs; of an array, {@code ["0", first]} and so on. */
    static Object entries(Object[] args) {
        Object target = args[0];
        if (target instanceof FlowObject object) {
            FlowArray entries = new FlowArray(object.size());
            for (Map.Entry<String, Object> entry : object.view().entrySet()) {
                entries.add(FlowArray.of(entry.getKey(), Values.markShared(entry.getValue())));
            }
            return entries;
        }
        FlowArray array = container("Object.entries", target);
        FlowArray entries = new FlowArray(array.size());
        for (int i = 0; i < array.size(); i++) {
            entries.add(FlowArray.of(Integer.toString(i), Values.markShared(array.get(i))));
        }
        return entries;
    }

    /**
     * {@code Object.fromEntries(list)}: an object from {@code [key, value]} arrays, in order; a repeated key keeps
     * its first position and its last value. Keys are strings, or numbers written as JavaScript writes them.
     */
    static Object fromEntries(Object[] args) {
        if (!(args[0] instanceof FlowArray list)) {
            throw Args.wrongType("Object.fromEntries", 0, "an array of [key, value] pairs", args[0]);
        }
        FlowObject object = new FlowObject();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof FlowArray pair) || pair.size() == 0) {
                throw FlowThrow.typeError("Object.fromEntries needs [key, value] pairs, but item " + i + " is "
                        + describe(list.get(i)) + ".");
            }
            String key = switch (pair.get(0)) {
                case String s -> s;
                case Double d -> Numbers.toString(d);
                case null, default -> throw FlowThrow.typeError("Object.fromEntries needs keys that are strings or numbers, but"
                        + " the key of item " + i + " is " + Values.typeOf(pair.get(0)) + ".");
            };
            object.put(key, pair.size() > 1 ? Values.markShared(pair.get(1)) : null);
        }
        return object;
    }

    static Object isArray(Object[] args) {
        return args[0] instanceof FlowArray;
    }

    /**
     * {@code JSON.stringify(v, null?, indent?)}: the second argument must be {@code null} (replacers are not
     * supported); the indent is a number of spaces (at most 10) or a string (its first 10 characters).
     */
    static Object stringify(Object[] args) {
        if (Args.given(args, 1)) {
            throw FlowThrow.typeError("Argument 2 of JSON.stringify must be null: replacers are not supported.");
        }
        String indent = "";
        if (Args.given(args, 2)) {
            indent = switch (args[2]) {
                case Double d -> Json.indentOf(d);
                case String s -> s;
                default -> throw Args.wrongType("JSON.stringify", 2, "a number or a string", args[2]);
            };
        }
        return Json.write(args[0], indent);
    }

    static Object parse(Object[] args) {
        return Json.parse(Args.string("JSON.parse", args, 0));
    }

    private static FlowArray container(String label, Object target) {
        if (target instanceof FlowArray array) {
            return array;
        }
        throw Args.wrongType(label, 0, "an object or an array", target);
    }

    private static String describe(Object value) {
        return value instanceof FlowArray ? "an empty array" : Values.typeOf(value);
    }
}
