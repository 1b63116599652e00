package dev.rondo.core.internal.interp;

import java.util.Map;

/**
 * One step of the path to where a suspended program stands: the position inside one statement that
 * contains the suspension ({@code pc}: a statement index, a loop phase, an iteration), an optional value
 * that statement needs to go on ({@code extra}: the awaited promise, a for-of snapshot, a pending
 * completion of a {@code finally}), and the locals of the scope that statement opens, by name.
 */
public record Pos(int pc, Object extra, Map<String, Object> locals) {

    public Pos {
        locals = locals == null ? Map.of() : locals;
    }
}
