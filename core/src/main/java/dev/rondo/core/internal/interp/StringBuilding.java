package dev.rondo.core.internal.interp;

import dev.rondo.core.value.Budget;
import dev.rondo.core.value.Strings;
import dev.rondo.core.value.Values;

/**
 * A long string being built by {@code s += x} on a local variable, held in the variable's slot in place of
 * a {@link String} so that each append copies only the appended text (amortised linear, as in JavaScript
 * engines) instead of the whole string (quadratic).
 *
 * <p>It never leaves its slot: every read of a slot goes through {@link #read} or {@link #uncharged}, which
 * give a plain {@link String} (flattened once, then cached until the next append). So the builder has a
 * single owner, appending in place cannot change any other value, and checkpoints, arguments, captures and
 * results only ever see plain strings. Short strings stay plain: a builder starts only when the result of an
 * append reaches {@link #THRESHOLD} code units, where copying starts to cost more than the builder.
 */
final class StringBuilding {

    /** The length from which {@code s += x} builds in place rather than concatenating. */
    static final int THRESHOLD = 1024;

    private final StringBuilder text;
    /** The flattened text, or null after an append. */
    private String flat;

    private StringBuilding(String start, String appended) {
        text = new StringBuilder(Math.max(2 * (start.length() + appended.length()), 16));
        text.append(start).append(appended);
    }

    /**
     * {@code current + operand} for {@code +=} on a local whose value is {@code current}, when that is a
     * string or a builder; null when it is neither (the caller applies the operator as usual). Checks the
     * string limit and charges the characters copied: the appended ones only when appending in place.
     */
    static Object append(Object current, Object operand) {
        if (current instanceof StringBuilding building) {
            String tail = operand instanceof String t ? t : Values.toDisplayString(operand);
            long length = (long) building.text.length() + tail.length();
            Strings.checkLength(length);
            Budget.chargeCharacters(tail.length());
            building.text.append(tail);
            building.flat = null;
            return building;
        }
        if (current instanceof String s) {
            String tail = operand instanceof String t ? t : Values.toDisplayString(operand);
            long length = (long) s.length() + tail.length();
            if (length < THRESHOLD) {
                return Strings.concat(s, tail);
            }
            Strings.checkLength(length);
            Budget.chargeCharacters(length);
            return new StringBuilding(s, tail);
        }
        return null;
    }

    /**
     * The value of a slot as the program sees it, charging the copy when a builder is flattened; a
     * {@link NumberCell} gives its number.
     */
    static Object read(Object slotValue) {
        // getClass() rather than instanceof: see ValueNodes.Local.peekNumber
        Class<?> type = slotValue == null ? null : slotValue.getClass();
        if (type == NumberCell.class) {
            return ((NumberCell) slotValue).value;
        }
        if (type == StringBuilding.class) {
            StringBuilding building = (StringBuilding) slotValue;
            if (building.flat == null) {
                Budget.chargeCharacters(building.text.length());
                building.flat = building.text.toString();
            }
            return building.flat;
        }
        return slotValue;
    }

    /** Like {@link #read} without charging: for checkpoints, which are not part of a stretch's work. */
    static Object uncharged(Object slotValue) {
        if (slotValue instanceof NumberCell cell) {
            return cell.value;
        }
        if (slotValue instanceof StringBuilding building) {
            if (building.flat == null) {
                building.flat = building.text.toString();
            }
            return building.flat;
        }
        return slotValue;
    }
}
