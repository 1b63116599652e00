package dev.rondo.core.value;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.Iterator;
import java.util.Map;

/**
 * Strict deep equality of arrays and objects (see {@link Values#strictEquals}), with an explicit stack of
 * pairs still to compare so that deeply nested values cannot overflow the Java stack.
 */
final class DeepEquality {

    /** A pair of containers compared so far up to {@code index} (arrays) or {@code entries} (objects). */
    private static final class Pair {
        final FlowArray leftArray;
        final FlowArray rightArray;
        final Iterator<Map.Entry<String, Object>> entries;
        final FlowObject rightObject;
        int index;

        Pair(FlowArray left, FlowArray right) {
            this.leftArray = left;
            this.rightArray = right;
            this.entries = null;
            this.rightObject = null;
        }

        Pair(FlowObject left, FlowObject right) {
            this.leftArray = null;
            this.rightArray = null;
            this.entries = left.view().entrySet().iterator();
            this.rightObject = right;
        }
    }

    /** Pairs of containers compared before the comparison starts remembering them. */
    private static final int REMEMBER_AFTER = 4096;

    private DeepEquality() {}

    /** Two containers by identity: a pair met again was (or is being) compared already. */
    private record Met(Object left, Object right) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Met that && that.left == left && that.right == right;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(left) * 31 + System.identityHashCode(right);
        }
    }

    static boolean equal(Object a, Object b) {
        ArrayDeque<Pair> pending = new ArrayDeque<>();
        // Values share containers (copy on write), so a value built in 40 steps can hold 2^40 elements; each
        // pair of containers is compared once. A pair met again is equal, or the first unequal pair would
        // already have ended the comparison. Only remembered once a comparison is long enough to need it:
        // most compare a handful of pairs, and remembering costs more than comparing them.
        Set<Met> met = new HashSet<>();
        int opened = 0;
        if (!open(a, b, pending)) {
            return false;
        }
        while (!pending.isEmpty()) {
            Pair pair = pending.peek();
            Object left;
            Object right;
            if (pair.leftArray != null) {
                if (pair.index == pair.leftArray.size()) {
                    pending.pop();
                    continue;
                }
                left = pair.leftArray.get(pair.index);
                right = pair.rightArray.get(pair.index);
                pair.index++;
            } else {
                if (!pair.entries.hasNext()) {
                    pending.pop();
                    continue;
                }
                Map.Entry<String, Object> entry = pair.entries.next();
                if (!pair.rightObject.has(entry.getKey())) {
                    return false;
                }
                left = entry.getValue();
                right = pair.rightObject.get(entry.getKey());
            }
            Budget.charge(1);
            if (left instanceof FlowArray || left instanceof FlowObject) {
                if (left != right && (++opened < REMEMBER_AFTER || met.add(new Met(left, right)))
                        && !open(left, right, pending)) {
                    return false;
                }
            } else if (!Values.strictEquals(left, right)) {
                return false;
            }
        }
        return true;
    }

    /** Checks the shapes of two containers and queues their contents; false when they already differ. */
    private static boolean open(Object a, Object b, ArrayDeque<Pair> pending) {
        if (a instanceof FlowArray x && b instanceof FlowArray y) {
            if (x.size() != y.size()) {
                return false;
            }
            pending.push(new Pair(x, y));
            return true;
        }
        if (a instanceof FlowObject x && b instanceof FlowObject y) {
            if (x.size() != y.size()) {
                return false;
            }
            pending.push(new Pair(x, y));
            return true;
        }
        return false;
    }
}
