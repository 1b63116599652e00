package dev.rondo.worker.internal;

import dev.rondo.core.Limits;
import dev.rondo.core.value.FlowArray;
import dev.rondo.core.value.FlowObject;
import dev.rondo.core.value.Json;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Checks what a handler hands back (a result, a failure's details) before anything is committed, so a bad
 * value fails its attempt with a message the workflow can catch instead of failing the commit, or the
 * workflow's next slice. What the engine stores must be JSON text it can read back, within the payload
 * limit, and, as everywhere in Rondo, free of U+0000 (PostgreSQL text cannot hold it).
 */
final class HandlerOutput {

    private HandlerOutput() {}

    /** Null when {@code json} can be stored; otherwise what is wrong, to follow "Task 'x' returned". */
    static String problem(String json, Limits limits) {
        if (json == null) {
            return "no JSON text";
        }
        if (limits.payloadTooLarge(json)) {
            return "more than the " + limits.payloadLimitText() + " of JSON a result may have";
        }
        Object value;
        try {
            value = Json.parse(json);
        } catch (RuntimeException e) {
            return "text that is not valid JSON (" + e.getMessage() + ")";
        }
        if (containsNul(value)) {
            return "a string with the NUL character (U+0000), which Rondo never stores;"
                    + " remove it, or encode binary data (as Base64, say)";
        }
        return null;
    }

    /** {@code text} with each U+0000 written as the six characters {@code \u0000}, for messages that must be kept. */
    static String withoutNul(String text) {
        return text == null || text.indexOf('\0') < 0 ? text : text.replace("\0", "\\u0000");
    }

    /** Whether a string or key anywhere in {@code value} holds U+0000 (with a stack: values may nest deeply). */
    private static boolean containsNul(Object root) {
        Deque<Object> containers = new ArrayDeque<>(); // no nulls (JSON null) in an ArrayDeque: containers only
        if (holdsNul(root, containers)) {
            return true;
        }
        while (!containers.isEmpty()) {
            Object container = containers.pop();
            if (container instanceof FlowArray array) {
                for (Object element : array.view()) {
                    if (holdsNul(element, containers)) {
                        return true;
                    }
                }
            } else {
                for (Map.Entry<String, Object> entry : ((FlowObject) container).view().entrySet()) {
                    if (entry.getKey().indexOf('\0') >= 0 || holdsNul(entry.getValue(), containers)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether {@code value} is a string holding U+0000; an array or object is queued to be looked into. */
    private static boolean holdsNul(Object value, Deque<Object> containers) {
        if (value instanceof String s) {
            return s.indexOf('\0') >= 0;
        }
        if (value instanceof FlowArray || value instanceof FlowObject) {
            containers.push(value);
        }
        return false;
    }
}
