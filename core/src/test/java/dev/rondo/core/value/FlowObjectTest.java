package dev.rondo.core.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The object's two representations (arrays up to {@link FlowObject#SMALL} keys, a map beyond) behave as one map. */
class FlowObjectTest {

    private static final String[] NAMES = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"};

    @Test
    void behavesLikeALinkedHashMapUnderRandomEdits() {
        Random random = new Random(7);
        FlowObject object = new FlowObject();
        Map<String, Object> model = new LinkedHashMap<>();
        boolean grew = false;
        boolean shrank = false;
        for (int step = 0; step < 50_000; step++) {
            String name = NAMES[random.nextInt(NAMES.length)];
            // an equal key that is not the same instance must find the entry too
            String key = random.nextBoolean() ? name : new String(name);
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    object.put(key, (double) step);
                    model.put(key, (double) step);
                }
                case 2 -> assertEquals(model.remove(key), object.remove(key));
                case 3 -> assertEquals(model.get(key), object.get(key));
                default -> assertEquals(model.containsKey(key), object.has(key));
            }
            grew |= object.size() > FlowObject.SMALL;
            shrank |= grew && object.size() < 3;
            assertEquals(model.size(), object.size());
            assertEquals(new ArrayList<>(model.keySet()), new ArrayList<>(object.keys()));
        }
        assertTrue(grew && shrank, "the edits went past the arrays and back");
        assertEquals(model, object.view());
    }

    @Test
    void viewsKeepInsertionOrderThroughOverwritesRemovesAndGrowth() {
        FlowObject object = of("b", "a", "c");
        object.put("b", 4.0);
        object.remove("a");
        object.put("a", 5.0);
        assertEquals(List.of("b", "c", "a"), new ArrayList<>(object.keys()));
        assertEquals(List.of(4.0, 3.0, 5.0), new ArrayList<>(object.view().values()));
        assertEquals(List.of(Map.entry("b", 4.0), Map.entry("c", 3.0), Map.entry("a", 5.0)),
                new ArrayList<>(object.view().entrySet()));
        Map<String, Object> view = object.view();
        for (int i = 0; i < 10; i++) {
            object.put("k" + i, (double) i);
        }
        assertEquals(13, view.size());
        assertEquals(9.0, view.get("k9"));
        assertTrue(object.keys().contains("k0"));
        assertEquals(List.of("b", "c", "a", "k0"), new ArrayList<>(object.keys()).subList(0, 4));
        assertThrows(UnsupportedOperationException.class, () -> object.view().put("x", 1.0));
        assertThrows(UnsupportedOperationException.class, () -> object.keys().remove("b"));
    }

    @Test
    void equalityIgnoresOrderAndRepresentation() {
        FlowObject small = new FlowObject(Map.of("x", 1.0));
        FlowObject grown = new FlowObject();
        for (int i = 0; i < 12; i++) {
            grown.put("k" + i, (double) i);
        }
        for (int i = 0; i < 12; i++) {
            grown.remove("k" + i);
        }
        grown.put("x", 1.0);
        assertEquals(small, grown);
        assertEquals(small.view(), grown.view());
        FlowObject reordered = new FlowObject();
        reordered.put("b", 2.0);
        reordered.put("a", 1.0);
        FlowObject ordered = new FlowObject();
        ordered.put("a", 1.0);
        ordered.put("b", 2.0);
        assertEquals(ordered, reordered);
        ordered.put("a", 3.0);
        assertFalse(ordered.equals(reordered));
    }

    @Test
    void aCopyIsUnsharedAndIndependentAndSharesWhatItHolds() {
        for (int keys : new int[] {3, 12}) {
            FlowObject inner = new FlowObject();
            FlowObject object = new FlowObject();
            object.put("inner", inner);
            for (int i = 1; i < keys; i++) {
                object.put("k" + i, (double) i);
            }
            object.markShared();
            FlowObject copy = object.writable();
            assertFalse(copy.isShared());
            assertTrue(object.isShared());
            assertTrue(inner.isShared(), "the copy and the original both hold it");
            copy.put("k1", -1.0);
            copy.remove("k2");
            copy.put("new", 0.0);
            assertEquals(1.0, object.get("k1"));
            assertEquals(2.0, object.get("k2"));
            assertNull(object.get("new"));
            assertEquals(keys, object.size());
        }
    }

    @Test
    void aCopyChargesOneOperationAKey() {
        for (int keys : new int[] {0, 5, FlowObject.SMALL, 20}) {
            FlowObject object = new FlowObject();
            for (int i = 0; i < keys; i++) {
                object.put("k" + i, (double) i);
            }
            Budget budget = new Budget(1_000, 1_000, 1_000);
            try (Budget.Scope scope = budget.enter()) {
                object.copy();
            }
            assertEquals(keys, budget.operations());
        }
    }

    @Test
    void aKeyOverTheLimitIsTakenBack() {
        for (int limit : new int[] {3, FlowObject.SMALL, 10}) {
            FlowObject object = new FlowObject();
            try (Budget.Scope scope = new Budget(1_000, 1_000, limit).enter()) {
                for (int i = 0; i < limit; i++) {
                    object.put("k" + i, (double) i);
                }
                FlowThrow over = assertThrows(FlowThrow.class, () -> object.put("over", 0.0));
                assertTrue(over.getMessage().contains("at most"), over.getMessage());
                object.put("k0", -1.0); // an existing key is no growth
            }
            assertEquals(limit, object.size());
            assertFalse(object.has("over"));
            assertEquals(-1.0, object.get("k0"));
        }
    }

    @Test
    void aSlotFindsTheKeyWhateverTheHintAndMovesWithRemoves() {
        FlowObject object = of("a", "b", "c");
        assertEquals(2, object.slot("c", 0));
        assertEquals(2, object.slot(new String("c"), 2));
        assertEquals(-1, object.slot("z", 1));
        object.remove("a");
        int slot = object.slot("c", 2);
        assertEquals(1, slot);
        object.setAt(slot, 9.0);
        assertEquals(9.0, object.get("c"));
        assertEquals(9.0, object.valueAt(slot));
        for (int i = 0; i < 10; i++) {
            object.put("k" + i, (double) i);
        }
        assertEquals(-1, object.slot("c", 1), "a grown object is read by key");
    }

    /** An object of these keys in this order, valued 1, 2, 3, … */
    private static FlowObject of(String... keys) {
        FlowObject object = new FlowObject();
        for (int i = 0; i < keys.length; i++) {
            object.put(keys[i], i + 1.0);
        }
        return object;
    }
}
