package dev.rondo.core.internal.interp;

import dev.rondo.core.ast.Expr.BinaryOp;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;

/**
 * A loop that the bytecode tier ({@link RegionCompiler}) can compile: one whose whole subtree only does
 * arithmetic on numbers held in local variables. Its statements are blocks, {@code if}s, nested such loops,
 * {@code let}/{@code =}/{@code += -= *= /= %=}/{@code ++}/{@code --} on a local, {@code break} and
 * {@code continue} (to a loop of the region) and {@code return} of a number; its expressions are number
 * literals, locals, {@code Inputs.name} (cached in a slot, see {@link AccessNodes.InputMember}),
 * {@code + - * / %}, unary {@code -} and {@code +}, {@code ?:}, and in tests the comparisons, {@code !},
 * {@code &&}, {@code ||} and {@code true}/{@code false}. No call, property, string, await or try.
 *
 * <p>Every value such a region writes is a number made from numbers, so once the locals it finds on entry
 * hold numbers (the compiled code checks that first, and otherwise leaves the loop to the tree-walker),
 * every local of the region holds a number throughout.
 */
final class NumericRegion {

    /** Beyond this many nodes a loop is left to the tree-walker: its code would be too big for the JIT. */
    static final int MAX_NODES = 600;

    final LoopNodes.Loop loop;
    /** The slots the region uses that it does not declare: loaded (and checked to hold numbers) on entry. */
    final int[] entrySlots;
    /** The slots the region declares ({@code let}); they hold no value of the region on entry. */
    final int[] declaredSlots;
    /** The slots the region writes: written back to the frame whenever the compiled code ends. */
    final int[] writtenSlots;
    /**
     * The slots declared by the loop's own initialiser ({@code for (let i = 0; …)}): between two passes, where
     * the tree-walker may hand the loop over to the compiled code, they hold numbers too.
     */
    final BitSet headerSlots;

    private NumericRegion(LoopNodes.Loop loop, BitSet used, BitSet declared, BitSet written, BitSet headerSlots) {
        this.loop = loop;
        BitSet entry = (BitSet) used.clone();
        entry.andNot(declared);
        this.entrySlots = entry.stream().toArray();
        this.declaredSlots = declared.stream().toArray();
        this.writtenSlots = written.stream().toArray();
        this.headerSlots = headerSlots;
    }

    /** The region of {@code loop}, or null when it does anything else than arithmetic on locals. */
    static NumericRegion of(LoopNodes.Loop loop) {
        Scan scan = new Scan();
        if (!scan.stmt(loop) || scan.nodes > MAX_NODES) {
            return null;
        }
        Scan header = new Scan();
        if (loop instanceof LoopNodes.For f && f.init != null) {
            header.stmt(f.init);
        }
        return new NumericRegion(loop, scan.used, scan.declared, scan.written, header.declared);
    }

    /**
     * Whether {@code e} is a number literal or arithmetic on numbers, as {@code number} tells of its operands
     * and {@code test} of its tests; {@code other} tells of anything else (the locals, a call).
     */
    static boolean number(XExpr e, java.util.function.Predicate<XExpr> number, java.util.function.Predicate<XExpr> test,
                          java.util.function.Predicate<XExpr> other) {
        return switch (e) {
            case ValueNodes.Const c -> c.value instanceof Double d && Double.isFinite(d);
            case OperatorNodes.Add a -> number.test(a.left) && number.test(a.right);
            case OperatorNodes.Subtract a -> number.test(a.left) && number.test(a.right);
            case OperatorNodes.Multiply a -> number.test(a.left) && number.test(a.right);
            case OperatorNodes.Remainder a -> number.test(a.left) && number.test(a.right);
            case OperatorNodes.Generic g -> g.op == BinaryOp.DIVIDE && number.test(g.left) && number.test(g.right);
            case OperatorNodes.Negate n -> number.test(n.operand);
            case OperatorNodes.UnaryPlus p -> number.test(p.operand);
            case OperatorNodes.Conditional c -> test.test(c.test) && number.test(c.then) && number.test(c.otherwise);
            default -> other.test(e);
        };
    }

