package dev.rondo.core.value;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Map;

/**
 * Visits a Flow value depth first, in document order, with an explicit stack instead of recursion: a
 * workflow can build a linked list ten thousand levels deep, and writing it must not overflow the Java stack.
 * Subclasses write what they see (JSON text, a Jackson generator). Inside a stretch the walk is charged to
 * its {@link Budget}.
 */
abstract class ValueWalker {

    /** Where the walk stands inside one array or object. */
    private static final class Cursor {
        final FlowArray array;
        final FlowObject object;
        final Iterator<Map.Entry<String, Object>> entries;
        final int size;
        int index;

        Cursor(FlowArray array) {
            this.array = array;
            this.object = null;
            this.entries = null;
            this.size = array.size();
        }

        Cursor(FlowObject object) {
            this.array = null;
            this.object = object;
            this.entries = object.view().entrySet().iterator();
            this.size = object.size();
        }
    }

    /** A value that is not an array or object. */
    abstract void scalar(Object value) throws IOException;

    abstract void startArray(FlowArray array) throws IOException;

    /** Before the element at {@code index} of the innermost array. */
    abstract void element(int index) throws IOException;

    abstract void endArray(FlowArray array) throws IOException;

    abstract void startObject(FlowObject object) throws IOException;

    /** The key of the entry at {@code index} of the innermost object, before its value. */
    abstract void key(String key, int index) throws IOException;

    abstract void endObject(FlowObject object) throws IOException;

    final void walk(Object root) throws IOException {
        ArrayDeque<Cursor> stack = new ArrayDeque<>();
        Object value = root;
        while (true) {
            // Each value visited is charged: an array holding itself twice over fifty levels is built in
            // fifty steps but has 2^50 values to write.
            Budget.charge(1);
            if (value instanceof String s) {
                Budget.chargeCharacters(s.length());
            }
            if (value instanceof FlowArray array) {
                startArray(array);
                stack.push(new Cursor(array));
            } else if (value instanceof FlowObject object) {
                startObject(object);
                stack.push(new Cursor(object));
            } else {
                scalar(value);
            }
            value = null;
            boolean found = false;
            while (!stack.isEmpty() && !found) {
                Cursor cursor = stack.peek();
                if (cursor.index < cursor.size) {
                    int index = cursor.index++;
                    if (cursor.array != null) {
                        element(index);
                        value = cursor.array.get(index);
                    } else {
                        Map.Entry<String, Object> entry = cursor.entries.next();
                        key(entry.getKey(), index);
                        value = entry.getValue();
                    }
                    found = true;
                } else {
                    stack.pop();
                    if (cursor.array != null) {
                        endArray(cursor.array);
                    } else {
                        endObject(cursor.object);
                    }
                }
            }
            if (!found) {
                return;
            }
        }
    }
}
