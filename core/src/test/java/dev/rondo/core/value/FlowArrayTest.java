package dev.rondo.core.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class FlowArrayTest {

    @Test
    void behavesLikeAListUnderRandomEdits() {
        Random random = new Random(3);
        FlowArray array = new FlowArray();
        List<Object> model = new ArrayList<>();
        for (int step = 0; step < 50_000; step++) {
            int size = model.size();
            switch (random.nextInt(6)) {
                case 0 -> {
                    array.add((double) step);
                    model.add((double) step);
                }
                case 1 -> {
                    array.add(0, (double) step);
                    model.add(0, (double) step);
                }
                case 2 -> {
                    int index = random.nextInt(size + 1);
                    array.add(index, (double) step);
                    model.add(index, (double) step);
                }
                case 3 -> {
                    if (size > 0) {
                        assertEquals(model.remove(0), array.remove(0));
                    }
                }
                case 4 -> {
                    if (size > 0) {
                        int index = random.nextInt(size);
                        assertEquals(model.remove(index), array.remove(index));
                    }
                }
                default -> {
                    if (size > 0) {
                        int index = random.nextInt(size);
                        array.set(index, "s" + step);
                        model.set(index, "s" + step);
                    }
                }
            }
            assertEquals(model.size(), array.size());
        }
        assertEquals(model, array.view());
    }

    @Test
    void shiftingAQueueStaysLinear() {
        FlowArray queue = new FlowArray();
        for (int i = 0; i < 200_000; i++) {
            queue.add((double) i);
        }
        long start = System.nanoTime();
        double sum = 0;
        for (int i = 0; i < 1_000_000; i++) {
            sum += (Double) queue.remove(0);
            queue.add((double) i);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(sum > 0);
        assertEquals(200_000, queue.size());
        // An ArrayList would move 200,000 references per shift: minutes, not milliseconds.
        assertTrue(millis < 5_000, "took " + millis + " ms");
    }

    @Test
    void copiesAreUnsharedAndShareTheirContents() {
        FlowArray inner = FlowArray.of(1.0);
        FlowArray outer = FlowArray.of(inner);
        FlowArray copy = outer.copy();
        assertFalse(copy.isShared());
        assertTrue(inner.isShared());
        assertSame(inner, copy.get(0));
        assertEquals(outer, copy);
        outer.markShared();
        assertSame(outer.writable().getClass(), FlowArray.class);
        assertFalse(outer.writable() == outer);
    }

    @Test
    void viewIsReadOnly() {
        FlowArray array = FlowArray.of(1.0, 2.0);
        assertThrows(UnsupportedOperationException.class, () -> array.view().add(3.0));
        assertEquals(List.of(1.0, 2.0), new FlowArray(array.view()).view());
    }

    @Test
    void rejectsIndicesOutOfRange() {
        FlowArray array = FlowArray.of(1.0);
        assertThrows(IndexOutOfBoundsException.class, () -> array.get(1));
        assertThrows(IndexOutOfBoundsException.class, () -> array.get(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> array.add(3, 0.0));
    }
}