    /**
     * Whether {@code e}, used as a test (a loop's, an {@code if}'s, a {@code ?:}'s), is a comparison of numbers,
     * {@code !}, {@code &&}, {@code ||} of such tests, {@code true}/{@code false} or a number, as {@code number}
     * tells of the numbers (the bytecode tier's scans of loops and of functions share it).
     */
    static boolean test(XExpr e, java.util.function.Predicate<XExpr> number) {
        return switch (e) {
            case OperatorNodes.Less c -> number.test(c.left) && number.test(c.right);
            case OperatorNodes.LessEqual c -> number.test(c.left) && number.test(c.right);
            case OperatorNodes.Greater c -> number.test(c.left) && number.test(c.right);
            case OperatorNodes.GreaterEqual c -> number.test(c.left) && number.test(c.right);
            case OperatorNodes.Equal c -> number.test(c.left) && number.test(c.right);
            case OperatorNodes.Not n -> test(n.operand, number);
            case OperatorNodes.And a -> test(a.left, number) && test(a.right, number);
            case OperatorNodes.Or o -> test(o.left, number) && test(o.right, number);
            case ValueNodes.Const c when c.value instanceof Boolean -> true;
            default -> number.test(e);
        };
    }

    /** One walk over a loop's subtree, answering whether it fits and collecting the slots it uses. */
    private static final class Scan {
        final BitSet used = new BitSet();
        final BitSet declared = new BitSet();
        final BitSet written = new BitSet();
        /** The labels of the loops around the statement being scanned, innermost first. */
        final Deque<String[]> loops = new ArrayDeque<>();
        int nodes;

        boolean stmt(XStmt s) {
            nodes++;
            return switch (s) {
                case StmtNodes.Block b -> all(b.body);
                case LoopNodes.For l -> {
                    loops.push(l.labels);
                    boolean ok = (l.init == null || stmt(l.init)) && (l.test == null || test(l.test))
                            && (l.update == null || stmt(l.update)) && stmt(l.body);
                    loops.pop();
                    yield ok;
                }
                case LoopNodes.While l -> {
                    loops.push(l.labels);
                    boolean ok = test(l.test) && stmt(l.body);
                    loops.pop();
                    yield ok;
                }
                case LoopNodes.DoWhile l -> {
                    loops.push(l.labels);
                    boolean ok = stmt(l.body) && test(l.test);
                    loops.pop();
                    yield ok;
                }
                // a label on a loop is also in the loop's labels; a labelled block is not compiled
                case StmtNodes.Labeled l -> l.body instanceof LoopNodes.Loop && stmt(l.body);
                case StmtNodes.If i -> test(i.test) && stmt(i.then) && (i.otherwise == null || stmt(i.otherwise));
                case StmtNodes.Let l -> l.slot >= 0 && l.init != null && number(l.init) && declare(l.slot);
                case StmtNodes.AssignLocal a -> number(a.value) && write(a.slot);
                case StmtNodes.CompoundLocal c -> c.op != BinaryOp.POWER && number(c.value) && read(c.slot) && write(c.slot);
                case StmtNodes.AddConstantToLocal a -> stmt(a.general);
                case StmtNodes.ExprStmt e -> number(e.expr);
                case StmtNodes.Break b -> ownedHere(b.label);
                case StmtNodes.Continue c -> ownedHere(c.label);
                case StmtNodes.Return r -> r.value != null && number(r.value);
                default -> false;
            };
        }

        private boolean all(XStmt[] statements) {
            for (XStmt s : statements) {
                if (!stmt(s)) {
                    return false;
                }
            }
            return true;
        }

        /** Whether a {@code break}/{@code continue} with {@code label} goes to a loop of the region. */
        private boolean ownedHere(String label) {
            if (label == null) {
                return !loops.isEmpty();
            }
            for (String[] labels : loops) {
                for (String own : labels) {
                    if (own.equals(label)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** An expression whose value is a number when the locals it reads hold numbers. */
        boolean number(XExpr e) {
            nodes++;
            return NumericRegion.number(e, this::number, this::test, leaf -> switch (leaf) {
                case ValueNodes.Local l -> read(l.slot);
                case AccessNodes.InputMember m -> read(m.cacheSlot);
                default -> false;
            });
        }

        /** An expression used as a test (a loop's, an {@code if}'s, a {@code ?:}'s). */
        boolean test(XExpr e) {
            return NumericRegion.test(e, this::number);
        }

        private boolean read(int slot) {
            used.set(slot);
            return true;
        }

        private boolean write(int slot) {
            used.set(slot);
            written.set(slot);
            return true;
        }

        private boolean declare(int slot) {
            declared.set(slot);
            return write(slot);
        }
    }
}
