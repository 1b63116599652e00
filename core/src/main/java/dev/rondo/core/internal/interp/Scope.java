package dev.rondo.core.internal.interp;

import dev.rondo.core.value.Values;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables one block (or loop header, or catch clause) declares, with their slots: what a checkpoint
 * saves by name for every scope that is open at the suspension.
 */
final class Scope {

    static final Scope EMPTY = new Scope(new String[0], new int[0]);

    private final String[] names;
    private final int[] slots;

    Scope(String[] names, int[] slots) {
        this.names = names;
        this.slots = slots;
    }

    Map<String, Object> capture(Frame f) {
        if (names.length == 0) {
            return null;
        }
        Map<String, Object> locals = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            locals.put(names[i], Values.markShared(StringBuilding.uncharged(f.slots[slots[i]])));
        }
        return locals;
    }

    /** Writes saved locals back into their slots when restoring from a checkpoint. */
    void restore(Frame f, Pos pos) {
        if (!f.restoring) {
            return;
        }
        for (int i = 0; i < names.length; i++) {
            f.slots[slots[i]] = pos.locals().get(names[i]);
        }
    }
}
