package dev.rondo.core.value;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The storage of a {@link FlowArray}: a growable array with room at both ends, so that {@code push},
 * {@code pop}, {@code shift} and {@code unshift} are all amortized constant time. Workflows often use an
 * array as a queue ({@code while (queue.length > 0) { const item = queue.shift(); … }}), which an
 * {@link java.util.ArrayList} makes quadratic.
 */
final class Elements extends AbstractList<Object> implements RandomAccess {

    private static final Object[] EMPTY = {};

    private Object[] data;
    private int head;
    private int size;

    Elements(int capacity) {
        this.data = capacity == 0 ? EMPTY : new Object[capacity];
    }

    Elements(Collection<?> values) {
        Object[] copy = values instanceof Elements other ? other.toArray() : values.toArray();
        this.data = copy.getClass() == Object[].class ? copy : Arrays.copyOf(copy, copy.length, Object[].class);
        this.size = data.length;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Object get(int index) {
        Objects.checkIndex(index, size);
        return data[head + index];
    }

    @Override
    public Object set(int index, Object value) {
        Objects.checkIndex(index, size);
        Object old = data[head + index];
        data[head + index] = value;
        return old;
    }

    @Override
    public boolean add(Object value) {
        if (head + size == data.length) {
            makeRoomAtEnd();
        }
        data[head + size] = value;
        size++;
        modCount++;
        return true;
    }

    @Override
    public void add(int index, Object value) {
        Objects.checkIndex(index, size + 1);
        if (index == size) {
            add(value);
            return;
        }
        if (index == 0) {
            if (head == 0) {
                makeRoomAtStart();
            }
            data[--head] = value;
        } else {
            if (head + size == data.length) {
                makeRoomAtEnd();
            }
            System.arraycopy(data, head + index, data, head + index + 1, size - index);
            data[head + index] = value;
        }
        size++;
        modCount++;
    }

    @Override
    public Object remove(int index) {
        Objects.checkIndex(index, size);
        Object old = data[head + index];
        if (index == 0) {
            data[head] = null;
            head++;
        } else {
            System.arraycopy(data, head + index + 1, data, head + index, size - index - 1);
            data[head + size - 1] = null;
        }
        size--;
        if (size == 0) {
            head = 0;
        }
        modCount++;
        return old;
    }

    @Override
    public void clear() {
        Arrays.fill(data, head, head + size, null);
        head = 0;
        size = 0;
        modCount++;
    }

    @Override
    public void sort(Comparator<? super Object> order) {
        Arrays.sort(data, head, head + size, order);
        modCount++;
    }

    @Override
    public Object[] toArray() {
        return Arrays.copyOfRange(data, head, head + size);
    }

    /** Moves the elements to the front when at least half the array is free there, otherwise grows. */
    private void makeRoomAtEnd() {
        if (head > 0 && head >= data.length / 2) {
            System.arraycopy(data, head, data, 0, size);
            Arrays.fill(data, size, head + size, null);
            head = 0;
            return;
        }
        data = Arrays.copyOf(data, Math.max(8, data.length + (data.length >> 1) + 1));
    }

    /** Grows with free room before the elements, as much as there are elements. */
    private void makeRoomAtStart() {
        int room = Math.max(8, size);
        int tail = data.length - head - size;
        Object[] grown = new Object[room + size + tail];
        System.arraycopy(data, head, grown, room, size);
        data = grown;
        head = room;
    }
}
